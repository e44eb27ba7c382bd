import { useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { deliberationMeetingKindLabels, type MeetingRuleView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { meetingsApi } from './meetings-api.js';

type Draft = Pick<MeetingRuleView, 'quorumNum' | 'quorumDen' | 'majorityNum' | 'majorityDen'>;

/**
 * 法定人数规则: per meeting kind, the share that must be present and the share of those present a decision needs
 * (the law's "more than half" unless the community's rules say otherwise). A change applies from the next notice;
 * a published notice keeps the rule it was sent with.
 */
export function MeetingRulesCard({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const rules = useLoaded(`rules:${communityId}`, () => meetingsApi.rules(communityId));
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const draftOf = (r: MeetingRuleView): Draft => drafts[r.kind] ?? { quorumNum: r.quorumNum, quorumDen: r.quorumDen, majorityNum: r.majorityNum, majorityDen: r.majorityDen };
  const edit = (r: MeetingRuleView, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [r.kind]: { ...draftOf(r), ...patch } }));
  const save = async (r: MeetingRuleView) => {
    setSaving(r.kind);
    try {
      await meetingsApi.setRule(r.kind, { communityId, ...draftOf(r) });
      setDrafts(({ [r.kind]: _saved, ...rest }) => rest);
      rules.reload();
      void message.success(t('meetings.rules.saved'));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(null);
    }
  };
  const fraction = (r: MeetingRuleView, num: 'quorumNum' | 'majorityNum', den: 'quorumDen' | 'majorityDen') => (
    <Space size={4}>
      {t('meetings.rules.moreThan')}
      <InputNumber aria-label={t(`meetings.rules.${num}`)} min={1} max={99} value={draftOf(r)[num]} onChange={(v) => v !== null && edit(r, { [num]: v })} style={{ width: 60 }} />
      /
      <InputNumber aria-label={t(`meetings.rules.${den}`)} min={2} max={100} value={draftOf(r)[den]} onChange={(v) => v !== null && edit(r, { [den]: v })} style={{ width: 60 }} />
    </Space>
  );

  return (
    <Card size="small" title={t('meetings.rules.title')}>
      <p className="gz-muted">{t('meetings.rules.hint')}</p>
      {rules.error ? <Alert type="error" showIcon title={errorText(rules.error)} /> : null}
      <Table<MeetingRuleView>
        rowKey="kind"
        size="small"
        pagination={false}
        loading={rules.loading}
        aria-label={t('meetings.rules.title')}
        dataSource={rules.data?.items ?? []}
        columns={[
          { key: 'kind', title: t('meetings.list.kind'), render: (_: unknown, r) => <>{label(deliberationMeetingKindLabels[r.kind])} {r.custom ? <Tag>{t('meetings.rules.custom')}</Tag> : null}</> },
          { key: 'quorum', title: t('meetings.rules.quorum'), render: (_: unknown, r) => fraction(r, 'quorumNum', 'quorumDen') },
          { key: 'majority', title: t('meetings.rules.majority'), render: (_: unknown, r) => fraction(r, 'majorityNum', 'majorityDen') },
          {
            key: 'save',
            title: '',
            render: (_: unknown, r) => (
              <Button size="small" disabled={!drafts[r.kind]} loading={saving === r.kind} onClick={() => void save(r)}>
                {t('meetings.rules.save')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
