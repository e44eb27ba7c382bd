import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { membershipRoleLabels, placePostKinds, type MembershipRole, type MembershipView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { hasRole, organisationManagerRoles } from '../../console/module-access.js';
import { fixedCommunityId } from '../places/community-field.js';
import { PlacePicker } from '../places/place-picker.js';
import { useSession } from '../session/session-context.js';
import { MembersTable } from './members-table.js';
import { MembershipFormModal } from './membership-form-modal.js';
import { organisationsApi } from './organisations-api.js';

/** Posts held at a place rather than in an organisation: grid workers, building leaders, estate heads, volunteers. */
export function PlacePostsPanel() {
  const { t } = useTranslation();
  const { me } = useSession();
  const fixed = fixedCommunityId(me, organisationManagerRoles);
  const [picked, setPicked] = useState<string | undefined>();
  const communityId = fixed ?? picked;
  const label = useLabel();
  const [role, setRole] = useState<MembershipRole | undefined>();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [items, setItems] = useState<MembershipView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const r = await organisationsApi.memberships({ communityId, role, includeEnded });
      setItems(r.items.filter((m) => m.organisationId === null));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [communityId, role, includeEnded]);

  useEffect(() => {
    void load();
  }, [load]);

  const canManage = hasRole(me, organisationManagerRoles);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('organisations.posts.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {!fixed && (
          <div style={{ width: 240 }}>
            <PlacePicker kinds={['community']} value={picked} onChange={setPicked} aria-label={t('registers.community.label')} placeholder={t('registers.community.pick')} />
          </div>
        )}
        <Select<MembershipRole>
          allowClear
          aria-label={t('organisations.members.role')}
          placeholder={t('organisations.posts.anyRole')}
          value={role}
          onChange={setRole}
          options={[...(Object.keys(placePostKinds) as MembershipRole[]), 'volunteer' as const].map((r) => ({ value: r, label: label(membershipRoleLabels[r]) }))}
          style={{ width: 160 }}
        />
        <Checkbox checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)}>
          {t('organisations.members.includeEnded')}
        </Checkbox>
        {canManage && communityId && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('organisations.posts.add')}
          </Button>
        )}
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <MembersTable items={items} loading={loading} canManage={canManage} onChanged={load} />
      {communityId && (
        <MembershipFormModal
          communityId={communityId}
          organisation={null}
          open={adding}
          onClose={(saved) => {
            setAdding(false);
            if (saved) void load();
          }}
        />
      )}
    </>
  );
}
