import type { AttendanceView, MotionResult } from '@gongzhi/shared';

/**
 * The law's arithmetic, kept exact with integers: a quorum is strictly more than num/den of the eligible
 * invitees present (exactly half is not a quorum), and a decision strictly more than num/den of those present.
 */

export interface Fraction {
  num: number;
  den: number;
}

/** The fewest present that make a quorum: the smallest p with p·den > num·eligible. */
export const quorumNeeded = (eligible: number, q: Fraction): number => Math.floor((eligible * q.num) / q.den) + 1;

export const hasQuorum = (eligible: number, present: number, q: Fraction): boolean => eligible > 0 && present * q.den > eligible * q.num;

export const hasMajority = (forCount: number, present: number, m: Fraction): boolean => forCount * m.den > present * m.num;

export function attendance(counts: { eligible: number; present: number; womenPresent: number; guestsPresent: number }, quorum: Fraction, majority: Fraction): AttendanceView {
  return {
    ...counts,
    quorumNeeded: quorumNeeded(counts.eligible, quorum),
    quorumMet: hasQuorum(counts.eligible, counts.present, quorum),
    quorum,
    majority,
  };
}

export function motionResult(eligible: number, present: number, forCount: number, quorum: Fraction, majority: Fraction): MotionResult {
  if (!hasQuorum(eligible, present, quorum)) return 'no_quorum';
  return hasMajority(forCount, present, majority) ? 'adopted' : 'rejected';
}

/** The law's default for every kind: more than half. */
export const defaultFraction: Fraction = { num: 1, den: 2 };
