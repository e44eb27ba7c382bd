import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Db, VisitItemsTable, VisitsTable } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/** Row access for visit records and their items (Kysely only). */

export type VisitListRow = VisitsTable & {
  visitor_name: string;
  plan_title: string | null;
  householder_name: string | null;
  organisation_name: string | null;
  item_count: number;
  converted_count: number;
};

function selectVisits(db: Db) {
  return db
    .selectFrom('visits as v')
    .innerJoin('users as u', 'u.id', 'v.visitor_user_id')
    .leftJoin('visit_plans as p', 'p.id', 'v.plan_id')
    .leftJoin('households as h', 'h.id', 'v.household_id')
    .leftJoin('residents as hr', 'hr.id', 'h.householder_id')
    .leftJoin('organisations as o', 'o.id', 'v.organisation_id')
    .selectAll('v')
    .select(['u.display_name as visitor_name', 'p.title as plan_title', 'hr.name as householder_name', 'o.name as organisation_name'])
    .select((eb) => [
      eb.selectFrom('visit_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.visit_id', '=', 'v.id').as('item_count'),
      eb.selectFrom('visit_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.visit_id', '=', 'v.id').where('i.request_id', 'is not', null).as('converted_count'),
    ]);
}

type Raw = Omit<VisitListRow, 'item_count' | 'converted_count'> & { item_count: unknown; converted_count: unknown };
const normalise = (r: Raw): VisitListRow => ({ ...r, item_count: Number(r.item_count ?? 0), converted_count: Number(r.converted_count ?? 0) });

export async function findVisit(db: Db, id: string): Promise<VisitListRow | undefined> {
  const r = await selectVisits(db).where('v.id', '=', id).executeTakeFirst();
  return r && normalise(r);
}

export interface VisitFilter {
  prefixes: string[];
  planId?: string;
  householdId?: string;
  organisationId?: string;
  visitorId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

function filterOf(f: VisitFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [pathInRange('v.place_path', f.prefixes)];
  const equal: [string, string | undefined][] = [
    ['v.plan_id', f.planId],
    ['v.household_id', f.householdId],
    ['v.organisation_id', f.organisationId],
    ['v.visitor_user_id', f.visitorId],
  ];
  for (const [col, v] of equal) if (v !== undefined) parts.push(sql<SqlBool>`${sql.ref(col)} = ${v}`);
  if (f.from) parts.push(sql<SqlBool>`${sql.ref('v.visited_at')} >= ${f.from}`);
  if (f.to) parts.push(sql<SqlBool>`${sql.ref('v.visited_at')} < ${f.to}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** A page of visits, latest first, with the total. */
export async function listVisits(db: Db, f: VisitFilter): Promise<{ rows: VisitListRow[]; total: number }> {
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  const [rows, total] = await Promise.all([
    selectVisits(db).where(filterOf(f)).orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    db.selectFrom('visits as v').select((eb) => eb.fn.countAll<number>().as('n')).where(filterOf(f)).executeTakeFirst(),
  ]);
  return { rows: rows.map(normalise), total: Number(total?.n ?? 0) };
}

export async function insertVisit(db: Db, row: Insertable<VisitsTable>): Promise<void> {
  await db.insertInto('visits').values(row).execute();
}

export async function updateVisit(db: Db, id: string, patch: Updateable<VisitsTable>): Promise<void> {
  await db.updateTable('visits').set(patch).where('id', '=', id).execute();
}

export async function insertItems(db: Db, rows: Insertable<VisitItemsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('visit_items').values(rows).execute();
}

/** A visit's items in the order they were written (ids sort by time). */
export function itemsOf(db: Db, visitId: string) {
  return db.selectFrom('visit_items as i').leftJoin('requests as r', 'r.id', 'i.request_id').select(['i.id', 'i.visit_id', 'i.text', 'i.request_id', 'i.created_at', 'r.number as request_number']).where('i.visit_id', '=', visitId).orderBy('i.id').execute();
}

export function findItem(db: Db, visitId: string, itemId: string) {
  return db.selectFrom('visit_items').selectAll().where('id', '=', itemId).where('visit_id', '=', visitId).executeTakeFirst();
}

/** Change an item's text unless it became a request meanwhile; false when it did. */
export async function updateItemText(db: Db, id: string, text: string): Promise<boolean> {
  const r = await db.updateTable('visit_items').set({ text }).where('id', '=', id).where('request_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Remove items that have not become requests; returns how many went. */
export async function deleteOpenItems(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db.deleteFrom('visit_items').where('id', 'in', ids).where('request_id', 'is', null).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Link an item to its request, once: false when another conversion won. */
export async function linkItemRequest(db: Db, id: string, requestId: string): Promise<boolean> {
  const r = await db.updateTable('visit_items').set({ request_id: requestId }).where('id', '=', id).where('request_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
