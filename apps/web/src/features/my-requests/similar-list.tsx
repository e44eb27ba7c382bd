import { useEffect, useState } from 'react';
import { Button } from 'antd-mobile';
import { requestStatusLabels } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from './format-date.js';
import { useLabel } from '../../i18n/labels.js';
import { myRequestsApi, type SimilarRequest } from './my-requests-api.js';

/** Wait this long after the last key press before asking, so typing stays smooth on a slow phone. */
const DEBOUNCE_MS = 600;
/** Fewer characters say too little to compare. */
const MIN_CHARS = 4;

/**
 * 相似的诉求 while the resident types. A near-duplicate is said plainly; "这就是我要说的" shows that the
 * community is already on it, right here (a resident cannot open other people's requests, nor merge them).
 * Submitting stays possible: the community merges duplicates itself.
 */
export function SimilarList({ text }: { text: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [items, setItems] = useState<SimilarRequest[]>([]);
  const [chosen, setChosen] = useState<SimilarRequest | null>(null);
  const query = text.trim();

  useEffect(() => {
    if (query.length < MIN_CHARS) {
      setItems([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      myRequestsApi.similar(query, ctrl.signal).then(
        (r) => setItems(r.items),
        // A hint, not a step: if it fails the resident simply does not see it.
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [query]);

  if (chosen) {
    return (
      <section className="gz-similar gz-similar-chosen" role="status" aria-live="polite">
        <h3>{t('myRequests.similar.chosenTitle')}</h3>
        <p className="gz-similar-title">{chosen.title}</p>
        <p>
          {t('myRequests.similar.chosenBody', {
            number: chosen.number,
            status: label(requestStatusLabels[chosen.status].resident),
          })}
        </p>
        <Button size="small" fill="outline" onClick={() => setChosen(null)}>
          {t('myRequests.similar.close')}
        </Button>
      </section>
    );
  }
  if (items.length === 0) return null;
  const duplicate = items.some((s) => s.duplicate);
  return (
    <section className="gz-similar" aria-labelledby="gz-similar-title" aria-live="polite">
      <h3 id="gz-similar-title">{t('myRequests.similar.title')}</h3>
      {duplicate ? <p className="gz-similar-duplicate">{t('myRequests.similar.duplicate')}</p> : <p>{t('myRequests.similar.hint')}</p>}
      <ul>
        {items.map((s) => (
          <li key={s.id} className={s.duplicate ? 'gz-similar-dup' : undefined}>
            <span className="gz-similar-title">{s.title}</span>
            <span className="gz-similar-meta">
              {[label(requestStatusLabels[s.status]), s.placeName, t('myRequests.similar.reported', { date: formatDate(s.createdAt) })]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <Button size="small" color="primary" fill={s.duplicate ? 'solid' : 'outline'} onClick={() => setChosen(s)}>
              {t('myRequests.similar.thisIsMine')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
