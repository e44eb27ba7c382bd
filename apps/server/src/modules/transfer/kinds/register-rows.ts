import { newId } from '../../../lib/ids.js';
import type { AuditInput } from '../../audit/audit.service.js';
import type { PlanContext, Writes } from './types.js';

/** A row's writes with every insert list present, for kinds that fill several tables. */
export type FullWrites = Writes & { inserts: Required<Writes['inserts']> };

export function emptyWrites(audit: AuditInput): FullWrites {
  return {
    inserts: { places: [], place_history: [], organisations: [], households: [], residents: [], consents: [], resident_tags: [], residence_history: [], party_members: [] },
    updates: [],
    tagDeletes: [],
    audit,
  };
}

/** A residence-history row (every column present, so rows of a batch insert together). */
export function historyRow(
  pc: PlanContext,
  f: { resident_id: string | null; household_id: string | null; event: string; to_place_id?: string | null; to_household_id?: string | null; on_date?: string | null; note?: string | null },
): Record<string, unknown> {
  return {
    id: newId(),
    resident_id: f.resident_id,
    household_id: f.household_id,
    event: f.event,
    from_place_id: null,
    to_place_id: f.to_place_id ?? null,
    from_household_id: null,
    to_household_id: f.to_household_id ?? null,
    on_date: f.on_date ?? null,
    note: f.note ?? null,
    actor_user_id: pc.ctx?.actor.userId ?? null,
    at: pc.now,
  };
}

/** A new active household. */
export function householdRow(pc: PlanContext, h: { id: string; dwellingId: string; path: string; householderId: string | null; movedInOn: string | null; note: string | null }) {
  return {
    id: h.id,
    community_id: pc.community.id,
    dwelling_id: h.dwellingId,
    place_path: h.path,
    householder_id: h.householderId,
    status: 'active',
    moved_in_on: h.movedInOn,
    moved_out_on: null,
    note: h.note,
    created_at: pc.now,
    updated_at: pc.now,
  };
}

/** A new living resident; ID number and phone sealed and indexed here, nowhere else. */
export function residentRow(
  pc: PlanContext,
  r: {
    id: string;
    householdId: string | null;
    relation: string | null;
    path: string;
    name: string;
    gender: string;
    birthDate: string;
    idNumber: string;
    idIndex: string;
    phone: string | null;
    ethnicity: string | null;
    residencyStatus: string;
    registeredAddress: string | null;
    movedInOn: string | null;
    note: string | null;
  },
) {
  const { vault } = pc.deps;
  return {
    id: r.id,
    community_id: pc.community.id,
    household_id: r.householdId,
    relation: r.relation,
    place_path: r.path,
    name: r.name,
    gender: r.gender,
    birth_date: r.birthDate,
    id_number_cipher: vault.encrypt(r.idNumber),
    id_number_index: r.idIndex,
    ...vault.sealPhone(r.phone),
    ethnicity: r.ethnicity,
    residency_status: r.residencyStatus,
    registered_address: r.registeredAddress,
    status: 'living',
    moved_in_on: r.movedInOn,
    moved_out_on: null,
    deceased_on: null,
    user_id: null,
    note: r.note,
    created_at: pc.now,
    updated_at: pc.now,
  };
}
