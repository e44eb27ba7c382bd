import { useState } from 'react';
import { Alert, Button, Select, Space, Typography } from 'antd';
import type { ElectionDetail } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { organisationsApi } from '../organisations/organisations-api.js';
import { electionsApi } from './elections-api.js';
import { TallyView } from './tally-table.js';
import { useAction } from './use-action.js';

/** The count as it stands, publishing it, and recording the elected's terms in the residents' committee. */
export function ResultTab({ e, onChanged }: { e: ElectionDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const counted = e.phase === 'counting' || e.phase === 'published' || e.phase === 'terms_recorded';
  const tally = useLoaded(`tally-${e.id}-${e.phase}-${e.counts.ballots}`, (s) => (counted ? electionsApi.tally(e.id, s) : Promise.resolve(null)));
  const act = useAction(onChanged);
  const [organisationId, setOrganisationId] = useState<string | undefined>(undefined);
  // The terms go into one of the community's residents' committees (normally there is exactly one).
  const committees = useLoaded(`committees-${e.communityId}-${e.phase}`, () =>
    e.phase === 'published' ? organisationsApi.list({ communityId: e.communityId, kind: 'residents_committee' }) : Promise.resolve({ items: [] }),
  );
  const committeeOptions = (committees.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const chosen = organisationId ?? (committeeOptions.length === 1 ? committeeOptions[0]!.value : undefined);
  const [done, setDone] = useState<string | null>(null);
  if (!counted) return <Typography.Paragraph type="secondary">{t('elections.phase.counting')} …</Typography.Paragraph>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {tally.error !== null && <Alert type="error" showIcon title={errorText(tally.error)} />}
      {act.error !== null && <Alert type="error" showIcon title={errorText(act.error)} />}
      {tally.data && <TallyView tally={tally.data} />}
      {e.phase === 'counting' && (
        <Button type="primary" loading={act.busy} onClick={() => void act.run(() => electionsApi.publish(e.id))}>
          {t('elections.console.publish')}
        </Button>
      )}
      {e.phase === 'published' && (
        <Space.Compact>
          <Select
            aria-label={t('elections.console.organisation')}
            placeholder={t('elections.console.organisation')}
            loading={committees.loading}
            value={chosen}
            onChange={(v: string) => setOrganisationId(v)}
            options={committeeOptions}
            notFoundContent={t('elections.console.noCommittee')}
            style={{ width: 320 }}
          />
          <Button
            type="primary"
            disabled={!chosen}
            loading={act.busy}
            onClick={() =>
              void act.run(async () => {
                const r = await electionsApi.terms(e.id, chosen!);
                setDone(t('elections.console.termsDone', { start: r.termStartOn, end: r.termEndOn, created: r.created, ended: r.ended }));
              })
            }
          >
            {t('elections.console.recordTerms')}
          </Button>
        </Space.Compact>
      )}
      {done && <Typography.Text role="status">{done}</Typography.Text>}
    </Space>
  );
}
