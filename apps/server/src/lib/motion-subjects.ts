import type { Db } from '../db/database.js';
import type { RequestContext } from './actor.js';

/**
 * A meeting's motion can decide something another module owns: a deliberation topic, a covenant version. The
 * meetings module knows nothing of those; each owner registers here once (at import of its service), and the
 * meetings service calls `checkSubject` when a motion is tabled and `subjectDecided` in the transaction that
 * closes the vote, so the topic or covenant moves on in the same commit as the tally.
 */
export const motionSubjectKinds = ['topic', 'covenant_version'] as const;
export type MotionSubjectKind = (typeof motionSubjectKinds)[number];

export interface DecidedMotion {
  motionId: string;
  meetingId: string;
  /** residents_meeting | representative_assembly | deliberation_council | joint_meeting */
  meetingKind: string;
  communityId: string;
  subjectKind: MotionSubjectKind;
  subjectId: string;
  /** The motion's text as put to the vote. */
  text: string;
  /** adopted: quorum met and a majority for; rejected: quorum met, no majority; no_quorum: not enough present. */
  result: 'adopted' | 'rejected' | 'no_quorum';
  /** Eligible attendees (members or households, as the meeting counts) and those present at the vote. */
  eligible: number;
  present: number;
  womenPresent: number;
  forCount: number;
  againstCount: number;
  abstainCount: number;
  decidedAt: string;
}

export interface MotionSubject {
  /**
   * Throws an AppError when the subject cannot be put to this meeting (not found in the community, not in its
   * vote phase, wrong meeting kind); otherwise gives the title shown on the agenda and in the minutes.
   */
  check(db: Db, subjectId: string, meeting: { communityId: string; kind: string }): Promise<{ title: string }>;
  /** Called inside the transaction that records the result. */
  decided(trx: Db, motion: DecidedMotion, ctx: RequestContext): Promise<void>;
}

const subjects = new Map<MotionSubjectKind, MotionSubject>();

export function registerMotionSubject(kind: MotionSubjectKind, subject: MotionSubject): void {
  subjects.set(kind, subject);
}

export function motionSubject(kind: MotionSubjectKind): MotionSubject | undefined {
  return subjects.get(kind);
}
