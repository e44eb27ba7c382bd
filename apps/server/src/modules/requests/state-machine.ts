import { handlingStatuses, requestStatuses, type RequestPermissions, type RequestStatus, type StepAction } from '@gongzhi/shared';

/**
 * The request lifecycle as one table: for each action, the statuses it starts from, the status it leads to, and
 * who may take it. Route checks (`checkAction`) and the `can` permissions the web shows (`permissionsFor`) both
 * read this table, so the buttons a person sees are exactly the calls the server accepts.
 */

/** How the viewer stands to one request; computed per request from scope, assignments and the resident link. */
export interface Relations {
  /** Classifies, dispatches, merges, closes: community admin or staff over the request's place. */
  dispatcher: boolean;
  /** A grid worker whose grid holds the request's place (closes small items on the spot). */
  gridWorker: boolean;
  /** Holds an active assignment: the assigned user, or a representative of the assigned organisation. */
  assignee: boolean;
  /** Holds the active lead assignment. */
  lead: boolean;
  /** The resident: submitted it, or it is about their linked register record (or staff acting on their behalf). */
  resident: boolean;
  /** May reveal the contact phone (revealRoles.phone over the place). */
  revealer: boolean;
}
export type Relation = Exclude<keyof Relations, 'revealer'>;

export const requestActions = [
  'classify', 'urgency', 'dispatch', 'accept', 'return', 'note', 'reply', 'selfResolve', 'rate', 'object', 'merge', 'withdraw', 'close',
] as const;
export type RequestAction = (typeof requestActions)[number];

export interface Transition {
  from: readonly RequestStatus[];
  /** null: the status stays (notes, classification, urgency). */
  to: RequestStatus | null;
  by: readonly Relation[];
  step: StepAction;
  /** Only within `objectionDays` of the reply. */
  objectionWindow?: boolean;
}

const open: readonly RequestStatus[] = handlingStatuses;
const notEnded = requestStatuses.filter((s) => s !== 'merged' && s !== 'withdrawn');

/**
 * The lifecycle. `rate` leads to `rated`, or to `objection` when the rating is dissatisfied (see the service).
 * A disputed request goes back to its lead (accept), or the dispatchers send it to someone else (dispatch).
 */
export const lifecycle: Record<RequestAction, Transition> = {
  classify: { from: open, to: null, by: ['dispatcher'], step: 'reclassified' },
  urgency: { from: open, to: null, by: ['dispatcher'], step: 'urgency_changed' },
  dispatch: { from: ['received', 'returned', 'objection'], to: 'dispatched', by: ['dispatcher'], step: 'dispatched' },
  accept: { from: ['dispatched', 'objection'], to: 'in_progress', by: ['lead'], step: 'accepted' },
  return: { from: ['dispatched', 'in_progress'], to: 'returned', by: ['assignee'], step: 'returned' },
  note: { from: notEnded, to: null, by: ['dispatcher', 'assignee'], step: 'note' },
  reply: { from: ['dispatched', 'in_progress'], to: 'replied', by: ['lead'], step: 'replied' },
  selfResolve: { from: ['received'], to: 'closed', by: ['gridWorker', 'dispatcher'], step: 'self_resolved' },
  rate: { from: ['replied'], to: 'rated', by: ['resident'], step: 'rated' },
  object: { from: ['replied', 'rated', 'closed'], to: 'objection', by: ['resident'], step: 'objection', objectionWindow: true },
  merge: { from: open, to: 'merged', by: ['dispatcher'], step: 'merged' },
  withdraw: { from: ['received', 'dispatched', 'in_progress', 'returned'], to: 'withdrawn', by: ['resident'], step: 'withdrawn' },
  close: { from: ['rated'], to: 'closed', by: ['dispatcher'], step: 'closed' },
};

/** What a request must tell the table besides its status. */
export interface RequestFacts {
  status: RequestStatus;
  /** When the reply was given (or the on-the-spot resolution); the objection window counts from it. */
  repliedAt: string | null;
  /** The community's objection window. */
  objectionDays: number;
  /** Now, as ISO text. */
  now: string;
}

/** Whether the objection window is still open. */
export function objectionOpen(f: RequestFacts): boolean {
  if (!f.repliedAt) return false;
  return Date.parse(f.now) <= Date.parse(f.repliedAt) + f.objectionDays * 86_400_000;
}

export type Verdict = 'ok' | 'not_allowed' | 'wrong_status' | 'window_passed';

/**
 * May someone with these relations take `action` on the request now? Who comes first (a stranger to the action
 * is refused whatever the status), then the status, then the objection window.
 */
export function checkAction(action: RequestAction, rel: Relations, f: RequestFacts): Verdict {
  const t = lifecycle[action];
  if (!t.by.some((r) => rel[r])) return 'not_allowed';
  if (!t.from.includes(f.status)) return 'wrong_status';
  if (t.objectionWindow && !objectionOpen(f)) return 'window_passed';
  return 'ok';
}

/** The `can` block of a request's detail: every action the viewer may take now. */
export function permissionsFor(rel: Relations, f: RequestFacts, hasPhone: boolean): RequestPermissions {
  const ok = (a: RequestAction) => checkAction(a, rel, f) === 'ok';
  return {
    classify: ok('classify'),
    urgency: ok('urgency'),
    dispatch: ok('dispatch'),
    accept: ok('accept'),
    return: ok('return'),
    note: ok('note'),
    reply: ok('reply'),
    selfResolve: ok('selfResolve'),
    rate: ok('rate'),
    object: ok('object'),
    withdraw: ok('withdraw'),
    merge: ok('merge'),
    close: ok('close'),
    revealPhone: rel.revealer && hasPhone,
  };
}
