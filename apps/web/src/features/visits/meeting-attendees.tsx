import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Popconfirm, Segmented, Space, Tag } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, UpdateMeetingBody } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { ResidentPicker } from '../organisations/person-pickers.js';
import { meetingsApi } from './visits-api.js';

type Attendee = MeetingDetail['attendees'][number];
type AttendeeInput = NonNullable<UpdateMeetingBody['attendees']>[number];
type Mode = 'register' | 'name';

/** An attendee as the API takes it back: register residents by id, others by name, unit and organisation. */
const asInput = (a: Attendee): AttendeeInput =>
  a.residentId
    ? { residentId: a.residentId, unit: a.unit ?? undefined }
    : { name: a.name, unit: a.unit ?? undefined, organisationId: a.organisationId ?? undefined };

/** Who came: residents picked from the register, or people named with their unit. The list is saved whole. */
export function MeetingAttendees({ meeting, onSaved }: { meeting: MeetingDetail; onSaved: (m: MeetingDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode>('register');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ residentId?: string; name?: string; unit?: string }>();

  const save = async (attendees: AttendeeInput[]) => {
    setBusy(true);
    try {
      onSaved(await meetingsApi.update(meeting.id, { attendees }));
      form.resetFields();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (v: { residentId?: string; name?: string; unit?: string }) => {
    const unit = v.unit?.trim() || undefined;
    const next: AttendeeInput = mode === 'register' ? { residentId: v.residentId, unit } : { name: v.name?.trim(), unit };
    if (await save([...meeting.attendees.map(asInput), next])) message.success(t('visits.meetings.attendeeAdded'));
  };

  return (
    <Card size="small" title={t('visits.meetings.attendees', { count: meeting.attendees.length })}>
      {meeting.attendees.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.meetings.noAttendees')} />
      ) : (
        <List<Attendee>
          size="small"
          aria-label={t('visits.meetings.attendeeList')}
          dataSource={meeting.attendees}
          renderItem={(a) => (
            <List.Item
              actions={
                meeting.can.edit
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('visits.meetings.removeAttendee', { name: a.name })}
                        onConfirm={() => void save(meeting.attendees.filter((x) => x.id !== a.id).map(asInput))}
                      >
                        <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('visits.meetings.removeAttendee', { name: a.name })} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <strong>{a.name}</strong>
                {a.unit && <span>{a.unit}</span>}
                {a.residentId && <Tag color="blue">{t('visits.meetings.fromRegister')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {meeting.can.edit && (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void add(v)} style={{ marginTop: 12 }}>
          <Form.Item label={t('visits.meetings.addAttendee')}>
            <Segmented<Mode>
              aria-label={t('visits.meetings.addAttendee')}
              value={mode}
              onChange={setMode}
              options={[
                { value: 'register', label: t('visits.meetings.byRegister') },
                { value: 'name', label: t('visits.meetings.byName') },
              ]}
            />
          </Form.Item>
          {mode === 'register' ? (
            <Form.Item name="residentId" label={t('visits.meetings.resident')} rules={[{ required: true, message: t('visits.meetings.pickResident') }]}>
              <ResidentPicker aria-label={t('visits.meetings.resident')} />
            </Form.Item>
          ) : (
            <Form.Item name="name" label={t('visits.meetings.attendeeName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          )}
          <Form.Item name="unit" label={t('visits.meetings.unit')} rules={[{ max: 100 }]}>
            <Input maxLength={100} placeholder={t('visits.meetings.unitPlaceholder')} />
          </Form.Item>
          <Button htmlType="submit" icon={<UserAddOutlined />} loading={busy}>
            {t('visits.meetings.addAttendeeOk')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
