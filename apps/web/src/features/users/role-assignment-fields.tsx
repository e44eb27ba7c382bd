import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { grantableRoles as grantable, roleScopeKind, type Me, type Role } from '@gongzhi/shared';
import { PlacePicker } from '../places/place-picker.js';

/** The roles this account may grant, in a stable order. */
export function grantableRoles(me: Me | null): Role[] {
  const set = new Set((me?.roles ?? []).flatMap((r) => grantable[r.role] ?? []));
  return (Object.keys(roleScopeKind) as Role[]).filter((r) => set.has(r));
}

interface Props {
  me: Me | null;
  /** Field name prefix inside the form, e.g. `['roles', 0]` in a list, or `[]` for a flat form. */
  prefix: (string | number)[];
  role: Role | undefined;
}

/** A role and the place it covers; the place must be of the kind the role is scoped to. */
export function RoleAssignmentFields({ me, prefix, role }: Props) {
  const { t } = useTranslation();
  const kind = role ? roleScopeKind[role] : undefined;
  return (
    <>
      <Form.Item name={[...prefix, 'role']} label={t('users.create.role')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select<Role>
          options={grantableRoles(me).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          placeholder={t('places.picker.placeholder')}
        />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'placeId']}
        label={kind ? t('users.create.placeOf', { kind: t(`kinds.${kind}`) }) : t('users.create.place')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        {kind ? <PlacePicker key={kind} kinds={[kind]} /> : <Select disabled placeholder={t('places.picker.placeholder')} />}
      </Form.Item>
    </>
  );
}
