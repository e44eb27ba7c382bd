import type { ConsentBasis, IdNumberFacts, Relation, ResidencyStatus, ResidentTag } from '@gongzhi/shared';
import type { ResidentRow } from '../../../db/database.js';
import { newId } from '../../../lib/ids.js';
import type { IdNumberCell, PhoneCell } from './cells.js';
import type { ChainPlace } from './place-chain.js';
import type { Target } from './residents-households.js';
import { emptyWrites, historyRow, householdRow, residentRow } from './register-rows.js';
import type { Outcome, PlanContext, RowError, Writes } from './types.js';

/** A residents row as read (see residentColumns). */
export interface ResidentValues {
  name: string;
  idNumber: IdNumberCell | null;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: PhoneCell | null;
  ethnicity: string | null;
  residencyStatus: ResidencyStatus | null;
  registeredAddress: string | null;
  relation: Relation | null;
  householderIdNumber: IdNumberCell | null;
  movedInOn: string | null;
  tags: ResidentTag[] | null;
  basis: ConsentBasis | null;
  basisDetail: string | null;
  note: string | null;
}

export interface TagChange {
  adds: { tag: ResidentTag; consentPurpose: string | null }[];
  removes: string[];
  /** Active consents the resident already has, purpose → id. */
  existingConsents: Map<string, string>;
  /** Purposes needing a new consent from this row's basis columns. */
  newConsents: string[];
}

interface Input {
  row: number;
  v: ResidentValues;
  facts: IdNumberFacts;
  idIndex: string;
  existing: ResidentRow | undefined;
  target: Target;
  tags: TagChange;
  dwelling: ChainPlace | null;
}

/** Plain fields a row may set; a blank cell keeps the registered value. */
const plainFields = [
  ['ethnicity', 'ethnicity'],
  ['residencyStatus', 'residency_status'],
  ['registeredAddress', 'registered_address'],
  ['movedInOn', 'moved_in_on'],
  ['note', 'note'],
] as const;

