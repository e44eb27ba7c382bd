import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerKeeperRoles, type LedgerAccountView, type LedgerEntryStatus, type LedgerEntryView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { hasRole } from '../../console/module-access.js';
import { publicApi } from '../public/public-api.js';
import { useSession } from '../session/session-context.js';
import { EntryDetail } from './entry-detail.js';
import { EntryForm } from './entry-form.js';
import { ChainCheck } from './chain-check.js';
import { ledgerApi, yuan } from './ledger-api.js';
import './ledger.css';

const PAGE = 20;

/** 公开账本 (`/console/ledger`): accounts and balances, entries, the approval queue, entry details and exports. */
export default function LedgerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const keeper = hasRole(me, ledgerKeeperRoles);
  const all = useLoaded('communities', (signal) => publicApi.communities(signal));
  // The communities the account works in; a subdistrict admin sees every community listed.
  const communities = useMemo(() => {
    const mine = new Set((me?.roles ?? []).map((r) => r.communityId).filter(Boolean));
    const wide = (me?.roles ?? []).some((r) => r.placeKind === 'subdistrict');
    return (all.data?.items ?? []).filter((c) => wide || mine.has(c.id)).map((c) => ({ value: c.id, label: c.name }));
  }, [all.data, me]);
  const [community, setCommunity] = useState<string | undefined>();
  useEffect(() => {
    if (!community && communities[0]) setCommunity(communities[0].value);
  }, [communities, community]);
  const [tab, setTab] = useState<'entries' | 'pending' | 'accounts'>('entries');
  const [offset, setOffset] = useState(0);
  const [form, setForm] = useState<'income' | 'expense' | null>(null);
  const [open, setOpen] = useState<LedgerEntryView | null>(null);
  const status: LedgerEntryStatus | undefined = tab === 'pending' ? 'pending' : undefined;
  const accounts = useLoaded(`a:${community}`, (signal) => (community ? ledgerApi.accounts(community, signal) : Promise.resolve({ items: [] as LedgerAccountView[] })));
  const entries = useLoaded(`e:${community}:${tab}:${offset}`, (signal) =>
    community ? ledgerApi.entries(community, { status, limit: PAGE, offset }, signal) : Promise.resolve({ items: [], total: 0 }),
  );
  const reload = () => {
    accounts.reload();
    entries.reload();
  };

  const entryColumns = [
    { title: t('ledger.columns.seq'), key: 'seq', width: 70, render: (_: unknown, e: LedgerEntryView) => e.chain?.seq ?? '—' },
    { title: t('ledger.columns.date'), dataIndex: 'date', width: 110 },
    { title: t('ledger.columns.kind'), key: 'kind', width: 80, render: (_: unknown, e: LedgerEntryView) => t(`ledger.kinds.${e.kind}`) },
    { title: t('ledger.columns.amount'), key: 'amount', align: 'right' as const, render: (_: unknown, e: LedgerEntryView) => yuan(e.amount) },
    { title: t('ledger.columns.counterparty'), dataIndex: 'counterparty' },
    { title: t('ledger.columns.purpose'), dataIndex: 'purpose', ellipsis: true },
    {
      title: t('ledger.columns.status'),
      key: 'status',
      render: (_: unknown, e: LedgerEntryView) => (
        <Space size={4} wrap>
          <Tag color={e.status === 'posted' ? 'green' : e.status === 'pending' ? 'orange' : 'default'}>{t(`ledger.statuses.${e.status}`)}</Tag>
          {e.reversedById && <Tag>{t('ledger.detail.reversedBy')}</Tag>}
        </Space>
      ),
    },
    { title: t('ledger.columns.author'), dataIndex: 'authorName', width: 100 },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_: unknown, e: LedgerEntryView) => (
        <Button size="small" onClick={() => setOpen(e)} aria-label={`${t('ledger.actions.detail')} ${e.purpose}`}>
          {t('ledger.actions.detail')}
        </Button>
      ),
    },
  ];
  const accountColumns = [
    { title: t('ledger.columns.code'), dataIndex: 'code', width: 90 },
    { title: t('ledger.columns.name'), dataIndex: 'name' },
    { title: t('ledger.columns.accountKind'), key: 'kind', render: (_: unknown, a: LedgerAccountView) => t(`ledger.accountKinds.${a.kind}`) },
    { title: t('ledger.columns.balance'), key: 'balance', align: 'right' as const, render: (_: unknown, a: LedgerAccountView) => yuan(a.balance) },
    {
      title: '',
      key: 'retire',
      render: (_: unknown, a: LedgerAccountView) =>
        a.retiredAt ? (
          <Tag>{t('ledger.actions.retire')}</Tag>
        ) : (
          keeper &&
          a.balance === 0 && (
            <Button
              size="small"
              onClick={async () => {
                try {
                  await ledgerApi.retire(a.id);
                  message.success(t('ledger.messages.retired'));
                  reload();
                } catch (e) {
                  message.error(errorText(e));
                }
              }}
            >
              {t('ledger.actions.retire')}
            </Button>
          )
        ),
    },
  ];
  const accountItems = accounts.data?.items ?? [];

  return (
    <Card
      title={t('ledger.title')}
      extra={
        community && (
          <Space wrap>
            {keeper && accountItems.length > 0 && (
              <>
                <Button type="primary" onClick={() => setForm('income')}>
                  {t('ledger.actions.newIncome')}
                </Button>
                <Button type="primary" onClick={() => setForm('expense')}>
                  {t('ledger.actions.newExpense')}
                </Button>
              </>
            )}
            <a href={ledgerApi.exportUrl(community, 'json')}>{t('ledger.actions.exportJson')}</a>
            <a href={ledgerApi.exportUrl(community, 'xlsx')}>{t('ledger.actions.exportXlsx')}</a>
            <a href={`/communities/${community}/ledger`} target="_blank" rel="noreferrer">
              {t('ledger.actions.publicPage')}
            </a>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('ledger.intro')} />
        {community && <ChainCheck key={community} communityId={community} />}
        {communities.length > 1 && <Select aria-label={t('ledger.community')} value={community} onChange={(v) => (setCommunity(v), setOffset(0))} options={communities} style={{ minWidth: 220 }} />}
        {all.error || accounts.error || entries.error ? <Alert type="error" showIcon title={errorText(all.error ?? accounts.error ?? entries.error)} /> : null}
        <Tabs
          activeKey={tab}
          onChange={(k) => (setTab(k as typeof tab), setOffset(0))}
          items={(['entries', 'pending', 'accounts'] as const).map((k) => ({ key: k, label: t(`ledger.tabs.${k}`) }))}
        />
        {tab === 'accounts' ? (
          accountItems.length === 0 && !accounts.loading ? (
            <Empty description={t('ledger.empty.accounts')}>
              {keeper && community && (
                <Button
                  type="primary"
                  onClick={async () => {
                    try {
                      await ledgerApi.defaultChart(community);
                      message.success(t('ledger.messages.chartCreated'));
                      reload();
                    } catch (e) {
                      message.error(errorText(e));
                    }
                  }}
                >
                  {t('ledger.actions.defaultChart')}
                </Button>
              )}
            </Empty>
          ) : (
            <Table<LedgerAccountView> rowKey="id" size="small" loading={accounts.loading} columns={accountColumns} dataSource={accountItems} pagination={false} />
          )
        ) : (
          <Table<LedgerEntryView>
            rowKey="id"
            size="small"
            loading={entries.loading}
            columns={entryColumns}
            dataSource={entries.data?.items ?? []}
            locale={{ emptyText: t(tab === 'pending' ? 'ledger.empty.pending' : 'ledger.empty.entries') }}
            pagination={{ current: offset / PAGE + 1, pageSize: PAGE, total: entries.data?.total ?? 0, onChange: (p) => setOffset((p - 1) * PAGE), showSizeChanger: false }}
          />
        )}
        {tab !== 'accounts' && accountItems.length === 0 && !accounts.loading && <Typography.Text type="secondary">{t('ledger.empty.accounts')}</Typography.Text>}
      </Space>
      {form && community && <EntryForm communityId={community} kind={form} accounts={accountItems} onClose={() => setForm(null)} onDone={() => (setForm(null), reload())} />}
      {open && (
        <EntryDetail
          entry={open}
          onClose={() => setOpen(null)}
          onChanged={(e) => {
            setOpen(e);
            reload();
          }}
        />
      )}
    </Card>
  );
}
