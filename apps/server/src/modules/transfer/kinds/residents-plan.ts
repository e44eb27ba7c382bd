import { isSensitiveTag, MINOR_AGE, residentTagInfo, type ResidentTag } from '@gongzhi/shared';
import type { HouseholdRow, ResidentRow } from '../../../db/database.js';
import { activeConsentsOf, activeHouseholdsAt, householdsByIds, residentsByIdIndexes, tagsOf } from '../lookups.repository.js';
import { ageOn, type IdNumberCell } from './cells.js';
import { chainLevels, PlaceIndex, resolveDwelling, type ChainPlace } from './place-chain.js';
import { resolveHousehold, type HouseholdBook } from './residents-households.js';
import { residentWrites, type ResidentValues, type TagChange } from './residents-writes.js';
import type { ParsedRow, PlanContext, RowError, RowPlan } from './types.js';

/** What the database holds about the residents a file names, read in bulk once. */
export interface Loaded {
  byIndex: Map<string, ResidentRow>;
  households: Map<string, HouseholdRow>;
  tags: Map<string, { tag: string; consent_id: string | null }[]>;
  /** Active consents by resident, purpose → consent id. */
  consents: Map<string, Map<string, string>>;
}

interface Item {
  r: ParsedRow;
  v: ResidentValues;
  errors: RowError[];
  dwelling: ChainPlace | null;
  idx: string | null;
  hIdx: string | null;
}

