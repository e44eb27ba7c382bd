import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, InputNumber, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { deliberationManagerRoles, requestDispatcherRoles, type RequestDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import { useSession } from '../session/session-context.js';
import { ProactiveCaseModal } from './proactive-case-modal.js';
import { RequestStatusTag } from './request-bits.js';
import { proactiveApi, requestsApi, type ProactiveCase, type ProactiveSuggestion } from './requests-api.js';

const SHOWN = 10;

/** The requests of a suggested cluster, read when the card asks for them (the suggestion carries only ids). */
function ClusterRequests({ ids }: { ids: string[] }) {
  const { data: items } = useLoaded(ids.join(','), () =>
    Promise.all(ids.slice(0, SHOWN).map((id) => requestsApi.get(id).catch(() => null))).then((r) => r.filter((x): x is RequestDetail => x !== null)),
  );
  if (!items) return <Spin size="small" />;
  return (
    <ul style={{ paddingInlineStart: 18, margin: 0 }}>
      {items.map((r) => (
        <li key={r.id}>
          <Link to={`/console/requests/${r.id}`} className="gz-mono">
            {r.number}
          </Link>{' '}
          {r.title} <RequestStatusTag status={r.status} />
        </li>
      ))}
    </ul>
  );
}

/** One suggested hotspot: what, where, how many, the words they share, and a button to open a case. */
function SuggestionCard({ s, onCreate }: { s: ProactiveSuggestion; onCreate: (() => void) | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      title={s.title}
      extra={
        onCreate && (
          <Button type="primary" size="small" onClick={onCreate}>
            {t('requests.proactive.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Tag color="red">{t('requests.proactive.count', { count: s.count })}</Tag>
          {s.categoryName && <Tag color="blue">{label(s.categoryName)}</Tag>}
          {s.placeName && <Tag>{s.placeName}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {formatDateTime(s.firstAt)} – {formatDateTime(s.lastAt)}
        </Typography.Text>
        {s.terms.length > 0 && (
          <Space wrap size={4}>
            {s.terms.map((w) => (
              <Tag key={w} bordered={false}>
                {w}
              </Tag>
            ))}
          </Space>
        )}
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen((o) => !o)}>
          {open ? t('requests.proactive.hideRequests') : t('requests.proactive.showRequests', { count: s.requestIds.length })}
        </Button>
        {open && <ClusterRequests ids={s.requestIds} />}
      </Space>
    </Card>
  );
}

/** 未诉先办 (`/console/proactive`): clusters of similar requests to act on, and the cases opened on them. */
export default function ProactivePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [days, setDays] = useState(30);
  const [min, setMin] = useState(3);
  const suggestions = useLoaded(`${days}:${min}`, () => proactiveApi.suggestions({ days, min }));
  const cases = useLoaded('cases', () => proactiveApi.cases());
  const error = suggestions.error ?? cases.error;
  const [target, setTarget] = useState<Parameters<typeof ProactiveCaseModal>[0]['target']>(null);
  const { me } = useSession();
  // Analysts (the subdistrict, grid workers) read the suggestions and cases; dispatchers act on them.
  const mayManage = hasRole(me, requestDispatcherRoles);
  const mayStartTopic = hasRole(me, deliberationManagerRoles);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Card
        title={
          <Space>
            <BulbOutlined />
            {t('requests.proactive.suggestionsTitle')}
          </Space>
        }
        extra={
          <Space wrap>
            <InputNumber aria-label={t('requests.proactive.days')} min={1} max={365} value={days} onChange={(v) => v && setDays(v)} prefix={t('requests.proactive.daysPrefix')} suffix={t('requests.settings.deadlines.days')} style={{ width: 150 }} />
            <InputNumber aria-label={t('requests.proactive.min')} min={2} max={100} value={min} onChange={(v) => v && setMin(v)} prefix="≥" suffix={t('requests.proactive.minSuffix')} style={{ width: 130 }} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('requests.proactive.hint')}</Typography.Paragraph>
        {suggestions.loading ? (
          <Spin />
        ) : !suggestions.data?.items.length ? (
          <Empty description={t('requests.proactive.noSuggestions')} />
        ) : (
          <Row gutter={[12, 12]}>
            {suggestions.data.items.map((s) => (
              <Col key={s.requestIds.join(',')} xs={24} md={12} xl={8}>
                <SuggestionCard s={s} onCreate={mayManage ? () => setTarget({ kind: 'create', suggestion: s }) : null} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card title={t('requests.proactive.casesTitle')}>
        <Table<ProactiveCase>
          rowKey="id"
          size="small"
          loading={cases.loading}
          dataSource={cases.data?.items}
          pagination={false}
          scroll={{ x: 1380 }}
          locale={{ emptyText: t('requests.proactive.noCases') }}
          expandable={{
            expandedRowRender: (c) => (
              <Space wrap>
                {c.requests.map((r) => (
                  <span key={r.id}>
                    <Link to={`/console/requests/${r.id}`} className="gz-mono">
                      {r.number}
                    </Link>{' '}
                    {r.title} <RequestStatusTag status={r.status} />
                  </span>
                ))}
              </Space>
            ),
          }}
          columns={[
            { key: 'title', width: 220, title: t('requests.proactive.caseTitle'), dataIndex: 'title' },
            { key: 'place', width: 160, title: t('requests.fields.place'), dataIndex: 'placeName', render: (v: string | null) => v ?? '—' },
            { key: 'status', width: 100, title: t('requests.fields.status'), dataIndex: 'status', render: (s: ProactiveCase['status']) => <Tag color={s === 'open' ? 'gold' : s === 'done' ? 'green' : 'default'}>{t(`requests.proactive.statuses.${s}`)}</Tag> },
            { key: 'owner', width: 110, title: t('requests.proactive.owner'), dataIndex: 'ownerName', render: (v: string | null) => v ?? '—' },
            { key: 'plan', width: 220, title: t('requests.proactive.plan'), dataIndex: 'plan', ellipsis: true, render: (v: string | null) => v ?? '—' },
            { key: 'outcome', width: 220, title: t('requests.proactive.outcome'), dataIndex: 'outcome', ellipsis: true, render: (v: string | null) => v ?? '—' },
            { key: 'count', width: 80, title: t('requests.proactive.requests'), render: (_: unknown, c) => c.requests.length },
            { key: 'createdAt', width: 160, title: t('requests.fields.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            {
              key: 'edit',
              width: 170,
              title: t('requests.settings.actions'),
              render: (_: unknown, c) => (
                <Space size={4} wrap>
                  {mayManage && (
                    <Button size="small" onClick={() => setTarget({ kind: 'edit', case: c })}>
                      {t('requests.proactive.edit')}
                    </Button>
                  )}
                  {/* A recurring problem the community must settle together becomes a deliberation topic. */}
                  {mayStartTopic && <Link to={`/console/deliberation/topics/new?case=${encodeURIComponent(c.id)}`}>{t('topics.list.create')}</Link>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ProactiveCaseModal
        target={target}
        onClose={(saved) => {
          const created = target?.kind === 'create';
          setTarget(null);
          if (saved) {
            message.success(created ? t('requests.proactive.created') : t('registers.form.saved'));
            cases.reload();
            if (created) suggestions.reload();
          }
        }}
      />
    </Space>
  );
}
