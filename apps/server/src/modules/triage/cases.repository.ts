import type { Selectable } from 'kysely';
import type { Db, ProactiveCasesTable } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

export type ProactiveCaseRow = Selectable<ProactiveCasesTable>;
export type CaseListRow = ProactiveCaseRow & { place_name: string | null; owner_name: string | null };

function selectCases(db: Db) {
  return db
    .selectFrom('proactive_cases as pc')
    .leftJoin('places as p', 'p.id', 'pc.place_id')
    .leftJoin('users as u', 'u.id', 'pc.owner_user_id')
    .selectAll('pc')
    .select(['p.name as place_name', 'u.display_name as owner_name']);
}

export function findCase(db: Db, id: string): Promise<CaseListRow | undefined> {
  return selectCases(db).where('pc.id', '=', id).executeTakeFirst();
}

/** Cases under the scope prefixes, newest first. */
export function listCases(db: Db, f: { scope: string[]; communityId?: string; status?: string; limit: number }): Promise<CaseListRow[]> {
  let q = selectCases(db).where(pathInRange('pc.place_path', f.scope));
  if (f.communityId) q = q.where('pc.community_id', '=', f.communityId);
  if (f.status) q = q.where('pc.status', '=', f.status);
  return q.orderBy('pc.created_at', 'desc').orderBy('pc.id', 'desc').limit(f.limit).execute();
}

/** The requests of the cases, in the order they were filed. */
export function caseRequests(db: Db, caseIds: string[]) {
  if (!caseIds.length) return Promise.resolve([]);
  return db
    .selectFrom('proactive_case_requests as pcr')
    .innerJoin('requests as r', 'r.id', 'pcr.request_id')
    .select(['pcr.case_id', 'r.id', 'r.number', 'r.title', 'r.status'])
    .where('pcr.case_id', 'in', caseIds)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

export async function insertCase(db: Db, row: ProactiveCaseRow, requestIds: string[]): Promise<void> {
  await db.insertInto('proactive_cases').values(row).execute();
  await db
    .insertInto('proactive_case_requests')
    .values([...new Set(requestIds)].map((request_id) => ({ case_id: row.id, request_id })))
    .execute();
}

export async function updateCase(db: Db, id: string, patch: Partial<Omit<ProactiveCaseRow, 'id' | 'community_id'>>): Promise<void> {
  await db.updateTable('proactive_cases').set(patch).where('id', '=', id).execute();
}