const group = <T, K>(items: T[], key: (t: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
};

async function load(pc: PlanContext, items: Item[]): Promise<{ loaded: Loaded; book: HouseholdBook }> {
  const db = pc.deps.db;
  const indexes = items.flatMap((i) => [i.idx, i.hIdx]).filter((x): x is string => x !== null);
  const existing = await residentsByIdIndexes(db, pc.community.id, indexes);
  const dwellingIds = items.map((i) => i.dwelling?.id).filter((x): x is string => !!x);
  const atDwellings = await activeHouseholdsAt(db, pc.community.id, dwellingIds);
  const ofResidents = await householdsByIds(db, existing.map((r) => r.household_id).filter((x): x is string => !!x));
  const ids = existing.map((r) => r.id);
  const [tags, consents] = [await tagsOf(db, ids), await activeConsentsOf(db, ids)];
  const consentMap = new Map<string, Map<string, string>>();
  for (const c of consents) {
    if (!consentMap.has(c.resident_id)) consentMap.set(c.resident_id, new Map());
    consentMap.get(c.resident_id)!.set(c.purpose, c.id);
  }
  const loaded: Loaded = {
    byIndex: new Map(existing.map((r) => [r.id_number_index!, r])),
    households: new Map([...atDwellings, ...ofResidents].map((h) => [h.id, h])),
    tags: group(tags, (t) => t.resident_id),
    consents: consentMap,
  };
  const book: HouseholdBook = {
    atDwelling: group(atDwellings, (h) => h.dwelling_id),
    fromFile: new Map(),
    newAtDwelling: new Map(),
    adopted: new Set(),
  };
  return { loaded, book };
}

/** Tags to add and remove, and the consents the new sensitive ones (and a child's record) need. */
function tagChange(item: Item, existing: ResidentRow | undefined, loaded: Loaded, today: string, birthDate: string): TagChange | null {
  const { v, r, errors } = item;
  const have = existing ? (loaded.tags.get(existing.id) ?? []) : [];
  const consents = existing ? (loaded.consents.get(existing.id) ?? new Map<string, string>()) : new Map<string, string>();
  const want = v.tags ?? (have.map((t) => t.tag) as ResidentTag[]);
  const adds = want.filter((t) => !have.some((h) => h.tag === t));
  const removes = have.map((h) => h.tag).filter((t) => !want.includes(t as ResidentTag));
  const minor = ageOn(birthDate, today) < MINOR_AGE;
  const needed: string[] = [];
  const what: string[] = [];
  for (const t of adds.filter(isSensitiveTag)) {
    if (!consents.has(`tag:${t}`)) {
      needed.push(`tag:${t}`);
      what.push(`“${residentTagInfo[t].zh}”`);
    }
  }
  if (minor && !consents.has('minor')) {
    needed.push('minor');
    what.push(`不满 ${MINOR_AGE} 周岁的儿童`);
  }
  if (needed.length) {
    if (!v.basis) errors.push({ row: r.row, column: 'basis', code: 'basis_required', params: { what: what.join('、') } });
    else if (!v.basisDetail || [...v.basisDetail].length < 2) errors.push({ row: r.row, column: 'basisDetail', code: 'basis_detail_required' });
    if (minor && v.basis === 'consent') errors.push({ row: r.row, column: 'basis', code: 'basis_invalid_for_minor' });
  }
  if (errors.length) return null;
  return {
    adds: adds.map((tag) => ({ tag, consentPurpose: isSensitiveTag(tag) ? `tag:${tag}` : null })),
    removes,
    existingConsents: consents,
    newConsents: needed,
  };
}

function planRow(pc: PlanContext, item: Item, loaded: Loaded, book: HouseholdBook): RowPlan {
  const { r, v, errors } = item;
  const row = r.row;
  if (v.idNumber?.masked) errors.push({ row, column: 'idNumber', code: 'id_number_masked' });
  const facts = v.idNumber && !v.idNumber.masked ? v.idNumber.facts : null;
  if (facts && v.gender && v.gender !== facts.gender) errors.push({ row, column: 'gender', code: 'gender_mismatch' });
  if (facts && v.birthDate && v.birthDate !== facts.birthDate) errors.push({ row, column: 'birthDate', code: 'birth_date_mismatch' });
  const existing = item.idx ? loaded.byIndex.get(item.idx) : undefined;
  if (existing && existing.status !== 'living') errors.push({ row, column: 'idNumber', code: 'resident_not_living' });

  const target = errors.length || !facts ? null : resolveHousehold({ row, v, errors, dwelling: item.dwelling, idx: item.idx!, hIdx: item.hIdx, existing }, loaded, book);
  const tags = target ? tagChange(item, existing, loaded, pc.today, facts!.birthDate) : null;
  const order = v.relation === 'householder' ? 0 : 1;
  const result = target && tags && facts && !errors.length ? residentWrites(pc, { row, v, facts, idIndex: item.idx!, existing, target, tags, dwelling: item.dwelling }, errors) : null;
  const ok = result !== null && errors.length === 0;
  // Later rows see what this one founds only once it is sure to be imported.
  if (ok && target!.found === 'insert') book.newAtDwelling.set(target!.hh!.dwellingId, [...(book.newAtDwelling.get(target!.hh!.dwellingId) ?? []), target!.hh!]);
  if (ok && target!.found === 'adopt') book.adopted.add(target!.hh!.id);
  if (v.relation === 'householder' && item.idx) book.fromFile.set(item.idx, { hh: ok ? target!.hh : null, row });
  if (!ok) return { row, order, outcome: 'error', errors, writes: null };
  return { row, order, outcome: result.outcome, errors: [], writes: result.writes };
}

/**
 * Residents: householder rows are planned first, so members anywhere in the file find the household their
 * householder founds; then every other row, in file order.
 */
export async function planResidents(pc: PlanContext, rows: ParsedRow[]): Promise<RowPlan[]> {
  const places = await PlaceIndex.load(pc.deps.db, pc.community);
  const index = (cell: unknown) => {
    const c = cell as IdNumberCell | null;
    return c && !c.masked ? pc.deps.vault.blindIndex('id_number', c.facts.normalised) : null;
  };
  const items: Item[] = rows.map((r) => {
    const errors = [...r.errors];
    // An address cell that could not be read is already reported; resolving the rest would only add noise.
    const chainRead = !errors.some((e) => chainLevels.some((l) => l.key === e.column));
    const dwelling = chainRead ? resolveDwelling(places, r.row, r.values, errors) : null;
    return {
      r,
      v: r.values as unknown as ResidentValues,
      errors,
      dwelling: dwelling === 'error' ? null : dwelling,
      idx: index(r.values.idNumber),
      hIdx: index(r.values.householderIdNumber),
    };
  });
  const { loaded, book } = await load(pc, items);
  const householders = items.filter((i) => i.v.relation === 'householder');
  const others = items.filter((i) => i.v.relation !== 'householder');
  return [...householders, ...others].map((i) => planRow(pc, i, loaded, book)).sort((a, b) => a.row - b.row);
}
