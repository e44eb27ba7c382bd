import { covenantPhaseLabels, covenantPhases, type CovenantView } from '@gongzhi/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/labels.js';
import { formatDate } from '../my-requests/format-date.js';
import { formatDay } from './covenant-format.js';

/** The nine steps from first opinion to household pledge, each with when it happened or is planned. */
export function PhaseSteps({ c }: { c: CovenantView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const now = covenantPhases.indexOf(c.phase);
  return (
    <section className="resident-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('myCovenant.steps.title')}</h2>
      <ol className="gz-phase-steps">
        {covenantPhases.map((phase, i) => {
          const row = c.phases.find((p) => p.phase === phase);
          const state = i < now ? 'done' : i === now ? 'now' : 'later';
          let when = '';
          if (row?.startedAt && row.endedAt) when = t('myCovenant.steps.ran', { from: formatDate(row.startedAt), to: formatDate(row.endedAt) });
          else if (row?.startedAt) when = t('myCovenant.steps.since', { from: formatDate(row.startedAt) });
          else if (row?.plannedStartOn) when = t('myCovenant.steps.planned', { from: formatDay(row.plannedStartOn) });
          return (
            <li key={phase} className={`gz-phase-step-item gz-phase-step-${state}`} aria-current={state === 'now' ? 'step' : undefined}>
              <span className="gz-phase-step-name">{label(covenantPhaseLabels[phase])}</span>
              <span className="gz-phase-step-state">{t(`myCovenant.steps.${state}`)}</span>
              {when && <span className="gz-phase-step-when">{when}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
