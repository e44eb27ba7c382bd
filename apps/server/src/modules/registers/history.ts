import type { Insertable } from 'kysely';
import type { AppDeps } from '../../deps.js';
import type { ResidenceHistoryTable } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { localDate } from './residents.rules.js';

export type ResidenceEvent = 'registered' | 'moved_in' | 'moved' | 'household_moved' | 'moved_out' | 'deceased' | 'relation_changed' | 'returned';

export interface HistoryInput {
  event: ResidenceEvent;
  /** Null for an event of the household itself. */
  residentId: string | null;
  /** The household the entry belongs to: where the person is (or went, or left) at the event. */
  householdId: string | null;
  fromPlaceId?: string | null;
  toPlaceId?: string | null;
  fromHouseholdId?: string | null;
  toHouseholdId?: string | null;
  /** The date the event happened (as told); defaults to today. */
  onDate?: string | null;
  note?: string | null;
}

/** One residence-history row, stamped with the acting account and the time. */
export function historyRow(deps: AppDeps, ctx: RequestContext | null, h: HistoryInput): Insertable<ResidenceHistoryTable> {
  const now = deps.clock.now();
  return {
    id: newId(),
    resident_id: h.residentId,
    household_id: h.householdId,
    event: h.event,
    from_place_id: h.fromPlaceId ?? null,
    to_place_id: h.toPlaceId ?? null,
    from_household_id: h.fromHouseholdId ?? null,
    to_household_id: h.toHouseholdId ?? null,
    on_date: h.onDate === undefined ? localDate(now) : h.onDate,
    note: h.note ?? null,
    actor_user_id: ctx?.actor.userId ?? null,
    at: iso(now),
  };
}
