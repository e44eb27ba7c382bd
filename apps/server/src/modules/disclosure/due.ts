import {
  daysBetween,
  DISCLOSURE_REMINDER_LEAD_DAYS,
  expectedPeriod,
  isPeriodic,
  type DisclosureDue,
  type DisclosureFrequency,
} from '@gongzhi/shared';

/**
 * Where a catalogue item stands today (a China date). A periodic item is expected to disclose its last ended
 * period by `dueOn`: `due` from DISCLOSURE_REMINDER_LEAD_DAYS before that day, `overdue` after it, until a
 * publication for the period is out. Items on change or on event have no date to miss.
 */
export function dueStatus(item: { frequency: string; due_days: number }, today: string, published: Map<string, string> | undefined): DisclosureDue {
  const f = item.frequency as DisclosureFrequency;
  if (!isPeriodic(f)) return { status: 'not_periodic', period: null, dueOn: null, daysOverdue: 0, publicationId: null };
  const { period, dueOn } = expectedPeriod(f, today, Number(item.due_days));
  const publicationId = published?.get(period) ?? null;
  if (publicationId) return { status: 'published', period, dueOn, daysOverdue: 0, publicationId };
  const left = daysBetween(today, dueOn);
  if (left < 0) return { status: 'overdue', period, dueOn, daysOverdue: -left, publicationId: null };
  return { status: left <= DISCLOSURE_REMINDER_LEAD_DAYS ? 'due' : 'upcoming', period, dueOn, daysOverdue: 0, publicationId: null };
}

/** The period each periodic item is expected to have disclosed today (for looking up publications). */
export function expectedPeriods(items: { frequency: string; due_days: number }[], today: string): string[] {
  return items.flatMap((i) => {
    const f = i.frequency as DisclosureFrequency;
    return isPeriodic(f) ? [expectedPeriod(f, today, Number(i.due_days)).period] : [];
  });
}
