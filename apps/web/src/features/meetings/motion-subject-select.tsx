import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliberationMeetingKind } from '@gongzhi/shared';
import { useLoaded } from '../../api/use-loaded.js';
import { covenantApi } from '../covenant/covenant-api.js';

/** What a motion decides, besides its text: for now a covenant version awaiting its vote. */
export interface MotionSubject {
  subjectKind: 'covenant_version';
  subjectId: string;
}

// The covenant's rules: only a residents' meeting or a representative assembly may adopt a covenant.
const decidesCovenants = (kind: DeliberationMeetingKind) => kind === 'residents_meeting' || kind === 'representative_assembly';

/**
 * 表决对象: the current versions of the community's covenants in their vote phase. Tabling a motion with one
 * lets the covenant record the result (adopted → filing); the server checks the version again when tabled.
 */
export function MotionSubjectSelect({ communityId, kind, value, onChange }: { communityId: string; kind: DeliberationMeetingKind; value: MotionSubject | null; onChange: (s: MotionSubject | null) => void }) {
  const { t } = useTranslation();
  const open = decidesCovenants(kind);
  const subjects = useLoaded(`${communityId}:${open}`, async (signal) => {
    if (!open) return [];
    const { items } = await covenantApi.list(communityId, signal);
    const voting = await Promise.all(items.filter((c) => c.phase === 'vote').map((c) => covenantApi.get(c.id)));
    return voting.flatMap((c) => {
      const v = c.versions.find((x) => x.id === c.currentVersionId);
      return v ? [{ value: v.id, label: t('meetings.motions.subjectCovenant', { title: c.title, number: v.number }) }] : [];
    });
  });
  const options = subjects.data ?? [];
  if (!open || options.length === 0) return null;
  return (
    <Select
      aria-label={t('meetings.motions.subjectPick')}
      placeholder={t('meetings.motions.subjectPick')}
      allowClear
      value={value?.subjectId}
      onChange={(id?: string) => onChange(id ? { subjectKind: 'covenant_version', subjectId: id } : null)}
      options={options}
      style={{ minWidth: 280 }}
    />
  );
}
