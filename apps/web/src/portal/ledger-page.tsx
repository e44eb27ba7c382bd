import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PublicLedgerEntry, PublicLedgerSummary } from '@gongzhi/shared';
import { errorText } from '../api/error-text.js';
import { useLoaded } from '../api/use-loaded.js';
import { useResource } from '../api/use-resource.js';
import { baseChart } from '../features/analysis/chart-theme.js';
import { EChart } from '../features/analysis/echart.js';
import { ledgerApi, yuan } from '../features/ledger/ledger-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import './ledger-page.css';

const PAGE = 20;

/** /communities/:communityId/ledger: a community's posted ledger for anyone, no login; persons masked. */
export function PortalLedgerPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const { state } = useResource(communityId, ledgerApi.publicSummary);
  useDocumentTitle(state.status === 'ready' ? t('ledger.portal.title', { name: state.data.communityName }) : t('ledger.title'));
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'not-found')
    return (
      <section className="portal-section">
        <p>{t('ledger.portal.notFound')}</p>
        <Link to="/">{t('ledger.portal.back')}</Link>
      </section>
    );
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  return <Ledger s={state.data} />;
}

function MonthsChart({ s }: { s: PublicLedgerSummary }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      ...baseChart,
      color: ['#389e0d', '#cf1322'],
      tooltip: { ...baseChart.tooltip, axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { ...baseChart.grid, top: 32 },
      xAxis: { type: 'category', data: s.months.map((m) => m.month.slice(2)) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('ledger.portal.income'), data: s.months.map((m) => m.income / 100), barMaxWidth: 24 },
        { type: 'bar', name: t('ledger.portal.expense'), data: s.months.map((m) => m.expense / 100), barMaxWidth: 24 },
      ],
    }),
    [s, t],
  );
  return <EChart option={option} label={t('ledger.portal.chart')} height={260} />;
}

function Ledger({ s }: { s: PublicLedgerSummary }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const page = useLoaded(`${s.communityId}:${offset}`, (signal) => ledgerApi.publicEntries(s.communityId, { limit: PAGE, offset }, signal));
  const items = page.data?.items ?? [];
  const total = page.data?.total ?? 0;
  return (
    <article className="portal-ledger" aria-labelledby="portal-ledger-title">
      <h1 id="portal-ledger-title">{t('ledger.portal.title', { name: s.communityName })}</h1>
      <section aria-labelledby="ledger-funds">
        <h2 id="ledger-funds">{t('ledger.portal.funds')}</h2>
        <ul className="portal-ledger-funds">
          {s.funds.map((f) => (
            <li key={f.code}>
              <span>{f.name}</span>
              <strong>{t('ledger.yuan', { amount: yuan(f.balance) })}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ledger-months">
        <h2 id="ledger-months">{t('ledger.portal.months')}</h2>
        <MonthsChart s={s} />
        <table className="portal-ledger-table">
          <thead>
            <tr>
              <th scope="col">{t('ledger.columns.date')}</th>
              <th scope="col">{t('ledger.portal.income')}</th>
              <th scope="col">{t('ledger.portal.expense')}</th>
            </tr>
          </thead>
          <tbody>
            {s.months.map((m) => (
              <tr key={m.month}>
                <td>{m.month}</td>
                <td>{yuan(m.income)}</td>
                <td>{yuan(m.expense)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ledger-head" className="portal-ledger-head">
        <h2 id="ledger-head">{t('ledger.portal.head')}</h2>
        <p>
          {t('ledger.portal.headText', { seq: s.head.seq })}
          <code data-testid="ledger-head-hash">{s.head.entryHash}</code>
        </p>
        <p>
          {t('ledger.portal.exports')}:{' '}
          <a className="portal-button" href={ledgerApi.exportUrl(s.communityId, 'json')} download>
            JSON
          </a>{' '}
          <a className="portal-button portal-button-secondary" href={ledgerApi.exportUrl(s.communityId, 'xlsx')} download>
            Excel (.xlsx)
          </a>
        </p>
        <h3>{t('ledger.portal.verifyTitle')}</h3>
        <p className="portal-muted">{t('ledger.portal.verifyText')}</p>
        <p className="portal-muted">{t('ledger.portal.verifyDoc')}: docs/ledger-verification.md</p>
      </section>
      <section aria-labelledby="ledger-entries">
        <h2 id="ledger-entries">{t('ledger.portal.entries')}</h2>
        {page.error ? <p role="alert">{errorText(page.error)}</p> : null}
        {page.loading && items.length === 0 ? <p role="status">{t('states.loading')}</p> : null}
        {!page.loading && total === 0 ? <p className="portal-empty">{t('ledger.portal.none')}</p> : null}
        <ol className="portal-ledger-entries" reversed>
          {items.map((e) => (
            <EntryItem key={e.id} e={e} seqOf={(id) => items.find((x) => x.id === id)?.seq ?? null} />
          ))}
        </ol>
        {total > 0 && (
          <nav className="portal-ledger-pager" aria-label={t('ledger.portal.entries')}>
            <span>{t('ledger.portal.page', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
            {offset > 0 && <button onClick={() => setOffset(offset - PAGE)}>{t('ledger.portal.prev')}</button>}
            {offset + PAGE < total && <button onClick={() => setOffset(offset + PAGE)}>{t('ledger.portal.more')}</button>}
          </nav>
        )}
      </section>
    </article>
  );
}

function EntryItem({ e, seqOf }: { e: PublicLedgerEntry; seqOf: (id: string) => number | null }) {
  const { t } = useTranslation();
  const reversed = e.reversesId ? seqOf(e.reversesId) : null;
  return (
    <li id={`entry-${e.id}`} className={`portal-ledger-entry portal-ledger-${e.kind}`} data-seq={e.seq}>
      <div className="portal-ledger-entry-top">
        <span className="portal-ledger-seq">#{e.seq}</span>
        <span>{e.date}</span>
        <span className="portal-ledger-kind">{t(`ledger.kinds.${e.kind}`)}</span>
        <strong className="portal-ledger-amount">{t('ledger.yuan', { amount: yuan(e.amount) })}</strong>
      </div>
      <p>
        {e.counterparty} · {e.category} · {e.purpose}
      </p>
      {e.reversesId && (
        <p>
          <a href={`#entry-${e.reversesId}`}>{t('ledger.portal.reverses', { id: reversed ?? e.reversesId })}</a> — {e.reason}
        </p>
      )}
      {e.reversedById && (
        <p>
          <a href={`#entry-${e.reversedById}`}>{t('ledger.portal.reversedBy')}</a>
        </p>
      )}
      <p className="portal-ledger-lines">{e.lines.map((l) => `${t(`ledger.sides.${l.side}`)} ${l.accountName} ${yuan(l.amount)}`).join('；')}</p>
      {e.receipts.map((r) =>
        r.url ? (
          <a key={r.sha256} href={r.url} target="_blank" rel="noreferrer">
            {t('ledger.portal.receipt')}
          </a>
        ) : (
          <span key={r.sha256} className="portal-muted">
            {t('ledger.portal.receiptHidden')}
          </span>
        ),
      )}
      <p className="portal-ledger-hash">
        {t('ledger.columns.hash')}: <code>{e.entryHash}</code>
      </p>
    </li>
  );
}
