import type { Db } from '../../db/database.js';
import type { FeeBoardLinesTable, FeeBoardsTable } from '../../db/fee-board-tables.js';
import { pathInRange, pathInScope } from '../../lib/scope.js';

/** Row access for fee boards (Kysely only). Names of the estate and community come from the place tree. */

export interface EstateRow {
  id: string;
  kind: string;
  name: string;
  path: string;
  community_id: string | null;
  retired_at: string | null;
}

export function findPlace(db: Db, id: string): Promise<EstateRow | undefined> {
  return db.selectFrom('places').select(['id', 'kind', 'name', 'path', 'community_id', 'retired_at']).where('id', '=', id).executeTakeFirst();
}

/** Estates (not retired) within the prefixes, by name. */
export function estatesIn(db: Db, prefixes: string[]) {
  return db
    .selectFrom('places as e')
    .innerJoin('places as c', 'c.id', 'e.community_id')
    .select(['e.id', 'e.name', 'e.path', 'e.community_id as communityId', 'c.name as communityName'])
    .where('e.kind', '=', 'estate')
    .where('e.retired_at', 'is', null)
    .where(pathInScope('e.path', prefixes))
    .orderBy('c.name')
    .orderBy('e.name')
    .execute();
}

export type BoardRow = FeeBoardsTable & { estate_name: string; community_name: string };

const boards = (db: Db) =>
  db
    .selectFrom('fee_boards as b')
    .innerJoin('places as e', 'e.id', 'b.estate_id')
    .innerJoin('places as c', 'c.id', 'b.community_id')
    .selectAll('b')
    .select(['e.name as estate_name', 'c.name as community_name']);

export function findBoard(db: Db, id: string): Promise<BoardRow | undefined> {
  return boards(db).where('b.id', '=', id).executeTakeFirst();
}

/** Boards within the prefixes, newest month first, revisions newest first. */
export function listBoards(db: Db, prefixes: string[], f: { estateId?: string; month?: string }): Promise<BoardRow[]> {
  let q = boards(db).where(pathInRange('b.estate_path', prefixes));
  if (f.estateId) q = q.where('b.estate_id', '=', f.estateId);
  if (f.month) q = q.where('b.month', '=', f.month);
  return q.orderBy('b.month', 'desc').orderBy('e.name').orderBy('b.revision', 'desc').limit(500).execute();
}

/** Every revision of an estate and month, oldest first. */
export function revisionsOf(db: Db, estateId: string, month: string): Promise<FeeBoardsTable[]> {
  return db.selectFrom('fee_boards').selectAll().where('estate_id', '=', estateId).where('month', '=', month).orderBy('revision').execute();
}

export async function linesOf(db: Db, boardIds: string[]): Promise<Map<string, FeeBoardLinesTable[]>> {
  const out = new Map<string, FeeBoardLinesTable[]>(boardIds.map((id) => [id, []]));
  if (boardIds.length === 0) return out;
  const rows = await db.selectFrom('fee_board_lines').selectAll().where('board_id', 'in', boardIds).orderBy('board_id').orderBy('position').execute();
  for (const r of rows) out.get(r.board_id)?.push(r);
  return out;
}

export function insertBoard(db: Db, row: FeeBoardsTable) {
  return db.insertInto('fee_boards').values(row).execute();
}

export function updateBoard(db: Db, id: string, patch: Partial<FeeBoardsTable>, status?: string) {
  let q = db.updateTable('fee_boards').set(patch).where('id', '=', id);
  if (status) q = q.where('status', '=', status);
  return q.executeTakeFirst();
}

export async function replaceLines(db: Db, boardId: string, lines: FeeBoardLinesTable[]): Promise<void> {
  await db.deleteFrom('fee_board_lines').where('board_id', '=', boardId).execute();
  if (lines.length) await db.insertInto('fee_board_lines').values(lines).execute();
}

export async function deleteDraft(db: Db, id: string): Promise<number> {
  await db.deleteFrom('fee_board_lines').where('board_id', '=', id).execute();
  const r = await db.deleteFrom('fee_boards').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Current (published, not superseded) boards of a community from `fromMonth` on, with estate names. */
export function publishedSince(db: Db, communityId: string, fromMonth: string): Promise<BoardRow[]> {
  return boards(db).where('b.community_id', '=', communityId).where('b.status', '=', 'published').where('b.month', '>=', fromMonth).orderBy('b.month', 'desc').execute();
}

/** Estates of a community (not retired), by name. */
export function estatesOfCommunity(db: Db, communityId: string) {
  return db.selectFrom('places').select(['id', 'name']).where('community_id', '=', communityId).where('kind', '=', 'estate').where('retired_at', 'is', null).orderBy('name').execute();
}
