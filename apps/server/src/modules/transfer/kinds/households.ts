import { MINOR_AGE } from '@gongzhi/shared';
import type { HouseholdRow, ResidentRow } from '../../../db/database.js';
import { maskIdNumber } from '../../../lib/personal-data.js';
import { newId } from '../../../lib/ids.js';
import { householdsPage, type HouseholdCursor } from '../export.repository.js';
import { activeHouseholdsAt, householdsByIds, residentsByIdIndexes } from '../lookups.repository.js';
import { ageOn, type IdNumberCell } from './cells.js';
import { shown } from './export-values.js';
import { chainColumns, chainLevels, chainNames, PlaceIndex, resolveDwelling } from './place-chain.js';
import { PlaceNames } from './place-names.js';
import { emptyWrites, historyRow, householdRow, residentRow, type FullWrites } from './register-rows.js';
import type { ExportContext, ExportRow, KindDefinition, ParsedRow, PlanContext, RowError, RowPlan } from './types.js';

const PAGE = 500;

interface Values {
  householderName: string | null;
  householderIdNumber: IdNumberCell | null;
  movedInOn: string | null;
  note: string | null;
}

/** Moved-in date and note: a blank cell keeps the registered value. */
function householdPatch(h: HouseholdRow, v: Values): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (v.movedInOn !== null && v.movedInOn !== h.moved_in_on) patch.moved_in_on = v.movedInOn;
  if (v.note !== null && v.note !== h.note) patch.note = v.note;
  return patch;
}

/**
 * Households, keyed by dwelling and householder ID number. A householder not yet registered is registered with
 * the household (as a permanent resident); one registered without a household heads the new one. A row without
 * a householder stands for the dwelling's one household that has none.
 */
