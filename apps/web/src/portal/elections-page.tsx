import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../api/error-text.js';
import { useResource } from '../api/use-resource.js';
import { publicElectionsApi } from '../features/elections/elections-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import './election-page.css';

const loadList = (communityId: string) => publicElectionsApi.ofCommunity(communityId);

/** /communities/:communityId/elections: a community's elections once their voter list is posted, open to anyone. */
export function PortalElectionsPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const { state } = useResource(communityId, loadList);
  useDocumentTitle(t('elections.portal.listTitle'));
  if (state.status === 'loading') return <p role="status">{t('states.loading')}</p>;
  if (state.status === 'not-found')
    return (
      <section className="portal-section">
        <p>{t('notFound.description')}</p>
        <Link to="/">{t('elections.portal.back')}</Link>
      </section>
    );
  if (state.status === 'failed') return <p role="alert">{errorText(state.error)}</p>;
  const items = state.data.items;
  return (
    <section className="portal-section portal-elections" aria-labelledby="portal-elections-title">
      <p>
        <Link to="/">{t('elections.portal.back')}</Link>
      </p>
      <h1 id="portal-elections-title">
        {items[0] ? `${items[0].communityName} · ` : ''}
        {t('elections.portal.listTitle')}
      </h1>
      {items.length === 0 ? (
        <p className="portal-empty">{t('elections.portal.empty')}</p>
      ) : (
        <ul className="portal-election-list">
          {items.map((e) => (
            <li key={e.id}>
              <Link to={`/elections/${e.id}`}>{e.title}</Link>
              <span className="portal-muted">
                {t('elections.portal.electionDay', { date: e.electionDay })} · {t(`elections.phase.${e.phase}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
