import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleAssignmentView } from '@gongzhi/shared';

const colors: Record<string, string> = {
  subdistrict_admin: 'magenta',
  community_admin: 'red',
  community_staff: 'volcano',
  grid_worker: 'orange',
  building_leader: 'gold',
  org_representative: 'blue',
  resident: 'green',
};

/** "居民 · 五福桥社区" for each role an account holds. */
export function RoleTags({ roles }: { roles: RoleAssignmentView[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r.id} color={colors[r.role]}>
          {t(`roles.${r.role}`)} · {r.placeName}
        </Tag>
      ))}
    </Space>
  );
}
