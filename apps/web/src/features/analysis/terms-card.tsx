import { Card, Empty, Table, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TermsView } from '@gongzhi/shared';

type Term = TermsView['terms'][number];

function Growth({ term }: { term: Term }) {
  const { t } = useTranslation();
  if (term.growth === null) return <Tag color="red">{t('analysis.terms.new')}</Tag>;
  const pct = `${Math.abs(Math.round(term.growth * 100))}%`;
  if (term.growth > 0)
    return (
      <span className="gz-term-up" aria-label={t('analysis.terms.up', { pct })}>
        <ArrowUpOutlined /> {pct}
      </span>
    );
  if (term.growth < 0)
    return (
      <span className="gz-term-down" aria-label={t('analysis.terms.down', { pct })}>
        <ArrowDownOutlined /> {pct}
      </span>
    );
  return <MinusOutlined aria-label={t('analysis.terms.flat')} />;
}

/** The words residents use most this period, against the period before: what is starting to trouble people. */
export function TermsCard({ data, loading }: { data: TermsView | null; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('analysis.terms.title')}>
      <Table<Term>
        size="small"
        rowKey="term"
        loading={loading}
        aria-label={t('analysis.terms.title')}
        dataSource={data?.terms ?? []}
        pagination={false}
        scroll={{ y: 320 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analysis.empty')} /> }}
        columns={[
          { key: 'term', title: t('analysis.terms.term'), dataIndex: 'term', render: (v: string) => <strong>{v}</strong> },
          { key: 'count', title: t('analysis.terms.count'), dataIndex: 'count', align: 'right', width: 80 },
          { key: 'previous', title: t('analysis.terms.previous'), dataIndex: 'previous', align: 'right', width: 80 },
          { key: 'growth', title: t('analysis.terms.growth'), width: 90, render: (_: unknown, r) => <Growth term={r} /> },
        ]}
      />
    </Card>
  );
}
