import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { deliberationManagerRoles, deliberationMeetingKindLabels, deliberationMeetingKinds, membershipRoleLabels, type DeliberationMeetingKind } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { LinkButton } from '../../console/link-button.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { meetingsApi } from './meetings-api.js';

interface Values {
  communityId: string;
  kind: DeliberationMeetingKind;
  title: string;
  startsAt: Dayjs;
  location: string;
  chairName: string;
  recorderName?: string;
  basis: 'households' | 'members';
  speechMinutes: number;
  speechTurns: number;
  agenda?: { title: string }[];
  guests?: { name: string; unit?: string }[];
  membershipIds?: string[];
  organisationIds?: string[];
}

/** A council or joint meeting invites chosen posts (居民代表, committee members…) and organisations (stationed units). */
function Invitees({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const posts = useLoaded(`posts:${communityId}`, () => meetingsApi.posts(communityId));
  const orgs = useLoaded(`orgs:${communityId}`, () => meetingsApi.organisations(communityId));
  return (
    <>
      <Form.Item name="membershipIds" label={t('meetings.form.posts')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={posts.loading}
          options={(posts.data?.items ?? []).map((p) => ({ value: p.id, label: [p.personName, label(membershipRoleLabels[p.role]), p.organisationName].filter(Boolean).join(' · ') }))}
        />
      </Form.Item>
      <Form.Item name="organisationIds" label={t('meetings.form.organisations')}>
        <Select mode="multiple" optionFilterProp="label" loading={orgs.loading} options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
    </>
  );
}

/** The notice of a new meeting: kind, time, place, chair, agenda, and whom the list is drawn from. Saved as a draft. */
export default function MeetingFormPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);
  const communities = [...new Map((me?.roles ?? []).filter((r) => deliberationManagerRoles.includes(r.role) && r.communityId).map((r) => [r.communityId!, r.placeName])).entries()];
  const communityId = Form.useWatch('communityId', form) ?? communities[0]?.[0];

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const m = await meetingsApi.create({
        // With one community there is no picker (and so no field): it is that community.
        communityId: v.communityId ?? communityId ?? '',
        kind: v.kind,
        title: v.title,
        startsAt: v.startsAt.toISOString(),
        location: v.location,
        chairName: v.chairName,
        recorderName: v.recorderName || undefined,
        basis: v.kind === 'residents_meeting' ? v.basis : undefined,
        speechMinutes: v.speechMinutes,
        speechTurns: v.speechTurns,
        agenda: (v.agenda ?? []).filter((a) => a?.title).map((a) => ({ title: a.title })),
        membershipIds: v.membershipIds ?? [],
        organisationIds: v.organisationIds ?? [],
        guests: (v.guests ?? []).filter((g) => g?.name).map((g) => ({ name: g.name, unit: g.unit || undefined })),
      });
      message.success(t('meetings.detail.done'));
      navigate(`/console/deliberation/meetings/${m.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('meetings.form.required') }];
  return (
    <Card title={t('meetings.form.pageTitle')} extra={<LinkButton to="/console/deliberation/meetings">{t('meetings.detail.back')}</LinkButton>}>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ communityId: communities[0]?.[0], kind: 'residents_meeting', basis: 'households', speechMinutes: 2, speechTurns: 2, agenda: [{ title: '' }] }}
        onFinish={save}
      >
        {communities.length > 1 && (
          <Form.Item name="communityId" label={t('meetings.form.community')} rules={required}>
            <Select options={communities.map(([id, name]) => ({ value: id, label: name }))} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('meetings.form.kind')} rules={required}>
          <Select options={deliberationMeetingKinds.map((k) => ({ value: k, label: label(deliberationMeetingKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.form.title')} rules={required}>
          <Input maxLength={120} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="startsAt" label={t('meetings.form.startsAt')} rules={required}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="location" label={t('meetings.form.location')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="chairName" label={t('meetings.form.chairName')} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="recorderName" label={t('meetings.form.recorderName')}>
            <Input maxLength={60} />
          </Form.Item>
        </Space>
        {kind === 'residents_meeting' ? (
          <Form.Item name="basis" label={t('meetings.form.basis')}>
            <Radio.Group
              options={[
                { value: 'households', label: t('meetings.form.basisHouseholds') },
                { value: 'members', label: t('meetings.form.basisMembers') },
              ]}
            />
          </Form.Item>
        ) : (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('meetings.form.basisPosts')} />
        )}
        {(kind === 'deliberation_council' || kind === 'joint_meeting') && communityId && <Invitees communityId={communityId} />}
        <Space wrap size="large">
          <Form.Item name="speechMinutes" label={t('meetings.form.speechMinutes')}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item name="speechTurns" label={t('meetings.form.speechTurns')}>
            <InputNumber min={1} max={10} />
          </Form.Item>
        </Space>
        <Form.Item label={t('meetings.form.agenda')}>
          <Form.List name="agenda">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'title']} noStyle>
                      <Input aria-label={t('meetings.form.agendaItem', { n: i + 1 })} placeholder={t('meetings.form.agendaItem', { n: i + 1 })} maxLength={200} style={{ width: 480 }} />
                    </Form.Item>
                    <Button type="text" aria-label={t('meetings.form.removeAgenda')} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                  {t('meetings.form.addAgenda')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('meetings.form.guests')}>
          <Form.List name="guests">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'name']} noStyle>
                      <Input aria-label={t('meetings.form.guestName')} placeholder={t('meetings.form.guestName')} maxLength={60} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']} noStyle>
                      <Input aria-label={t('meetings.form.guestUnit')} placeholder={t('meetings.form.guestUnit')} maxLength={200} />
                    </Form.Item>
                    <Button type="text" aria-label={t('meetings.desk.remove')} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('meetings.form.addGuest')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        {error !== null && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(error)} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('meetings.form.save')}
          </Button>
          <LinkButton to="/console/deliberation/meetings">{t('meetings.form.cancel')}</LinkButton>
        </Space>
      </Form>
    </Card>
  );
}
