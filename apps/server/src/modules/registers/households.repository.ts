import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db, HouseholdRow, HouseholdsTable } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for households (Kysely only). */

export type HouseholdListRow = HouseholdRow & { householder_name: string | null; member_count: number };

export function findHousehold(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHousehold(db: Db, row: Insertable<HouseholdsTable>): Promise<void> {
  await db.insertInto('households').values(row).execute();
}

export async function updateHousehold(db: Db, id: string, patch: Updateable<HouseholdsTable>): Promise<void> {
  await db.updateTable('households').set(patch).where('id', '=', id).execute();
}

/** Set the householder unless another resident holds the place; false when one does. */
export async function claimHouseholderRow(db: Db, id: string, residentId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('households')
    .set({ householder_id: residentId, updated_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('householder_id', 'is', null), eb('householder_id', '=', residentId)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Households with the householder's name and the number of living members, by id or by filter. */
function withCounts(db: Db) {
  return db
    .selectFrom('households as h')
    .leftJoin('residents as hr', 'hr.id', 'h.householder_id')
    .selectAll('h')
    .select('hr.name as householder_name')
    .select((eb) =>
      eb
        .selectFrom('residents as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.household_id', '=', 'h.id')
        .where('m.status', '=', 'living')
        .as('member_count'),
    );
}

const normalise = (r: HouseholdRow & { householder_name: string | null; member_count: number | string | null }): HouseholdListRow => ({
  ...r,
  member_count: Number(r.member_count ?? 0),
});

export async function householdsByIds(db: Db, ids: string[]): Promise<HouseholdListRow[]> {
  if (ids.length === 0) return [];
  return (await withCounts(db).where('h.id', 'in', ids).execute()).map(normalise);
}

export interface HouseholdFilter {
  prefixes: string[];
  q?: string;
  status: string;
  limit: number;
  offset: number;
}

/** A page of households in place order (the register's natural order: grid, estate, building, door). */
export async function listHouseholds(db: Db, f: HouseholdFilter): Promise<{ rows: HouseholdListRow[]; total: number }> {
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('households as h').leftJoin('residents as hr', 'hr.id', 'h.householder_id').where(pathInRange('h.place_path', f.prefixes)).where('h.status', '=', f.status);
  if (f.q) base = base.where(sql<boolean>`hr.name like ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'} escape '\\'`);
  const [ids, count] = await Promise.all([
    base.select('h.id').orderBy('h.place_path').orderBy('h.id').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  const rows = await householdsByIds(db, ids.map((r) => r.id));
  const order = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Living members' ids (they follow the household when it moves or leaves). */
export async function livingMemberIds(db: Db, householdId: string): Promise<string[]> {
  const rows = await db.selectFrom('residents').select('id').where('household_id', '=', householdId).where('status', '=', 'living').orderBy('id').execute();
  return rows.map((r) => r.id);
}
