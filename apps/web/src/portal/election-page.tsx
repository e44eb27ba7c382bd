import type { ElectionTally, PublicElectionView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import { useLoaded } from '../api/use-loaded.js';
import { useResource } from '../api/use-resource.js';
import { publicElectionsApi } from '../features/elections/elections-api.js';
import { formatDateTime } from '../i18n/format.js';
import { useDocumentTitle } from '../use-document-title.js';
import './election-page.css';

const loadElection = (id: string) => publicElectionsApi.detail(id);

/** /elections/:id: the election notice, the posted voter list by building, the candidates and the tally; names masked. */
export function PortalElectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state } = useResource(id, loadElection);
  useDocumentTitle(state.status === 'ready' ? state.data.title : t('elections.portal.listTitle'));
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'not-found')
    return (
      <section className="portal-section">
        <p>{t('elections.portal.notFound')}</p>
        <Link to="/">{t('elections.portal.back')}</Link>
      </section>
    );
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  return <Election e={state.data} />;
}

function Election({ e }: { e: PublicElectionView }) {
  const { t } = useTranslation();
  return (
    <article className="portal-section portal-election" aria-labelledby="portal-election-title">
      <p>
        <Link to={`/communities/${e.communityId}/elections`}>{e.communityName}</Link>
      </p>
      <h1 id="portal-election-title">{e.title}</h1>
      <ul className="portal-election-facts">
        <li>{t(`elections.phase.${e.phase}`)}</li>
        <li>{t('elections.portal.electionDay', { date: e.electionDay })}</li>
        <li>{t(`elections.unit.${e.votingUnit}`)}</li>
        <li>{t('elections.portal.window', { from: formatDateTime(e.votingOpensAt), to: formatDateTime(e.votingClosesAt) })}</li>
        <li>{t('elections.portal.seats', { chair: e.seats.chair, vice: e.seats.vice_chair, member: e.seats.member })}</li>
      </ul>
      <p className="portal-muted">{t('elections.portal.masked')}</p>
      <section aria-labelledby="portal-election-committee">
        <h2 id="portal-election-committee">{t('elections.portal.committee')}</h2>
        <p>{e.committee.map((m) => m.name + (m.chair ? t('elections.console.chair') : '')).join('、')}</p>
      </section>
      {e.tally && <Tally tally={e.tally} />}
      {e.candidates.length > 0 && (
        <section aria-labelledby="portal-election-candidates">
          <h2 id="portal-election-candidates">{t('elections.portal.candidates')}</h2>
          <ul className="portal-election-candidates">
            {e.candidates.map((c) => (
              <li key={c.id}>
                <strong>{t(`elections.post.${c.post}`)}</strong> {c.name} <span className="portal-muted">{c.statement}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <VoterList id={e.id} postedOn={e.listPublishedOn} />
    </article>
  );
}

function VoterList({ id, postedOn }: { id: string; postedOn: string | null }) {
  const { t } = useTranslation();
  const list = useLoaded(`voter-list-${id}`, (signal) => publicElectionsApi.voterList(id, signal));
  return (
    <section aria-labelledby="portal-election-voters">
      <h2 id="portal-election-voters">{t('elections.portal.voterList')}</h2>
      {list.error !== null && <p role="alert">{errorText(list.error)}</p>}
      {list.data && (
        <>
          <p>{t('elections.portal.listPosted', { date: postedOn ?? '', total: list.data.total, units: list.data.units })}</p>
          {list.data.buildings.map((b) => (
            <details key={b.buildingName ?? ''} className="portal-election-building">
              <summary>
                {b.buildingName ?? t('elections.portal.noBuilding')} · {t('elections.portal.people', { count: b.count })}
              </summary>
              <p>{b.names.join('、')}</p>
            </details>
          ))}
        </>
      )}
    </section>
  );
}

function Tally({ tally }: { tally: ElectionTally }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="portal-election-tally" className="portal-election-tally">
      <h2 id="portal-election-tally">{t('elections.portal.tally')}</h2>
      <dl className="portal-election-numbers">
        {(
          [
            ['registered', tally.registered],
            ['voted', tally.voted],
            ['cast', tally.ballotsCast],
            ['valid', tally.valid],
            ['invalid', tally.invalid],
            ['turnout', `${(tally.turnoutBp / 100).toFixed(2)}%`],
          ] as const
        ).map(([k, v]) => (
          <div key={k}>
            <dt>{t(`elections.tally.${k}`)}</dt>
            <dd data-tally={k}>{v}</dd>
          </div>
        ))}
      </dl>
      <p>
        <strong>{tally.quorumMet ? t('elections.tally.quorumMet') : t('elections.tally.quorumMissed')}</strong>
      </p>
      {tally.posts.map((p) => (
        <table key={p.post} className="portal-election-post">
          <caption>
            {t(`elections.post.${p.post}`)} ({p.seats}){p.tie ? ` · ${t('elections.tally.tie')}` : p.unfilled > 0 ? ` · ${t('elections.tally.unfilled', { count: p.unfilled })}` : ''}
          </caption>
          <tbody>
            {p.candidates.map((c) => (
              <tr key={`${c.candidateId ?? ''}${c.name}`}>
                <th scope="row">
                  {c.name}
                  {c.writeIn ? t('elections.tally.writeIn') : ''}
                </th>
                <td>{t('elections.tally.votes', { votes: c.votes })}</td>
                <td>{c.elected ? t('elections.tally.elected') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {tally.furtherRoundNeeded && <p className="portal-election-warning">{t('elections.tally.furtherRound')}</p>}
    </section>
  );
}
