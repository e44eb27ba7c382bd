import { useState } from 'react';
import { Alert, Col, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { membershipRoleLabels, membershipRoles, placePostKinds, postGrantsRole, type MembershipRole, type MembershipView, type OrganisationView } from '@gongzhi/shared';
import { errorText, formFieldErrors } from '../../api/error-text.js';
import { DateInput, today } from '../../console/date-input.js';
import { useLabel } from '../../i18n/labels.js';
import { PlacePicker } from '../places/place-picker.js';
import { organisationsApi } from './organisations-api.js';
import { ResidentPicker, UserPicker } from './person-pickers.js';

type Who = 'resident' | 'user' | 'outsider';
interface Values {
  who: Who;
  residentId?: string;
  userId?: string;
  personName?: string;
  personUnit?: string;
  role?: MembershipRole;
  placeId?: string;
  startOn?: string;
  endOn?: string;
}

const placeRoles = Object.keys(placePostKinds) as MembershipRole[];
const orgRoles = membershipRoles.filter((r) => !placeRoles.includes(r));
const known = ['residentId', 'userId', 'personName', 'personUnit', 'role', 'placeId', 'startOn', 'endOn'];

/**
 * Give someone a post: in an organisation, or at a place (grid worker, building leader, estate head). The
 * person is a resident, an account, or an outsider named with their unit (a part-time member from a
 * stationed unit). Posts that grant an account role need an account.
 */
export function MembershipFormModal({
  communityId,
  organisation,
  open,
  onClose,
}: {
  communityId: string;
  organisation: OrganisationView | null;
  open: boolean;
  onClose: (saved?: MembershipView) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const who = Form.useWatch('who', form) ?? 'resident';
  const role = Form.useWatch('role', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const placeKind = role ? placePostKinds[role] : undefined;
  const roles = organisation ? orgRoles : [...placeRoles, 'volunteer' as const];

  const close = (saved?: MembershipView) => {
    form.resetFields();
    setError(null);
    onClose(saved);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      close(
        await organisationsApi.addMember({
          communityId,
          organisationId: organisation?.id,
          residentId: v.who === 'resident' ? v.residentId : undefined,
          userId: v.who === 'user' ? v.userId : undefined,
          personName: v.who === 'outsider' ? v.personName?.trim() : undefined,
          personUnit: v.who === 'outsider' ? v.personUnit?.trim() || undefined : undefined,
          role: v.role!,
          placeId: placeKind ? v.placeId : undefined,
          startOn: v.startOn,
          endOn: v.endOn,
        }),
      );
    } catch (e) {
      form.setFields(formFieldErrors(e, (n) => known.includes(String(n[0]))));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={organisation ? t('organisations.members.addTitle', { name: organisation.name }) : t('organisations.posts.addTitle')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={() => close()}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        name="membership-form"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ who: 'resident', startOn: today(), endOn: organisation?.termEndOn ?? undefined }}
      >
        <Form.Item name="who" label={t('organisations.members.who')}>
          <Radio.Group
            optionType="button"
            options={(['resident', 'user', 'outsider'] as const).map((w) => ({ value: w, label: t(`organisations.members.whoOptions.${w}`) }))}
          />
        </Form.Item>
        {who === 'resident' && (
          <Form.Item name="residentId" label={t('organisations.members.resident')} rules={required}>
            <ResidentPicker aria-label={t('organisations.members.resident')} />
          </Form.Item>
        )}
        {who === 'user' && (
          <Form.Item name="userId" label={t('organisations.members.user')} rules={required}>
            <UserPicker aria-label={t('organisations.members.user')} />
          </Form.Item>
        )}
        {who === 'outsider' && (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="personName" label={t('organisations.members.personName')} rules={[...required, { whitespace: true, message: t('validation.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="personUnit" label={t('organisations.members.personUnit')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="role" label={t('organisations.members.role')} rules={required}>
          <Select aria-label={t('organisations.members.role')} options={roles.map((r) => ({ value: r, label: label(membershipRoleLabels[r]) }))} />
        </Form.Item>
        {role && postGrantsRole[role] && (
          <Typography.Paragraph type="warning">{t('organisations.members.grantsHint', { role: t(`roles.${postGrantsRole[role]}`) })}</Typography.Paragraph>
        )}
        {placeKind && (
          <Form.Item name="placeId" label={t('organisations.members.place', { kind: t(`kinds.${placeKind}`) })} rules={required}>
            <PlacePicker key={placeKind} kinds={[placeKind]} aria-label={t('organisations.members.place', { kind: t(`kinds.${placeKind}`) })} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="startOn" label={t('organisations.members.startOn')}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="endOn" label={t('organisations.members.endOn')}>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
