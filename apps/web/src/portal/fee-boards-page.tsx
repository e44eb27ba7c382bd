import type { PublicFeeBoardEstates } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../api/use-resource.js';
import { publicFeeBoardsApi } from '../features/fee-boards/fee-boards-api.js';
import { FeeChart } from '../features/fee-boards/fee-chart.js';
import { formatYuan, monthLabel, thisMonth, twelveMonths } from '../features/fee-boards/fee-format.js';
import { FeeLoadState } from './fee-board-page.js';
import { useDocumentTitle } from '../use-document-title.js';
import './fee-board-page.css';

/** /communities/:communityId/fee-boards: each estate with its published boards of the last 12 months (no login). */
export function PortalFeeBoardsPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const { state } = useResource(communityId, publicFeeBoardsApi.community);
  useDocumentTitle(state.status === 'ready' ? `${t('feeBoards.portal.title', { community: state.data.communityName })} · ${t('appName')}` : t('feeBoards.title'));
  if (state.status !== 'ready') return <FeeLoadState state={state} />;
  return <Estates data={state.data} />;
}

function Estates({ data }: { data: PublicFeeBoardEstates }) {
  const { t } = useTranslation();
  const months = twelveMonths(thisMonth());
  // Estates with boards each get a section; the rest are named together, so a large community stays readable.
  const published = data.estates.filter((e) => e.months.length > 0);
  const waiting = data.estates.filter((e) => e.months.length === 0);
  return (
    <>
      <section className="portal-fee" aria-labelledby="portal-fee-title">
        <h1 id="portal-fee-title">{t('feeBoards.portal.title', { community: data.communityName })}</h1>
        <p className="portal-muted">{t('feeBoards.portal.intro')}</p>
        {data.estates.length === 0 && <p className="portal-empty">{t('feeBoards.portal.noEstates')}</p>}
      </section>
      {published.map((e) => (
        <section key={e.estateId} className="portal-fee" aria-labelledby={`estate-${e.estateId}`}>
          <h2 id={`estate-${e.estateId}`}>{e.estateName}</h2>
          <FeeChart
            label={t('feeBoards.portal.chart', { estate: e.estateName })}
            months={months.map((m) => {
              const b = e.months.find((x) => x.month === m);
              return { month: m, collectedFen: b?.totals.collectedFen ?? 0, spentFen: b?.totals.spentFen ?? 0 };
            })}
          />
          <div className="portal-fee-scroll">
            <table className="portal-fee-table">
              <caption className="portal-muted">{t('feeBoards.portal.latest')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('feeBoards.month')}</th>
                  <th scope="col" className="num">{t('feeBoards.collected')}</th>
                  <th scope="col" className="num">{t('feeBoards.spent')}</th>
                  <th scope="col" className="num">{t('feeBoards.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {e.months.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/fee-boards/${m.id}`}>{monthLabel(m.month)}</Link>
                      {m.revision > 1 && <span className="portal-muted"> · {t('feeBoards.revision', { n: m.revision })}</span>}
                    </td>
                    <td className="num">{formatYuan(m.totals.collectedFen)}</td>
                    <td className="num">{formatYuan(m.totals.spentFen)}</td>
                    <td className="num">{formatYuan(m.totals.balanceFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {waiting.length > 0 && (
        <section className="portal-fee" aria-labelledby="portal-fee-waiting">
          <h2 id="portal-fee-waiting">{t('feeBoards.portal.noMonths')}</h2>
          <p className="portal-muted">{waiting.map((e) => e.estateName).join('、')}</p>
        </section>
      )}
    </>
  );
}