export const householdsKind: KindDefinition = {
  kind: 'households',
  sheet: { zh: '户', en: 'Households' },
  columns: [
    ...chainColumns(true, { zh: '该户所住房屋，须已在系统中。', en: 'The dwelling; it must exist.' }),
    { key: 'householderName', zh: '户主姓名', en: 'Householder', type: 'name', width: 12, help: { zh: '须与居民台账中登记的姓名一致；新户主按此登记', en: 'Must match the register' }, example: '张秀英' },
    {
      key: 'householderIdNumber',
      zh: '户主身份证号',
      en: 'Householder ID number',
      type: 'id_number',
      width: 22,
      help: { zh: '户主的 18 位身份证号；再次导入时按“房屋 + 户主身份证号”找到该户', en: "The householder's ID number; with the dwelling, identifies the household" },
      example: '11010519491231002X',
    },
    { key: 'movedInOn', zh: '迁入日期', en: 'Moved in on', type: 'past_date', width: 12, help: { zh: '该户迁入该房屋的日期', en: 'When the household moved in' }, example: '2005-06-01' },
    { key: 'note', zh: '备注', en: 'Note', type: 'text', max: 500, width: 20, help: { zh: '其他说明', en: 'Anything else' } },
  ],
  notes: [
    '按“房屋 + 户主身份证号”识别户：已有的户更新迁入日期和备注，没有的新建。',
    '户主尚未登记为居民时，按户主姓名和身份证号登记为常住居民；家庭成员请用居民表导入。',
    '户主身份证号留空表示该房屋“暂无户主”的户。',
  ],
  keyColumns: ['dwelling'],
  naturalKey: (v) => {
    const id = v.householderIdNumber as IdNumberCell | null;
    return `${chainNames(v).names.join('/')}#${id && !id.masked ? id.facts.normalised : ''}`;
  },

  async plan(pc: PlanContext, rows: ParsedRow[]): Promise<RowPlan[]> {
    const db = pc.deps.db;
    const places = await PlaceIndex.load(db, pc.community);
    const items = rows.map((r) => {
      const errors = [...r.errors];
      const cell = r.values.householderIdNumber as IdNumberCell | null;
      if (cell?.masked) errors.push({ row: r.row, column: 'householderIdNumber', code: 'id_number_masked' });
      const chainOk = !errors.some((e) => chainLevels.some((l) => l.key === e.column));
      const dwelling = chainOk ? resolveDwelling(places, r.row, r.values, errors) : null;
      const idx = cell && !cell.masked ? pc.deps.vault.blindIndex('id_number', cell.facts.normalised) : null;
      return { r, v: r.values as unknown as Values, cell, errors, dwelling: dwelling === 'error' ? null : dwelling, idx };
    });
    const existing = await residentsByIdIndexes(db, pc.community.id, items.map((i) => i.idx).filter((x): x is string => !!x));
    const byIndex = new Map(existing.map((r) => [r.id_number_index!, r]));
    const atDwellings = await activeHouseholdsAt(db, pc.community.id, items.map((i) => i.dwelling?.id).filter((x): x is string => !!x));
    const households = new Map([...atDwellings, ...(await householdsByIds(db, existing.map((r) => r.household_id).filter((x): x is string => !!x)))].map((h) => [h.id, h]));
    const taken = new Set<string>();
    const headed = new Map<string, number>();

    return items.map(({ r, v, cell, errors, dwelling, idx }): RowPlan => {
      const row = r.row;
      const fail = (column: string, code: RowError['code'], params?: Record<string, string | number>): RowPlan => {
        errors.push({ row, column, code, ...(params ? { params } : {}) });
        return { row, order: 0, outcome: 'error', errors, writes: null };
      };
      if (errors.length || !dwelling) return { row, order: 0, outcome: 'error', errors, writes: null };
      const empties = atDwellings.filter((h) => h.dwelling_id === dwelling.id && h.householder_id === null && !taken.has(h.id));
      const audit = (h: { id: string }, action: string, after: unknown, before?: unknown) => ({ action, targetType: 'household', targetId: h.id, communityId: pc.community.id, scopePath: dwelling.path, after, before });
      const update = (h: HouseholdRow, extra: (w: FullWrites) => void = () => undefined): RowPlan => {
        const patch = householdPatch(h, v);
        const w = emptyWrites(audit(h, 'household.import.update', patch, { moved_in_on: h.moved_in_on, note: h.note }));
        extra(w);
        if (Object.keys(patch).length === 0 && w.updates.length === 0) return { row, order: 0, outcome: 'unchanged', errors: [], writes: null };
        w.updates.unshift({ table: 'households', id: h.id, patch: { ...patch, updated_at: pc.now } });
        return { row, order: 0, outcome: 'updated', errors: [], writes: w };
      };
      const create = (householderId: string | null, extra: (w: FullWrites, id: string) => void = () => undefined): RowPlan => {
        const id = newId();
        const w = emptyWrites(audit({ id }, 'household.import.create', { dwellingId: dwelling.id, householderId, movedInOn: v.movedInOn }));
        w.inserts.households.push(householdRow(pc, { id, dwellingId: dwelling.id, path: dwelling.path, householderId, movedInOn: v.movedInOn, note: v.note }));
        w.inserts.residence_history.push(historyRow(pc, { resident_id: null, household_id: id, event: 'registered', to_place_id: dwelling.id, to_household_id: id, on_date: v.movedInOn }));
        extra(w, id);
        return { row, order: 0, outcome: 'created', errors: [], writes: w };
      };

      if (!idx) {
        if (v.householderName) return fail('householderIdNumber', 'householder_id_required');
        if (empties.length > 1) return fail('householderIdNumber', 'household_ambiguous');
        if (empties.length === 1) {
          taken.add(empties[0]!.id);
          return update(empties[0]!);
        }
        return create(null);
      }
      if (headed.has(idx)) return fail('householderIdNumber', 'duplicate_in_file', { rows: headed.get(idx)! });
      headed.set(idx, row);
      const person: ResidentRow | undefined = byIndex.get(idx);
      if (!person) {
        const facts = (cell as Extract<IdNumberCell, { masked: false }>).facts;
        if (!v.householderName) return fail('householderName', 'householder_name_required');
        if (ageOn(facts.birthDate, pc.today) < MINOR_AGE) return fail('householderIdNumber', 'minor_householder');
        const residentId = newId();
        return create(residentId, (w, id) => {
          w.inserts.residents.push(
            residentRow(pc, {
              id: residentId,
              householdId: id,
              relation: 'householder',
              path: dwelling.path,
              name: v.householderName!,
              gender: facts.gender,
              birthDate: facts.birthDate,
              idNumber: facts.normalised,
              idIndex: idx,
              phone: null,
              ethnicity: null,
              residencyStatus: 'permanent',
              registeredAddress: null,
              movedInOn: v.movedInOn,
              note: null,
            }),
          );
          w.inserts.residence_history.push(historyRow(pc, { resident_id: residentId, household_id: id, event: 'registered', to_place_id: dwelling.id, to_household_id: id, on_date: v.movedInOn }));
          w.audit.after = { ...(w.audit.after as object), householder: { name: v.householderName, idNumber: facts.normalised, registered: true } };
        });
      }
      if (person.status !== 'living') return fail('householderIdNumber', 'resident_not_living');
      if (v.householderName && v.householderName !== person.name) return fail('householderName', 'householder_name_mismatch', { value: person.name });
      const cur = person.household_id ? households.get(person.household_id) : undefined;
      const active = cur && cur.status === 'active' ? cur : undefined;
      const join = (w: FullWrites, householdId: string, event: string) => {
        w.updates.push({ table: 'residents', id: person.id, patch: { household_id: householdId, relation: 'householder', place_path: dwelling.path, updated_at: pc.now } });
        w.inserts.residence_history.push(historyRow(pc, { resident_id: person.id, household_id: householdId, event, to_place_id: dwelling.id, to_household_id: householdId, on_date: v.movedInOn }));
      };
      if (active && active.householder_id === person.id) {
        return active.dwelling_id === dwelling.id ? update(active) : fail('dwelling', 'household_change_not_supported');
      }
      if (active) {
        if (active.dwelling_id !== dwelling.id || active.householder_id !== null || taken.has(active.id)) return fail('householderIdNumber', 'householder_change_not_supported');
        taken.add(active.id);
        return update(active, (w) => {
          w.updates.push({ table: 'households', id: active.id, patch: { householder_id: person.id, updated_at: pc.now } });
          join(w, active.id, 'relation_changed');
        });
      }
      if (empties.length === 1) {
        taken.add(empties[0]!.id);
        return update(empties[0]!, (w) => {
          w.updates.push({ table: 'households', id: empties[0]!.id, patch: { householder_id: person.id, updated_at: pc.now } });
          join(w, empties[0]!.id, 'moved_in');
        });
      }
      return create(person.id, (w, id) => join(w, id, 'moved_in'));
    });
  },

  async *exportPages(ec: ExportContext): AsyncGenerator<ExportRow[]> {
    const names = new PlaceNames(ec.deps.db);
    let after: HouseholdCursor | null = null;
    for (;;) {
      const page = await householdsPage(ec.deps.db, ec.place.path, after, PAGE);
      if (page.length === 0) return;
      after = { path: page[page.length - 1]!.place_path, id: page[page.length - 1]!.id };
      await names.load(page.map((h) => h.place_path));
      yield page.map((h) => {
        const chain = names.chain(h.place_path);
        return {
          ...Object.fromEntries(chainLevels.map((l) => [l.key, chain[l.key] ?? null])),
          householderName: h.householder_name,
          householderIdNumber: shown(ec.deps.vault, h.householder_id_cipher, ec.reveal, maskIdNumber),
          movedInOn: h.moved_in_on,
          note: h.note,
        };
      });
    }
  },
};
