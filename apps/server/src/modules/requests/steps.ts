import type { Insertable } from 'kysely';
import type { RequestStatus, StepAction } from '@gongzhi/shared';
import type { RequestStepsTable } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';

/** Timeline rows: every step timestamped and attributed to a person (or to the system's timers). */

/** The name timers and integrations sign their steps with. */
export const SYSTEM_NAME = '系统';

export interface StepInput {
  requestId: string;
  action: StepAction;
  from: RequestStatus | null;
  to: RequestStatus | null;
  message?: string | null;
  data?: unknown;
  /** Shown to the resident; internal notes, reminders and classification are not. */
  public: boolean;
  now: string;
}

/** A step row signed by `actor` (null: the system). Ids sort by time, so a timeline orders by id as well. */
export function stepRow(actor: Actor | null, s: StepInput, actorName?: string): Insertable<RequestStepsTable> & { id: string } {
  return {
    id: newId(),
    request_id: s.requestId,
    action: s.action,
    from_status: s.from,
    to_status: s.to,
    actor_user_id: actor?.userId ?? null,
    actor_name: (actorName ?? (actor?.userId ? actor.displayName : SYSTEM_NAME)).slice(0, 60),
    on_behalf_of: actor?.onBehalfOf?.id ?? null,
    message: s.message ?? null,
    data_json: s.data === undefined ? null : JSON.stringify(s.data),
    public: s.public ? 1 : 0,
    created_at: s.now,
  };
}
