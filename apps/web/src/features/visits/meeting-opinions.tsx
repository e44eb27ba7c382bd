import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { ConvertModal } from './convert-modal.js';
import { RequestLink } from './request-link.js';
import { meetingsApi } from './visits-api.js';

type Opinion = MeetingDetail['opinions'][number];

/** What was said at the meeting, one opinion each, and the requests they became. */
export function MeetingOpinions({ meeting, onSaved, reload }: { meeting: MeetingDetail; onSaved: (m: MeetingDetail) => void; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ speakerName?: string; text: string }>();
  const [busy, setBusy] = useState(false);
  const [converting, setConverting] = useState<Opinion | null>(null);

  const add = async (v: { speakerName?: string; text: string }) => {
    setBusy(true);
    try {
      onSaved(await meetingsApi.addOpinion(meeting.id, { speakerName: v.speakerName?.trim() || undefined, text: v.text.trim() }));
      form.resetFields();
      message.success(t('visits.meetings.opinionAdded'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('visits.meetings.opinions', { count: meeting.opinions.length })}>
      {meeting.opinions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.meetings.noOpinions')} />
      ) : (
        <List<Opinion>
          aria-label={t('visits.meetings.opinionList')}
          dataSource={meeting.opinions}
          renderItem={(o) => (
            <List.Item
              actions={[
                <RequestLink key="request" requestId={o.requestId} number={o.requestNumber} canConvert={meeting.can.convert} onConvert={() => setConverting(o)} />,
              ]}
            >
              <List.Item.Meta
                title={o.speakerName ?? t('visits.meetings.anonymousSpeaker')}
                description={<span className="gz-visit-item-text">{o.text}</span>}
              />
            </List.Item>
          )}
        />
      )}
      {meeting.can.edit && (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void add(v)} style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('visits.meetings.addOpinion')}</Typography.Text>
          <Form.Item name="speakerName" label={t('visits.meetings.speaker')} rules={[{ max: 60 }]} style={{ marginTop: 8 }}>
            <Input maxLength={60} placeholder={t('visits.meetings.speakerPlaceholder')} />
          </Form.Item>
          <Form.Item name="text" label={t('visits.meetings.opinionText')} rules={[{ required: true, min: 2, max: 2000, whitespace: true }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
            {t('visits.meetings.addOpinionOk')}
          </Button>
        </Form>
      )}
      <ConvertModal
        text={converting?.text ?? null}
        convert={(body) => meetingsApi.convertOpinion(meeting.id, converting!.id, body)}
        onClose={(done) => {
          setConverting(null);
          if (done) {
            message.success(t('visits.convert.created', { number: done.number }));
            reload();
          }
        }}
      />
    </Card>
  );
}
