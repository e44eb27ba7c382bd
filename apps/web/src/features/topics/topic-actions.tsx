import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TopicDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { topicsApi } from './topics-api.js';

type Open = 'agenda' | 'decline' | 'decision' | null;
interface AgendaValues {
  ends: Dayjs;
  note?: string;
}
interface DeclineValues {
  reason: string;
}
interface DecisionValues {
  result: 'adopted' | 'rejected';
  text: string;
  meetingRef: string;
  decidedAt: Dayjs;
  forCount?: number;
  againstCount?: number;
  abstainCount?: number;
}

/** Staff steps for the topic's status: agenda or decline, end the consultation, record a decision, close. */
export function TopicActions({ topic, onSaved }: { topic: TopicDetail; onSaved: (t: TopicDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>(null);
  const done = (saved?: TopicDetail) => {
    setOpen(null);
    if (saved) {
      message.success(t('topics.actions.done'));
      onSaved(saved);
    }
  };
  const agenda = useModalForm<AgendaValues, TopicDetail>((v) => topicsApi.agenda(topic.id, { consultationEndsAt: v.ends.toISOString(), note: v.note || undefined }), done);
  const decline = useModalForm<DeclineValues, TopicDetail>((v) => topicsApi.decline(topic.id, v.reason), done);
  const decision = useModalForm<DecisionValues, TopicDetail>(
    (v) =>
      topicsApi.decision(topic.id, {
        result: v.result,
        text: v.text,
        meetingRef: v.meetingRef,
        decidedAt: v.decidedAt.toISOString(),
        forCount: v.forCount ?? undefined,
        againstCount: v.againstCount ?? undefined,
        abstainCount: v.abstainCount ?? undefined,
      }),
    done,
  );
  const run = async (call: () => Promise<TopicDetail>) => {
    setError(null);
    try {
      done(await call());
    } catch (e) {
      setError(e);
    }
  };

  const s = topic.status;
  return (
    <>
      <Space wrap>
        {s === 'proposed' && (
          <>
            <Button type="primary" onClick={() => setOpen('agenda')}>
              {t('topics.actions.agenda')}
            </Button>
            <Button danger onClick={() => setOpen('decline')}>
              {t('topics.actions.decline')}
            </Button>
          </>
        )}
        {s === 'on_agenda' && topic.phase === 'consultation' && (
          <Popconfirm title={t('topics.actions.closeConsultationConfirm')} okText={t('topics.actions.ok')} cancelText={t('topics.actions.cancel')} onConfirm={() => run(() => topicsApi.closeConsultation(topic.id))}>
            <Button>{t('topics.actions.closeConsultation')}</Button>
          </Popconfirm>
        )}
        {s === 'on_agenda' && <Button onClick={() => setOpen('decision')}>{t('topics.actions.decision')}</Button>}
        {(s === 'reported' || s === 'rejected') && (
          <Popconfirm title={t('topics.actions.closeConfirm')} okText={t('topics.actions.ok')} cancelText={t('topics.actions.cancel')} onConfirm={() => run(() => topicsApi.close(topic.id))}>
            <Button>{t('topics.actions.close')}</Button>
          </Popconfirm>
        )}
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginTop: 8 }} /> : null}

      <Modal open={open === 'agenda'} title={t('topics.actions.agendaTitle')} onCancel={() => agenda.close()} onOk={() => agenda.form.submit()} confirmLoading={agenda.busy} destroyOnHidden>
        {agenda.error && <Alert type="error" showIcon title={agenda.error} style={{ marginBottom: 12 }} />}
        <Form<AgendaValues> form={agenda.form} layout="vertical" onFinish={(v) => void agenda.submit(v)}>
          <Form.Item name="ends" label={t('topics.fields.consultationEndsAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('topics.actions.agendaNote')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={open === 'decline'} title={t('topics.actions.declineTitle')} onCancel={() => decline.close()} onOk={() => decline.form.submit()} okButtonProps={{ danger: true }} confirmLoading={decline.busy} destroyOnHidden>
        {decline.error && <Alert type="error" showIcon title={decline.error} style={{ marginBottom: 12 }} />}
        <Form<DeclineValues> form={decline.form} layout="vertical" onFinish={(v) => void decline.submit(v)}>
          <Form.Item name="reason" label={t('topics.fields.declineReason')} extra={t('topics.actions.declineHint')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={open === 'decision'} title={t('topics.actions.decisionTitle')} onCancel={() => decision.close()} onOk={() => decision.form.submit()} confirmLoading={decision.busy} destroyOnHidden>
        {decision.error && <Alert type="error" showIcon title={decision.error} style={{ marginBottom: 12 }} />}
        <Form<DecisionValues> form={decision.form} layout="vertical" initialValues={{ result: 'adopted' }} onFinish={(v) => void decision.submit(v)}>
          <Form.Item name="result" label={t('topics.actions.decisionResult')}>
            <Radio.Group
              options={[
                { value: 'adopted', label: t('topics.detail.decisionAdopted') },
                { value: 'rejected', label: t('topics.detail.decisionRejected') },
              ]}
            />
          </Form.Item>
          <Form.Item name="text" label={t('topics.actions.decisionText')} rules={[{ required: true, min: 2, max: 4000 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="meetingRef" label={t('topics.detail.meetingRef')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="decidedAt" label={t('topics.actions.decidedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="forCount" label={t('topics.actions.forCount')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
            <Form.Item name="againstCount" label={t('topics.actions.againstCount')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
            <Form.Item name="abstainCount" label={t('topics.actions.abstainCount')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
