import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me, Role } from '@gongzhi/shared';
import { PlacePicker } from './place-picker.js';

/**
 * The community a new record belongs to. Staff of one community never have to say it; a subdistrict admin
 * (or someone with roles in several communities) picks one.
 */
export function fixedCommunityId(me: Me | null, roles: readonly Role[]): string | null {
  const held = (me?.roles ?? []).filter((r) => roles.includes(r.role));
  if (held.some((r) => r.placeKind === 'subdistrict')) return null;
  const ids = new Set(held.map((r) => r.communityId).filter((c): c is string => !!c));
  return ids.size === 1 ? [...ids][0]! : null;
}

/** A form item named `communityId`: hidden with the fixed value, or a community picker. */
export function CommunityField({ me, roles, name = 'communityId' }: { me: Me | null; roles: readonly Role[]; name?: string }) {
  const { t } = useTranslation();
  const fixed = fixedCommunityId(me, roles);
  if (fixed) {
    // Said, not asked: a community worker sees where the record goes (the name is known from a community role).
    const known = me?.roles.find((r) => r.placeId === fixed)?.placeName;
    return (
      <>
        <Form.Item name={name} initialValue={fixed} hidden noStyle>
          <Input type="hidden" />
        </Form.Item>
        {known && (
          <Form.Item label={t('registers.community.label')}>
            <Typography.Text strong>{known}</Typography.Text>
          </Form.Item>
        )}
      </>
    );
  }
  return (
    <Form.Item name={name} label={t('registers.community.label')} rules={[{ required: true, message: t('registers.community.pick') }]}>
      <PlacePicker kinds={['community']} aria-label={t('registers.community.label')} />
    </Form.Item>
  );
}
