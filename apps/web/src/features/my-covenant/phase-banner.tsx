import { covenantPhases, type CovenantPhase, type CovenantView, type ProcessAction } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { formatDay } from './covenant-format.js';

/** "征求意见中，至 12月10日": where a covenant stands, in words a resident uses. */
export function usePhaseLine() {
  const { t } = useTranslation();
  return (c: Pick<CovenantView, 'phase' | 'phaseEndsOn'>) => {
    const status = t(`myCovenant.phaseNow.${c.phase}`);
    return c.phaseEndsOn ? t('myCovenant.phaseUntil', { status, date: formatDay(c.phaseEndsOn) }) : status;
  };
}

// The order residents read what they may do in; `review` is never theirs but is listed for completeness.
const actionOrder: ProcessAction[] = ['propose', 'comment', 'vote', 'pledge', 'review'];

/** The words for an open action: commenting means taking a stance on articles only while a draft is consulted. */
function actionText(phase: CovenantPhase, action: ProcessAction) {
  if (action !== 'comment') return `myCovenant.actions.${action}` as const;
  if (phase === 'consultation') return 'myCovenant.actions.comment' as const;
  return phase === 'opinion_collection' ? ('myCovenant.actions.propose' as const) : ('myCovenant.actions.commentOther' as const);
}

/** The banner at the top of a covenant: the phase, its dates, what happens now and what I may do. */
export function PhaseBanner({ c }: { c: CovenantView }) {
  const { t } = useTranslation();
  const phaseLine = usePhaseLine();
  // What each open action means to a resident in this phase; two actions that come to the same thing show once.
  const allowed = [...new Set(actionOrder.filter((a) => c.participation.allowed.includes(a)).map((a) => actionText(c.phase, a)))];
  const step = covenantPhases.indexOf(c.phase) + 1;
  return (
    <div className={`gz-phase-banner gz-phase-${c.phase}`} role="status" aria-label={t('myCovenant.detail.phaseNow')}>
      <p className="gz-phase-step">{t('myCovenant.detail.step', { step, total: covenantPhases.length })}</p>
      <p className="gz-phase-line">{phaseLine(c)}</p>
      <p>{t(`myCovenant.phaseHint.${c.phase}`)}</p>
      <h3 className="gz-phase-can-title">{t('myCovenant.detail.youCan')}</h3>
      {allowed.length > 0 ? (
        <ul className="gz-phase-can">
          {allowed.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : (
        <p>{t('myCovenant.detail.nothingToDo')}</p>
      )}
    </div>
  );
}
