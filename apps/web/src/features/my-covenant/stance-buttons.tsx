import { useState } from 'react';
import type { ArticleStance, ArticleView } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { FormError } from '../../resident/feedback.js';
import { myCovenantApi } from './my-covenant-api.js';

type Tally = Pick<ArticleView, 'support' | 'oppose' | 'myStance'>;

/**
 * 支持 / 反对 on one article: two big toggles (pressing the chosen one again takes it back), each with its count.
 * Without the right to comment in this phase they show the counts only.
 */
export function StanceButtons({ covenantId, article, open }: { covenantId: string; article: ArticleView; open: boolean }) {
  const { t } = useTranslation();
  const [tally, setTally] = useState<Tally>({ support: article.support, oppose: article.oppose, myStance: article.myStance });
  const [busy, setBusy] = useState<ArticleStance | null>(null);
  const [error, setError] = useState<string | null>(null);

  const press = async (stance: ArticleStance) => {
    setBusy(stance);
    setError(null);
    try {
      setTally(await myCovenantApi.stance(covenantId, article.id, tally.myStance === stance ? null : stance));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const button = (stance: ArticleStance) => {
    const on = tally.myStance === stance;
    const count = stance === 'support' ? tally.support : tally.oppose;
    return (
      <button
        type="button"
        className={`gz-stance gz-stance-${stance}${on ? ' gz-stance-on' : ''}`}
        aria-pressed={on}
        disabled={!open || busy !== null}
        onClick={() => void press(stance)}
      >
        <span className="gz-stance-word">
          {/* The tick is for the eye; the pressed state is told by aria-pressed, so the name stays 支持 / 反对. */}
          {on && <span aria-hidden>✓ </span>}
          {t(`myCovenant.stance.${stance}`)}
        </span>{' '}
        <span className="gz-stance-count">{t('myCovenant.stance.count', { count })}</span>
      </button>
    );
  };

  return (
    <div className="gz-stance-block">
      <div className="gz-stances" role="group" aria-label={t('myCovenant.stance.label')}>
        {button('support')}
        {button('oppose')}
      </div>
      {tally.myStance && open && (
        <p className="gz-muted" role="status">
          {t(`myCovenant.stance.mine_${tally.myStance}`)}
        </p>
      )}
      <FormError text={error} />
    </div>
  );
}
