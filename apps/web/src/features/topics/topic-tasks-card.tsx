import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { topicTaskOwnerKinds, type TopicDetail, type TopicTask, type TopicTaskOwnerKind } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { useModalForm } from '../requests/use-modal-form.js';
import { useAssigneeOptions } from '../requests/use-assignee-options.js';
import { topicsApi } from './topics-api.js';

interface TaskValues {
  title: string;
  ownerKind: TopicTaskOwnerKind;
  owner?: string;
  ownerName?: string;
  dueOn: Dayjs;
}

/** The decision's tasks: owner, deadline, overdue ones in red; staff add them and mark them done with a note. */
export function TopicTasksCard({ topic, onSaved }: { topic: TopicDetail; onSaved: (t: TopicDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [finishing, setFinishing] = useState<TopicTask | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const mayAdd = topic.can.manage && (topic.status === 'decided' || topic.status === 'implementing');
  const add = useModalForm<TaskValues, TopicDetail>(
    (v) =>
      topicsApi.addTask(topic.id, {
        title: v.title,
        ownerKind: v.ownerKind,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        ...(v.ownerKind === 'user' ? { ownerUserId: v.owner } : v.ownerKind === 'organisation' ? { ownerOrganisationId: v.owner } : { ownerName: v.ownerName }),
      }),
    (saved) => {
      setAdding(false);
      if (saved) onSaved(saved);
    },
  );
  const ownerKind = Form.useWatch('ownerKind', add.form);
  // Users only list for account managers; the server checks every owner again, so this is a convenience.
  const assignees = useAssigneeOptions(adding);
  const options = assignees.options.filter((o) => o.kind === ownerKind).map((o) => ({ value: o.id, label: o.name }));

  const finish = async () => {
    if (!finishing) return;
    setBusy(true);
    try {
      onSaved(await topicsApi.completeTask(topic.id, finishing.id, note.trim()));
      setFinishing(null);
      setNote('');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('topics.tasks.title')}
      extra={
        mayAdd && (
          <Button size="small" type="primary" onClick={() => setAdding(true)}>
            {t('topics.tasks.add')}
          </Button>
        )
      }
    >
      <Table<TopicTask>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={topic.tasks}
        locale={{ emptyText: <Empty description={t('topics.tasks.empty')} /> }}
        columns={[
          { key: 'title', title: t('topics.tasks.taskTitle'), dataIndex: 'title' },
          { key: 'owner', title: t('topics.tasks.owner'), width: 140, render: (_: unknown, k) => `${k.ownerName}（${t(`topics.tasks.ownerKinds.${k.ownerKind}`)}）` },
          {
            key: 'due',
            title: t('topics.tasks.dueOn'),
            width: 130,
            render: (_: unknown, k) => (
              <>
                {k.dueOn} {k.overdue && <Tag color="red">{t('topics.tasks.overdue')}</Tag>}
              </>
            ),
          },
          {
            key: 'done',
            title: '',
            width: 200,
            render: (_: unknown, k) =>
              k.doneAt ? (
                <Typography.Text type="success">
                  {t('topics.tasks.doneAt', { date: formatDateTime(k.doneAt) })}
                  {k.doneNote ? `：${k.doneNote}` : ''}
                </Typography.Text>
              ) : (
                topic.can.manage && (
                  <Button size="small" onClick={() => setFinishing(k)}>
                    {t('topics.tasks.markDone')}
                  </Button>
                )
              ),
          },
        ]}
      />
      <Modal open={adding} title={t('topics.tasks.add')} onCancel={() => add.close()} onOk={() => add.form.submit()} confirmLoading={add.busy} destroyOnHidden>
        {add.error && <Alert type="error" showIcon title={add.error} style={{ marginBottom: 12 }} />}
        <Form<TaskValues> form={add.form} layout="vertical" initialValues={{ ownerKind: 'user' }} onFinish={(v) => void add.submit(v)}>
          <Form.Item name="title" label={t('topics.tasks.taskTitle')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="ownerKind" label={t('topics.tasks.ownerKind')}>
            <Select options={topicTaskOwnerKinds.map((k) => ({ value: k, label: t(`topics.tasks.ownerKinds.${k}`) }))} />
          </Form.Item>
          {ownerKind === 'person' ? (
            <Form.Item name="ownerName" label={t('topics.tasks.ownerName')} rules={[{ required: true, max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          ) : (
            <Form.Item name="owner" label={ownerKind === 'organisation' ? t('topics.tasks.ownerOrganisation') : t('topics.tasks.ownerUser')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={options} />
            </Form.Item>
          )}
          <Form.Item name="dueOn" label={t('topics.tasks.dueOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={finishing !== null}
        title={finishing?.title}
        onCancel={() => setFinishing(null)}
        onOk={() => void finish()}
        okButtonProps={{ disabled: !note.trim() }}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Input.TextArea aria-label={t('topics.tasks.doneNote')} placeholder={t('topics.tasks.doneNote')} rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Card>
  );
}
