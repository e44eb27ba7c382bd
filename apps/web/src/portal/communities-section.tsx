import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCommunity } from '@gongzhi/shared';
import { errorText } from '../api/error-text.js';
import { countSummary } from '../features/places/count-summary.js';
import { publicApi } from '../features/public/public-api.js';
import { CommunityOpenLinks } from './community-open-links.js';
import { CommunityCovenants } from './covenant-page.js';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: PublicCommunity[] };

/** The communities on this platform, from the public API. */
export function CommunitiesSection() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const ac = new AbortController();
    publicApi
      .communities(ac.signal)
      .then((r) => setState({ kind: 'ready', items: r.items }))
      .catch((e: unknown) => !ac.signal.aborted && setState({ kind: 'failed', message: errorText(e) }));
    return () => ac.abort();
  }, []);

  return (
    <section className="portal-section" aria-labelledby="portal-communities">
      <h2 id="portal-communities">{t('portal.communities.title')}</h2>
      {state.kind === 'loading' && <p role="status">{t('states.loading')}</p>}
      {state.kind === 'failed' && (
        <p role="alert">
          {t('portal.communities.failed')} {state.message}
        </p>
      )}
      {state.kind === 'ready' && state.items.length === 0 && <p>{t('portal.communities.empty')}</p>}
      {state.kind === 'ready' && state.items.length > 0 && (
        <ul className="portal-cards">
          {state.items.map((c) => (
            <li key={c.id} className="portal-card">
              <h3>{c.name}</h3>
              {c.subdistrictName && <p className="portal-muted">{t('portal.communities.subdistrict', { name: c.subdistrictName })}</p>}
              <p>{countSummary(t, c.counts, { exclude: 'community' })}</p>
              <CommunityOpenLinks communityId={c.id} communityName={c.name} />
              <CommunityCovenants communityId={c.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
