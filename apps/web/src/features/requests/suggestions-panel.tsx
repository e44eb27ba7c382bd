import { Alert, Button, Card, Divider, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RequestDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { percent, RequestStatusTag } from './request-bits.js';
import { MergeIntoButton, type OpenModal } from './request-actions.js';
import { requestsApi } from './requests-api.js';
import { assigneeKey } from './use-assignee-options.js';
import { useShowError } from './use-request-action.js';

type Run = (action: () => Promise<unknown>, doneText: string) => Promise<void>;

/**
 * What the platform suggests for this request: its category (one click confirms or corrects it), who should
 * handle it (a routing rule, history, or the grid worker), and possible duplicates to merge.
 */
export function SuggestionsPanel({ d, run, onOpen }: { d: RequestDetail; run: Run; onOpen: (m: OpenModal) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const showError = useShowError();
  // Reload after every change of the request (a new category changes the handler suggestion).
  const { data: s, error } = useLoaded(`${d.id}:${d.steps.length}:${d.categoryId ?? ''}`, () => requestsApi.suggestions(d.id));

  const classify = (categoryId: string) => run(() => requestsApi.classify(d.id, categoryId), t('requests.actions.classified')).catch(showError);

  if (error) return <Alert type="warning" showIcon title={errorText(error)} />;
  if (!s) return <Spin />;
  const c = s.category;
  const confirmed = c && d.categoryId === c.categoryId && d.categorySource !== 'model';
  // The alternatives may repeat the prediction itself; offer only the other choices.
  const alternatives = c ? c.alternatives.filter((a) => a.categoryId !== c.categoryId) : [];

  return (
    <Card size="small" title={t('requests.suggestions.title')} className="gz-suggestion-card">
      <Typography.Text strong>{t('requests.suggestions.category')}</Typography.Text>
      {c ? (
        <Space orientation="vertical" size={6} style={{ width: '100%', marginTop: 6 }}>
          <Space wrap>
            <Tag color={c.low ? 'warning' : 'blue'}>{label(c.name)}</Tag>
            <Typography.Text type="secondary">{t('requests.suggestions.confidence', { value: percent(c.confidence) })}</Typography.Text>
            {c.low && <Typography.Text type="warning">{t('requests.category.low')}</Typography.Text>}
            {d.can.classify &&
              (confirmed ? (
                <Typography.Text type="success">
                  <CheckOutlined /> {t('requests.suggestions.confirmed')}
                </Typography.Text>
              ) : (
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => classify(c.categoryId)}>
                  {d.categoryId === c.categoryId ? t('requests.suggestions.confirm') : t('requests.suggestions.use')}
                </Button>
              ))}
          </Space>
          {d.can.classify && (
            <Space wrap size={4}>
              <Typography.Text type="secondary">{t('requests.suggestions.alternatives')}</Typography.Text>
              {alternatives.map((a) => (
                <Button key={a.categoryId} size="small" onClick={() => classify(a.categoryId)}>
                  {t('requests.suggestions.alternative', { name: label(a.name), value: percent(a.confidence) })}
                </Button>
              ))}
              <Button size="small" type="link" onClick={() => onOpen({ kind: 'classify' })}>
                {t('requests.suggestions.other')}
              </Button>
            </Space>
          )}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">{t('requests.suggestions.noCategory')}</Typography.Paragraph>
      )}

      <Divider style={{ margin: '12px 0' }} />
      <Typography.Text strong>{t('requests.suggestions.handler')}</Typography.Text>
      {s.handler ? (
        <Space wrap style={{ display: 'flex', marginTop: 6 }}>
          <span>{s.handler.name}</span>
          <Typography.Text type="secondary">{t(`requests.suggestions.reasons.${s.handler.reason}`)}</Typography.Text>
          {d.can.dispatch && (
            <Button
              size="small"
              type="primary"
              icon={<SendOutlined />}
              onClick={() => {
                const h = s.handler!;
                const id = h.kind === 'user' ? h.userId : h.organisationId;
                onOpen({ kind: 'dispatch', initial: id ? [assigneeKey(h.kind, id)] : [] });
              }}
            >
              {t('requests.suggestions.dispatchTo')}
            </Button>
          )}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">{t('requests.suggestions.noHandler')}</Typography.Paragraph>
      )}

      <Divider style={{ margin: '12px 0' }} />
      <Typography.Text strong>{t('requests.suggestions.duplicates')}</Typography.Text>
      {s.duplicates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requests.suggestions.noDuplicates')} />
      ) : (
        <List
          size="small"
          dataSource={s.duplicates}
          renderItem={(x) => (
            <List.Item actions={d.can.merge ? [<MergeIntoButton key="merge" d={d} target={x} run={run} />] : []}>
              <Space wrap size={4}>
                <Link to={`/console/requests/${x.id}`} className="gz-mono">
                  {x.number}
                </Link>
                <RequestStatusTag status={x.status} />
                <span>{x.title}</span>
                <Typography.Text type="secondary">{t('requests.similar.score', { score: percent(x.score) })}</Typography.Text>
                {x.duplicate && <Tag color="orange">{t('requests.suggestions.likelyDuplicate')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
