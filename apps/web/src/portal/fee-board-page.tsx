import type { PublicFeeBoardView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import { useResource, type Resource } from '../api/use-resource.js';
import { publicFeeBoardsApi } from '../features/fee-boards/fee-boards-api.js';
import { formatYuan, monthLabel, useLineName } from '../features/fee-boards/fee-format.js';
import { formatDate } from '../features/my-requests/format-date.js';
import { openSectionPath } from './community-open-links.js';
import { useDocumentTitle } from '../use-document-title.js';
import './fee-board-page.css';

/** /fee-boards/:id: one estate's month, its revisions, the hash and how to check it, and the posters (no login). */
export function PortalFeeBoardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state } = useResource(id, publicFeeBoardsApi.board);
  useDocumentTitle(state.status === 'ready' ? `${state.data.estateName} ${monthLabel(state.data.month)} · ${t('feeBoards.title')}` : t('feeBoards.title'));
  if (state.status !== 'ready') return <FeeLoadState state={state} />;
  return <Board b={state.data} />;
}

/** Loading, missing (or unpublished) and failed, as both fee-board pages show them. */
export function FeeLoadState({ state }: { state: Exclude<Resource<unknown>, { status: 'ready' }> }) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  return (
    <section className="portal-section">
      <p>{t('feeBoards.portal.notFound')}</p>
      <Link to="/">{t('feeBoards.portal.back')}</Link>
    </section>
  );
}

function Board({ b }: { b: PublicFeeBoardView }) {
  const { t } = useTranslation();
  const lineName = useLineName();
  return (
    <article className="portal-fee" aria-labelledby="portal-fee-board">
      <p className="portal-muted">{b.communityName}</p>
      <h1 id="portal-fee-board">
        {b.estateName} {monthLabel(b.month)} {t('feeBoards.title')}
      </h1>
      <p className="portal-muted">
        {t('feeBoards.revision', { n: b.revision })}
        {b.publishedAt && ` · ${t('feeBoards.portal.publishedBy', { name: b.publishedByName ?? '', date: formatDate(b.publishedAt) })}`}
      </p>
      {b.correctionReason && <p>{t('feeBoards.board.correctionOf', { n: b.revision, reason: b.correctionReason })}</p>}
      {b.status === 'superseded' && (
        <p className="portal-fee-notice" role="note">
          {t('feeBoards.portal.superseded')} <Link to={`/fee-boards/${b.currentId}`}>{t('feeBoards.portal.current')}</Link>
        </p>
      )}
      <div className="portal-fee-scroll">
        <table className="portal-fee-table">
          <thead>
            <tr>
              <th scope="col">{t('feeBoards.item')}</th>
              <th scope="col" className="num col-wide">{t('feeBoards.quantity')}</th>
              <th scope="col" className="num">{t('feeBoards.collected')}</th>
              <th scope="col" className="num">{t('feeBoards.spent')}</th>
              <th scope="col" className="col-wide">{t('feeBoards.note')}</th>
            </tr>
          </thead>
          <tbody>
            {b.lines.map((l) => (
              <tr key={`${l.item}-${l.label}`}>
                <th scope="row">
                  {lineName(l)}
                  {/* On a phone the quantity and note columns give way; they follow the item's name instead. */}
                  {(l.quantity || l.note) && <span className="portal-fee-sub">{[l.quantity ? `${l.quantity} ${l.unit ?? ''}` : '', l.note ?? ''].filter(Boolean).join(' · ')}</span>}
                </th>
                <td className="num col-wide">{l.quantity ? `${l.quantity} ${l.unit ?? ''}` : ''}</td>
                <td className="num">{formatYuan(l.collectedFen)}</td>
                <td className="num">{formatYuan(l.spentFen)}</td>
                <td className="col-wide">{l.note}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>
                {t('feeBoards.total')}
                <span className="portal-fee-sub">
                  {t('feeBoards.balance')} {formatYuan(b.totals.balanceFen)}
                </span>
              </td>
              <td className="col-wide" />
              <td className="num">{formatYuan(b.totals.collectedFen)}</td>
              <td className="num">{formatYuan(b.totals.spentFen)}</td>
              <td className="col-wide">
                {t('feeBoards.balance')} {formatYuan(b.totals.balanceFen)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h2>{t('feeBoards.portal.posters')}</h2>
      <div className="portal-fee-actions">
        <a className="portal-button" href={publicFeeBoardsApi.posterUrl(b.id, 'A3')}>
          {t('feeBoards.board.posterA3')}
        </a>
        <a className="portal-button portal-button-secondary" href={publicFeeBoardsApi.posterUrl(b.id, 'A4')}>
          {t('feeBoards.board.posterA4')}
        </a>
      </div>
      <h2>{t('feeBoards.portal.revisions')}</h2>
      <ol className="portal-fee-revisions">
        {b.revisions.map((r) => (
          <li key={r.id}>
            {r.id === b.id ? (
              <strong>{t('feeBoards.portal.revisionLine', { n: r.revision, date: r.publishedAt ? formatDate(r.publishedAt) : '' })}</strong>
            ) : (
              <Link to={`/fee-boards/${r.id}`}>{t('feeBoards.portal.revisionLine', { n: r.revision, date: r.publishedAt ? formatDate(r.publishedAt) : '' })}</Link>
            )}{' '}
            · {t(`feeBoards.status.${r.status}`)}
            {r.correctionReason && ` · ${r.correctionReason}`}
          </li>
        ))}
      </ol>
      <h2>{t('feeBoards.board.hash')}</h2>
      <p className="portal-fee-hash" data-testid="fee-board-hash">
        {b.contentHash}
      </p>
      <details>
        <summary>{t('feeBoards.portal.hashTitle')}</summary>
        <p>{t('feeBoards.portal.hashHelp')}</p>
        <p>{t('feeBoards.portal.canonical')}</p>
        <pre className="portal-fee-canonical">{b.canonicalContent}</pre>
      </details>
      <p>
        <Link to={openSectionPath(b.communityId, 'feeBoards')}>{t('feeBoards.portal.backToCommunity')}</Link>
      </p>
    </article>
  );
}