/** The writes of one residents row: a new resident, or the changes to a registered one (nothing when unchanged). */
export function residentWrites(pc: PlanContext, inp: Input, errors: RowError[]): { outcome: Exclude<Outcome, 'error'>; writes: Writes | null } | null {
  const { v, facts, existing, target, tags, row } = inp;
  const { vault } = pc.deps;
  const actor = pc.ctx?.actor.userId ?? null;
  const now = pc.now;
  if (v.phone?.masked && (!existing || existing.phone_tail !== v.phone.text.slice(-4))) {
    errors.push({ row, column: 'phone', code: 'phone_masked' });
    return null;
  }
  const residentId = existing?.id ?? newId();
  const hh = target.hh;
  const w = emptyWrites({ action: '', targetType: 'resident', targetId: residentId, communityId: pc.community.id, scopePath: hh?.path ?? existing?.place_path ?? pc.community.path });
  const history = (f: { household_id: string | null; event: string; to_place_id?: string | null; to_household_id?: string | null; note?: string | null; resident_id?: string | null }) =>
    w.inserts.residence_history.push(historyRow(pc, { ...f, resident_id: f.resident_id === undefined ? residentId : f.resident_id, on_date: v.movedInOn }));

  if (target.found === 'insert' && hh) {
    w.inserts.households.push(householdRow(pc, { id: hh.id, dwellingId: hh.dwellingId, path: hh.path, householderId: residentId, movedInOn: v.movedInOn, note: null }));
    history({ resident_id: null, household_id: hh.id, event: 'registered', to_place_id: hh.dwellingId, to_household_id: hh.id });
  }
  if (target.found === 'adopt' && hh) w.updates.push({ table: 'households', id: hh.id, patch: { householder_id: residentId, updated_at: now } });

  const consentIds = new Map(tags.existingConsents);
  for (const purpose of tags.newConsents) {
    const id = newId();
    consentIds.set(purpose, id);
    w.inserts.consents.push({ id, resident_id: residentId, purpose, basis: v.basis, detail: v.basisDetail, recorded_by: actor, recorded_at: now, withdrawn_at: null, withdrawn_by: null });
  }
  for (const a of tags.adds) {
    w.inserts.resident_tags.push({ resident_id: residentId, tag: a.tag, consent_id: a.consentPurpose ? (consentIds.get(a.consentPurpose) ?? null) : null, created_by: actor, created_at: now });
  }
  w.tagDeletes = tags.removes.map((tag) => ({ residentId, tag }));
  const phone = v.phone && !v.phone.masked ? v.phone.value : null;

  if (!existing) {
    w.inserts.residents.push(
      residentRow(pc, {
        id: residentId,
        householdId: hh?.id ?? null,
        relation: hh ? target.relation : null,
        path: hh?.path ?? pc.community.path,
        name: v.name,
        gender: facts.gender,
        birthDate: facts.birthDate,
        idNumber: facts.normalised,
        idIndex: inp.idIndex,
        phone,
        ethnicity: v.ethnicity,
        residencyStatus: v.residencyStatus!,
        registeredAddress: v.registeredAddress,
        movedInOn: v.movedInOn,
        note: v.note,
      }),
    );
    history({ household_id: hh?.id ?? null, event: 'registered', to_place_id: hh?.dwellingId ?? null, to_household_id: hh?.id ?? null });
    w.audit.action = 'resident.import.create';
    w.audit.after = {
      name: v.name,
      idNumber: facts.normalised,
      phone,
      gender: facts.gender,
      birthDate: facts.birthDate,
      residencyStatus: v.residencyStatus,
      householdId: hh?.id ?? null,
      relation: hh ? target.relation : null,
      tags: tags.adds.map((a) => a.tag),
      ...(target.found === 'insert' ? { householdCreated: true } : {}),
    };
    return { outcome: 'created', writes: w };
  }

  const patch: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const set = (column: keyof ResidentRow, key: string, value: unknown) => {
    if (value === null || value === undefined || existing[column] === value) return;
    patch[column] = value;
    before[key] = existing[column];
    after[key] = value;
  };
  set('name', 'name', v.name);
  set('gender', 'gender', facts.gender);
  set('birth_date', 'birthDate', facts.birthDate);
  for (const [key, column] of plainFields) set(column, key, v[key]);
  if (phone) {
    const index = vault.blindIndex('phone', phone);
    if (index !== existing.phone_index) {
      Object.assign(patch, vault.sealPhone(phone));
      before.phoneTail = existing.phone_tail;
      after.phone = phone;
    }
  }
  if (hh && hh.id !== existing.household_id) {
    set('household_id', 'householdId', hh.id);
    set('relation', 'relation', target.relation);
    set('place_path', 'placePath', hh.path);
    history({ household_id: hh.id, event: 'moved_in', to_place_id: hh.dwellingId, to_household_id: hh.id });
  } else if (hh && target.relation !== existing.relation) {
    history({ household_id: hh.id, event: 'relation_changed', note: `${existing.relation ?? ''}→${target.relation}` });
    set('relation', 'relation', target.relation);
  }
  const tagsChanged = tags.adds.length > 0 || tags.removes.length > 0 || tags.newConsents.length > 0;
  if (Object.keys(patch).length === 0 && !tagsChanged && w.updates.length === 0) return { outcome: 'unchanged', writes: null };
  patch.updated_at = now;
  w.updates.unshift({ table: 'residents', id: residentId, patch });
  if (tagsChanged) Object.assign(after, { tagsAdded: tags.adds.map((a) => a.tag), tagsRemoved: tags.removes, consents: tags.newConsents });
  w.audit.action = 'resident.import.update';
  w.audit.before = before;
  w.audit.after = after;
  return { outcome: 'updated', writes: w };
}
