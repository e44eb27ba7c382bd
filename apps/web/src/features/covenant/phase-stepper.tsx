import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { covenantPhaseLabels, covenantPhases, type CovenantPhase, type CovenantView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { advanceBlock, dayOf, nextPhase, span } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';

/**
 * The nine phases with their planned and actual dates, the current one highlighted, and the button that starts
 * the next one. When a precondition is missing the button stays disabled and says why beside it.
 */
export function PhaseStepper({ c, onSaved }: { c: CovenantView; onSaved: (c: CovenantView) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = covenantPhases.indexOf(c.phase);
  const next = nextPhase(c.phase);
  const block = advanceBlock(c);
  const byPhase = new Map(c.phases.map((p) => [p.phase, p]));

  // Besides the next phase the server may offer a way back (a rejected vote returns to revision).
  const back = c.can.advanceTo.filter((p) => p !== next);

  const advance = async (to: CovenantPhase) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await covenantApi.advance(c.id, to));
      message.success(t('covenant.advance.done', { phase: label(covenantPhaseLabels[to]) }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <div className="gz-cov-steps" role="group" aria-label={t('covenant.stepper.label')}>
        <Steps
          size="small"
          titlePlacement="vertical"
          current={current}
          items={covenantPhases.map((phase, i) => {
            const p = byPhase.get(phase);
            const actual = p?.startedAt ? `${dayOf(p.startedAt)} – ${p.endedAt ? dayOf(p.endedAt) : '…'}` : null;
            return {
              key: phase,
              title: label(covenantPhaseLabels[phase]),
              status: i < current ? 'finish' : i === current ? 'process' : 'wait',
              content: (
                <span className="gz-cov-step-dates">
                  <span>
                    {t('covenant.stepper.planned')} {span(p?.plannedStartOn ?? null, p?.plannedEndOn ?? null)}
                  </span>
                  {actual && (
                    <span>
                      {t('covenant.stepper.actual')} {actual}
                    </span>
                  )}
                </span>
              ),
            };
          })}
        />
      </div>
      {block === 'notManager' ? null : next ? (
        <Space wrap align="center">
          <Popconfirm
            title={t('covenant.advance.confirm', { phase: label(covenantPhaseLabels[next]) })}
            okText={t('covenant.advance.ok')}
            cancelText={t('covenant.common.cancel')}
            onConfirm={() => advance(next)}
            disabled={block !== null}
          >
            <Button type="primary" loading={busy} disabled={block !== null}>
              {t('covenant.advance.button', { phase: label(covenantPhaseLabels[next]) })}
            </Button>
          </Popconfirm>
          {back.map((to) => (
            <Popconfirm
              key={to}
              title={t('covenant.advance.backConfirm', { phase: label(covenantPhaseLabels[to]) })}
              okText={t('covenant.common.confirm')}
              cancelText={t('covenant.common.cancel')}
              onConfirm={() => advance(to)}
            >
              <Button loading={busy}>{t('covenant.advance.back', { phase: label(covenantPhaseLabels[to]) })}</Button>
            </Popconfirm>
          ))}
          {block && block !== 'last' && (
            <Typography.Text type="secondary" role="note">
              {t(`covenant.advance.why.${block}`)}
            </Typography.Text>
          )}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('covenant.advance.why.last')}</Typography.Text>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
