import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntryView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { auditApi, type AuditFilter } from './audit-api.js';
import { AuditFilters } from './audit-filters.js';
import { actionLabel, targetTypeLabel } from './audit-labels.js';

const PAGE = 50;

/** Targets that have a console page of their own, so the log links straight to what changed. */
const targetPages: Record<string, string> = {
  resident: '/console/residents/',
  household: '/console/households/',
  organisation: '/console/organisations/',
  place: '/console/places/',
};

function Json({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>{label}</Typography.Text>
      <pre className="gz-json">{value === null || value === undefined ? t('states.none') : JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

/** Who did what and when, newest first, with before/after for each change. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [items, setItems] = useState<AuditEntryView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (before?: string) => {
      setLoading(true);
      try {
        const r = await auditApi.list(filter, PAGE, before);
        setItems((cur) => (before ? [...cur, ...r.items] : r.items));
        setNext(r.nextBefore);
        setError(null);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [filter],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<AuditEntryView> = [
    { key: 'at', title: t('audit.columns.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 190 },
    {
      key: 'actor',
      title: t('audit.columns.actor'),
      render: (_, e) => (
        <>
          {e.actorName ?? t('states.system')}
          {e.onBehalfOfUserId && <Tag style={{ marginInlineStart: 6 }}>{t('audit.onBehalf')}</Tag>}
        </>
      ),
    },
    { key: 'action', title: t('audit.columns.action'), dataIndex: 'action', render: (a: string) => actionLabel(t, a) },
    { key: 'targetType', title: t('audit.columns.targetType'), dataIndex: 'targetType', render: (v: string) => targetTypeLabel(t, v) },
    {
      key: 'targetId',
      title: t('audit.columns.targetId'),
      dataIndex: 'targetId',
      render: (v: string | null, e) =>
        v ? (
          <Typography.Text copyable={{ text: v }} code>
            {targetPages[e.targetType] ? <Link to={`${targetPages[e.targetType]}${v}`}>{v}</Link> : v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <AuditFilters onChange={setFilter} />
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Table<AuditEntryView>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 800 }}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Json label={t('audit.before')} value={e.before} />
              </Col>
              <Col xs={24} md={12}>
                <Json label={t('audit.after')} value={e.after} />
              </Col>
            </Row>
          ),
        }}
      />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {next ? (
          <Button onClick={() => load(next)} loading={loading}>
            {t('actions.loadMore')}
          </Button>
        ) : (
          items.length > 0 && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}
