import type { TFunction } from 'i18next';
import type { TopicEvent } from '@gongzhi/shared';

const num = (v: string | number | null | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
const dateOf = (v: string | number | null | undefined): string => (typeof v === 'string' ? v.slice(0, 10) : '');

/**
 * The facts of one trail step in words (tally, comment counts, deadline), the same on the console and the phone;
 * null when the step has nothing beyond its name and note.
 */
export function trailFacts(e: TopicEvent, t: TFunction): string | null {
  const d = e.data;
  switch (e.kind) {
    case 'proposed':
      return num(d.requests) > 0 ? t('topics.trail.requests', { count: num(d.requests) }) : null;
    case 'put_on_agenda':
      return t('topics.trail.endsAt', { date: dateOf(d.consultationEndsAt) });
    case 'consultation_closed':
      return t('topics.trail.comments', { support: num(d.support), oppose: num(d.oppose), neutral: num(d.neutral), questions: num(d.questions) });
    case 'meeting_decided':
    case 'meeting_rejected':
    case 'meeting_no_quorum':
    case 'meeting_result_after_decision':
      return t('topics.trail.tally', {
        eligible: num(d.eligible),
        present: num(d.present),
        women: num(d.womenPresent),
        for: num(d.for),
        against: num(d.against),
        abstain: num(d.abstain),
      });
    case 'decision_recorded':
      return [d.meetingRef, d.for !== null && d.for !== undefined ? t('topics.detail.tally', { for: num(d.for), against: num(d.against), abstain: num(d.abstain) }) : null]
        .filter(Boolean)
        .join(' · ');
    case 'task_added':
      return t('topics.trail.task', { owner: String(d.owner ?? ''), date: String(d.dueOn ?? '') });
    default:
      return null;
  }
}
