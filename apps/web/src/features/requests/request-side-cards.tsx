import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { CrownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { requestIntakeRoles, type CallbackView, type RequestDetail } from '@gongzhi/shared';
import { hasRole } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { useSession } from '../session/session-context.js';
import { CallbackModal } from './callback-modal.js';

const assignmentColor = { active: 'blue', returned: 'orange', removed: 'default', done: 'green' } as const;
const callbackColor = { open: 'gold', done: 'green', unreachable: 'default' } as const;

/** Who the request went to: the lead first, with each assignee's state and note. */
export function AssignmentsCard({ d }: { d: RequestDetail }) {
  const { t } = useTranslation();
  const items = [...d.assignments].sort((a, b) => Number(b.lead) - Number(a.lead));
  return (
    <Card size="small" title={t('requests.assignments.title')}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requests.assignments.none')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Space wrap size={4}>
                  <Typography.Text strong>{a.name}</Typography.Text>
                  {a.lead && (
                    <Tag color="red" icon={<CrownOutlined />}>
                      {t('requests.assignments.lead')}
                    </Tag>
                  )}
                  <Tag>{t(`requests.assignments.kinds.${a.kind}`)}</Tag>
                  <Tag color={assignmentColor[a.status]}>{t(`requests.assignments.statuses.${a.status}`)}</Tag>
                </Space>
                <Typography.Text type="secondary">
                  {t('requests.assignments.assignedAt', { at: formatDateTime(a.assignedAt) })}
                  {a.acceptedAt && ` · ${t('requests.assignments.acceptedAt', { at: formatDateTime(a.acceptedAt) })}`}
                </Typography.Text>
                {a.note && <Typography.Text>{a.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Callback tasks of this request; staff complete an open one here or on the callbacks page. */
export function CallbacksCard({ d, onChanged }: { d: RequestDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [doing, setDoing] = useState<CallbackView | null>(null);
  if (d.callbacks.length === 0) return null;
  const mayDo = hasRole(me, requestIntakeRoles);
  return (
    <Card size="small" title={t('requests.callback.cardTitle')}>
      <List
        size="small"
        dataSource={d.callbacks}
        renderItem={(c) => (
          <List.Item
            actions={
              c.status === 'open' && mayDo
                ? [
                    <Button key="do" size="small" type="primary" onClick={() => setDoing(c)}>
                      {t('requests.callback.do')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={2}>
              <Space wrap size={4}>
                <Tag color={callbackColor[c.status]}>{t(`requests.callback.statuses.${c.status}`)}</Tag>
                <Typography.Text type="secondary">{t('requests.callback.dueAt', { at: formatDateTime(c.dueAt) })}</Typography.Text>
              </Space>
              {c.doneAt && <Typography.Text type="secondary">{t('requests.callback.doneAt', { at: formatDateTime(c.doneAt) })}</Typography.Text>}
              {c.note && <Typography.Text>{c.note}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      <CallbackModal
        callback={doing}
        onClose={(done) => {
          setDoing(null);
          if (done) onChanged();
        }}
      />
    </Card>
  );
}

/** Where this request was merged to, and the duplicates merged into it (their submitters get this answer). */
export function MergedCard({ d }: { d: RequestDetail }) {
  const { t } = useTranslation();
  if (!d.mergedInto && d.mergedRequests.length === 0) return null;
  return (
    <Card size="small" title={t('requests.merged.title')}>
      {d.mergedInto && (
        <Typography.Paragraph>
          {t('requests.merged.into')} <Link to={`/console/requests/${d.mergedInto.id}`}>{d.mergedInto.number}</Link>
        </Typography.Paragraph>
      )}
      {d.mergedRequests.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('requests.merged.from')}</Typography.Text>
          <Space wrap style={{ display: 'flex', marginTop: 4 }}>
            {d.mergedRequests.map((m) => (
              <Link key={m.id} to={`/console/requests/${m.id}`} className="gz-mono">
                {m.number}
              </Link>
            ))}
          </Space>
        </>
      )}
    </Card>
  );
}
