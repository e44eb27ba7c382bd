import { describe, expect, it } from 'vitest';
import { expectedPeriod, periodBounds, periodLabel, periodMatches, periodOf } from '@gongzhi/shared';
import { dueStatus } from './due.js';

describe('disclosure periods (China dates)', () => {
  it('finds the period of a date and the ones before it', () => {
    expect(periodOf('monthly', '2026-01-15')).toBe('2026-01');
    expect(periodOf('monthly', '2026-01-15', 1)).toBe('2025-12');
    expect(periodOf('quarterly', '2026-11-25')).toBe('2026-Q4');
    expect(periodOf('quarterly', '2026-01-01', 1)).toBe('2025-Q4');
    expect(periodOf('half_yearly', '2026-06-30')).toBe('2026-H1');
    expect(periodOf('half_yearly', '2026-07-01', 1)).toBe('2026-H1');
    expect(periodOf('yearly', '2026-03-01', 1)).toBe('2025');
  });

  it('bounds periods, leap years included', () => {
    expect(periodBounds('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodBounds('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodBounds('2025')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('matches period keys to frequencies and names them', () => {
    expect(periodMatches('quarterly', '2026-Q3')).toBe(true);
    expect(periodMatches('quarterly', '2026-07')).toBe(false);
    expect(periodMatches('monthly', '2026-13')).toBe(false);
    expect(periodLabel('2026-Q3')).toBe('2026年第三季度');
    expect(periodLabel('2026-Q3', 'en-US')).toBe('Q3 2026');
    expect(periodLabel('2026-10')).toBe('2026年10月');
    expect(periodLabel('2026-H2')).toBe('2026年下半年');
  });

  it('expects the last ended period, due ten days after it ends', () => {
    expect(expectedPeriod('quarterly', '2026-10-05', 10)).toEqual({ period: '2026-Q3', dueOn: '2026-10-10' });
    expect(expectedPeriod('monthly', '2026-03-01', 10)).toEqual({ period: '2026-02', dueOn: '2026-03-10' });
  });

  it('is upcoming, due, overdue or published, and never overdue for on-change items', () => {
    const q = { frequency: 'quarterly', due_days: 10 };
    expect(dueStatus(q, '2026-10-01', undefined)).toMatchObject({ status: 'upcoming', period: '2026-Q3', dueOn: '2026-10-10' });
    expect(dueStatus(q, '2026-10-05', undefined)).toMatchObject({ status: 'due' });
    expect(dueStatus(q, '2026-10-10', undefined)).toMatchObject({ status: 'due', daysOverdue: 0 });
    expect(dueStatus(q, '2026-10-11', undefined)).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    expect(dueStatus(q, '2026-11-25', undefined)).toMatchObject({ status: 'overdue', daysOverdue: 46 });
    expect(dueStatus(q, '2026-11-25', new Map([['2026-Q3', 'p1']]))).toMatchObject({ status: 'published', publicationId: 'p1' });
    // A publication for another quarter does not count.
    expect(dueStatus(q, '2026-11-25', new Map([['2026-Q2', 'p0']]))).toMatchObject({ status: 'overdue' });
    expect(dueStatus({ frequency: 'on_change', due_days: 10 }, '2030-01-01', undefined)).toMatchObject({ status: 'not_periodic', daysOverdue: 0 });
    expect(dueStatus({ frequency: 'on_event', due_days: 0 }, '2030-01-01', undefined).status).toBe('not_periodic');
  });
});
