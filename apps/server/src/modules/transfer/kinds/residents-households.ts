import type { Relation } from '@gongzhi/shared';
import type { HouseholdRow, ResidentRow } from '../../../db/database.js';
import { newId } from '../../../lib/ids.js';
import type { ChainPlace } from './place-chain.js';
import type { Loaded } from './residents-plan.js';
import type { ResidentValues } from './residents-writes.js';
import type { RowErrorCode } from '../row-messages.js';
import type { RowError } from './types.js';

/** A household as a row needs it: where it lives and who heads it. */
export interface Hh {
  id: string;
  dwellingId: string;
  path: string;
  householderId: string | null;
}

/** Households known while planning one file: in the database, and those the file's householder rows found. */
export interface HouseholdBook {
  /** Active households at the dwellings the file names. */
  atDwelling: Map<string, HouseholdRow[]>;
  /** Each householder row's household by ID-number index (null when that row has errors). */
  fromFile: Map<string, { hh: Hh | null; row: number }>;
  /** Households this file founds, by dwelling. */
  newAtDwelling: Map<string, Hh[]>;
  /** Existing householder-less households that a householder row of this file takes. */
  adopted: Set<string>;
}

/** Where a row's resident ends up: a household (or none) with a relation; `found` when this row creates or takes it. */
export interface Target {
  hh: Hh | null;
  relation: Relation | null;
  found: 'insert' | 'adopt' | null;
}

interface Input {
  row: number;
  v: ResidentValues;
  errors: RowError[];
  dwelling: ChainPlace | null;
  idx: string;
  hIdx: string | null;
  existing: ResidentRow | undefined;
}

const toHh = (h: HouseholdRow): Hh => ({ id: h.id, dwellingId: h.dwelling_id, path: h.place_path, householderId: h.householder_id });

/**
 * Decide a row's household. A householder row founds a household at its dwelling (or finds the one it already
 * heads, or takes the dwelling's only householder-less one); a member joins the household of the householder ID
 * number given, or the only household at the dwelling. Moving a registered resident to another household, and
 * changing a householder, are refused: both have their own audited flows in the registers.
 */
export function resolveHousehold(inp: Input, loaded: Loaded, book: HouseholdBook): Target | null {
  const { row, v, errors, dwelling, existing } = inp;
  const err = (column: string, code: RowErrorCode, params?: Record<string, string | number>) => {
    errors.push({ row, column, code, ...(params ? { params } : {}) });
    return null;
  };
  const curRow = existing?.household_id ? loaded.households.get(existing.household_id) : undefined;
  const cur = curRow && curRow.status === 'active' ? toHh(curRow) : null;
  const leadsCur = cur !== null && cur.householderId === existing!.id;
  if (cur && dwelling && dwelling.id !== cur.dwellingId) return err('dwelling', 'household_change_not_supported');

  if (v.relation === 'householder') {
    if (cur) {
      if (leadsCur) return { hh: cur, relation: 'householder', found: null };
      if (cur.householderId === null && !book.adopted.has(cur.id)) return { hh: cur, relation: 'householder', found: 'adopt' };
      return err('relation', 'householder_change_not_supported');
    }
    if (!dwelling) return err('grid', 'place_incomplete');
    const empty = (book.atDwelling.get(dwelling.id) ?? []).filter((h) => h.householder_id === null && !book.adopted.has(h.id));
    if (empty.length === 1) return { hh: toHh(empty[0]!), relation: 'householder', found: 'adopt' };
    return { hh: { id: newId(), dwellingId: dwelling.id, path: dwelling.path, householderId: null }, relation: 'householder', found: 'insert' };
  }

  let hh: Hh;
  if (inp.hIdx) {
    if (inp.hIdx === inp.idx) return err('householderIdNumber', 'householder_is_self');
    const f = book.fromFile.get(inp.hIdx);
    if (f) {
      if (!f.hh) return err('householderIdNumber', 'householder_row_invalid', { rows: f.row });
      hh = f.hh;
    } else {
      const h = loaded.byIndex.get(inp.hIdx);
      const hRow = h?.household_id ? loaded.households.get(h.household_id) : undefined;
      if (!h || h.status !== 'living' || !hRow || hRow.status !== 'active' || hRow.householder_id !== h.id) return err('householderIdNumber', 'householder_not_found');
      hh = toHh(hRow);
    }
    if (dwelling && hh.dwellingId !== dwelling.id) return err('householderIdNumber', 'householder_elsewhere');
  } else if (dwelling) {
    if (cur && cur.dwellingId === dwelling.id) hh = cur;
    else {
      const here = [...(book.atDwelling.get(dwelling.id) ?? []).map(toHh), ...(book.newAtDwelling.get(dwelling.id) ?? [])];
      if (here.length === 0) return err('dwelling', 'household_not_found');
      if (here.length > 1) return err('householderIdNumber', 'household_ambiguous');
      hh = here[0]!;
    }
  } else if (v.relation) {
    if (!cur) return err('relation', 'relation_without_household');
    hh = cur;
  } else {
    // Nothing said about a household: a registered resident stays where they are, a new one joins none.
    return { hh: cur, relation: cur ? (existing!.relation as Relation | null) : null, found: null };
  }
  if (cur && hh.id !== cur.id) return err(dwelling ? 'dwelling' : 'householderIdNumber', 'household_change_not_supported');
  const relation = v.relation ?? (cur ? (existing!.relation as Relation | null) : null);
  if (!relation) return err('relation', 'relation_required');
  if (leadsCur && relation !== 'householder') return err('relation', 'householder_change_not_supported');
  return { hh, relation, found: null };
}
