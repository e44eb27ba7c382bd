import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliberationMeetingKind } from '@gongzhi/shared';
import { useLoaded } from '../../api/use-loaded.js';
import { covenantApi } from '../covenant/covenant-api.js';
import { topicsApi } from '../topics/topics-api.js';

/** What a motion decides, besides its text: a topic on the agenda, or a covenant version awaiting its vote. */
export interface MotionSubject {
  subjectKind: 'covenant_version' | 'topic';
  subjectId: string;
}

// The covenant's rules: only a residents' meeting or a representative assembly may adopt a covenant.
const decidesCovenants = (kind: DeliberationMeetingKind) => kind === 'residents_meeting' || kind === 'representative_assembly';

/**
 * 表决对象: the community's topics on the agenda (every kind of meeting may decide one) and, for a residents'
 * meeting or representative assembly, the current versions of its covenants in their vote phase. Tabling a
 * motion with one lets the topic or covenant record the result; the server checks the subject again when tabled.
 */
export function MotionSubjectSelect({ communityId, kind, value, onChange }: { communityId: string; kind: DeliberationMeetingKind; value: MotionSubject | null; onChange: (s: MotionSubject | null) => void }) {
  const { t } = useTranslation();
  const covenants = decidesCovenants(kind);
  const subjects = useLoaded(`${communityId}:${covenants}`, async (signal) => {
    const [topics, versions] = await Promise.all([
      topicsApi.list({ status: 'on_agenda', limit: 100, offset: 0 }, signal),
      covenants ? covenantApi.list(communityId, signal) : Promise.resolve({ items: [] }),
    ]);
    const voting = await Promise.all(versions.items.filter((c) => c.phase === 'vote').map((c) => covenantApi.get(c.id)));
    const topicOptions = topics.items
      .filter((x) => x.communityId === communityId)
      .map((x) => ({ value: `topic:${x.id}`, label: t('meetings.motions.subjectTopic', { title: x.title }) }));
    const versionOptions = voting.flatMap((c) => {
      const v = c.versions.find((x) => x.id === c.currentVersionId);
      return v ? [{ value: `covenant_version:${v.id}`, label: t('meetings.motions.subjectCovenant', { title: c.title, number: v.number }) }] : [];
    });
    return [...versionOptions, ...topicOptions];
  });
  const options = subjects.data ?? [];
  if (options.length === 0) return null;
  return (
    <Select
      aria-label={t('meetings.motions.subjectPick')}
      placeholder={t('meetings.motions.subjectPick')}
      allowClear
      value={value ? `${value.subjectKind}:${value.subjectId}` : undefined}
      onChange={(key?: string) => onChange(key ? parseSubject(key) : null)}
      options={options}
      style={{ minWidth: 280 }}
    />
  );
}

function parseSubject(key: string): MotionSubject {
  const at = key.indexOf(':');
  return { subjectKind: key.slice(0, at) === 'topic' ? 'topic' : 'covenant_version', subjectId: key.slice(at + 1) };
}
