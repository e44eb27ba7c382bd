import { Alert, Form, Input, Modal, Radio } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { meetingKindLabels, meetingKinds, type MeetingDetail, type MeetingKind } from '@gongzhi/shared';
import { formFieldErrors } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { PlacePicker } from '../places/place-picker.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { AssigneeSelect } from './target-pickers.js';
import { meetingsApi } from './visits-api.js';

interface Values {
  kind: MeetingKind;
  title: string;
  heldAt: string;
  placeId: string;
  location?: string;
  hostUserId?: string;
  summary?: string;
}

const LOCAL = 'YYYY-MM-DDTHH:mm';
const fields = new Set(['kind', 'title', 'heldAt', 'placeId', 'location', 'hostUserId', 'summary']);

/** Record a consultation meeting; attendees and opinions are added on its page. */
export function MeetingCreateModal({ open, onClose }: { open: boolean; onClose: (m?: MeetingDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { form, busy, error, close, submit } = useModalForm<Values, MeetingDetail>(
    (v) =>
      meetingsApi.create({
        ...v,
        title: v.title.trim(),
        heldAt: dayjs(v.heldAt, LOCAL).toISOString(),
        location: v.location?.trim() || undefined,
        summary: v.summary?.trim() || undefined,
      }),
    onClose,
    (e) => formFieldErrors(e, (name) => fields.has(String(name[0]))),
  );
  const placeId = Form.useWatch('placeId', form);
  return (
    <Modal
      open={open}
      title={t('visits.meetings.create')}
      okText={t('visits.meetings.createOk')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => close()}
      destroyOnHidden
      width={600}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'heart_to_heart', heldAt: dayjs().format(LOCAL) }} onFinish={submit}>
        <Form.Item name="kind" label={t('visits.meetings.kind')}>
          <Radio.Group optionType="button" options={meetingKinds.map((k) => ({ value: k, label: label(meetingKindLabels[k]) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('visits.meetings.title')} rules={[{ required: true, min: 2, max: 120, whitespace: true }]}>
          <Input maxLength={120} placeholder={t('visits.meetings.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="heldAt" label={t('visits.meetings.heldAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" aria-label={t('visits.meetings.heldAt')} />
        </Form.Item>
        <Form.Item name="placeId" label={t('visits.meetings.place')} rules={[{ required: true, message: t('visits.meetings.pickPlace') }]}>
          <PlacePicker kinds={['community', 'grid', 'estate', 'building']} aria-label={t('visits.meetings.place')} />
        </Form.Item>
        <Form.Item name="location" label={t('visits.meetings.location')} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder={t('visits.meetings.locationPlaceholder')} />
        </Form.Item>
        <Form.Item name="hostUserId" label={t('visits.meetings.host')}>
          <AssigneeSelect placeId={placeId} aria-label={t('visits.meetings.host')} />
        </Form.Item>
        <Form.Item name="summary" label={t('visits.meetings.summary')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
