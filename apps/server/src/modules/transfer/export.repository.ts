import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { pathInRange, prefixUpperBound } from '../../lib/scope.js';

/**
 * Keyset pages for streamed exports, so an export of any size holds one page at a time and each page costs the
 * same however deep into the register it is. Registers are read in address order, following the path index
 * (`place_path, name` for residents): the scope is a range on that index and the cursor a row comparison after
 * the last row, which both databases serve from the index without sorting the register (only rows that share a
 * path and a name are sorted by id). A cursor ordered by id alone would make both planners sort the whole
 * community for every page.
 */

const isPostgres = (db: Db) => db.getExecutor().adapter.constructor.name.startsWith('Postgres');

/**
 * Run a page query so it walks its index. PostgreSQL misjudges a row comparison at the end of the path histogram
 * (it expects one row) and would then scan and sort the whole community for every page; with explicit sorts off
 * for this one statement it takes the ordered index walk (an incremental sort breaks ties). SQLite needs no help.
 */
async function indexWalk<T>(db: Db, run: (db: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return run(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_sort = off`.execute(trx);
    return run(trx);
  });
}

export interface ResidentCursor {
  path: string;
  name: string;
  id: string;
}

export function residentsPage(db: Db, path: string, after: ResidentCursor | null, limit: number) {
  let q = db
    .selectFrom('residents as r')
    .leftJoin('households as h', 'h.id', 'r.household_id')
    .select([
      'r.id',
      'r.name',
      'r.gender',
      'r.birth_date',
      'r.id_number_cipher',
      'r.phone_cipher',
      'r.ethnicity',
      'r.residency_status',
      'r.registered_address',
      'r.place_path',
      'r.household_id',
      'r.relation',
      'r.moved_in_on',
      'r.note',
      'h.householder_id',
    ])
    .where('r.status', '=', 'living');
  if (after) {
    // The row comparison on the index's two columns is the seek (SQLite uses it only without a second lower bound
    // on the path); the three-column one is the exact cursor, id breaking ties between namesakes at one address.
    q = q
      .where(sql<SqlBool>`(${sql.ref('r.place_path')}, ${sql.ref('r.name')}) >= (${after.path}, ${after.name})`)
      .where('r.place_path', '<', prefixUpperBound(path))
      .where(sql<SqlBool>`(${sql.ref('r.place_path')}, ${sql.ref('r.name')}, ${sql.ref('r.id')}) > (${after.path}, ${after.name}, ${after.id})`);
  } else q = q.where(pathInRange('r.place_path', [path]));
  return indexWalk(db, (d) => d.executeQuery(q.orderBy('r.place_path').orderBy('r.name').orderBy('r.id').limit(limit).compile()).then((r) => r.rows));
}

export interface HouseholdCursor {
  path: string;
  id: string;
}

export function householdsPage(db: Db, path: string, after: HouseholdCursor | null, limit: number) {
  let q = db
    .selectFrom('households as h')
    .leftJoin('residents as r', 'r.id', 'h.householder_id')
    .select(['h.id', 'h.place_path', 'h.moved_in_on', 'h.note', 'r.name as householder_name', 'r.id_number_cipher as householder_id_cipher'])
    .where('h.status', '=', 'active');
  if (after) {
    q = q
      .where('h.place_path', '>=', after.path)
      .where('h.place_path', '<', prefixUpperBound(path))
      .where(sql<SqlBool>`(${sql.ref('h.place_path')}, ${sql.ref('h.id')}) > (${after.path}, ${after.id})`);
  } else q = q.where(pathInRange('h.place_path', [path]));
  return indexWalk(db, (d) => d.executeQuery(q.orderBy('h.place_path').orderBy('h.id').limit(limit).compile()).then((r) => r.rows));
}

/** The party roster of a community (hundreds of rows, not a register's hundreds of thousands). */
export function partyMembersPage(db: Db, communityId: string, after: string, limit: number) {
  return db
    .selectFrom('party_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.party_org_id')
    .select(['m.id', 'm.name', 'm.gender', 'm.id_number_cipher', 'm.phone_cipher', 'm.joined_on', 'm.category', 'm.reporting', 'm.employer', 'm.reported_on', 'o.name as org_name'])
    .where('m.community_id', '=', communityId)
    .where('m.status', '=', 'active')
    .where('m.id', '>', after)
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

/** ID-number ciphers of the given residents (a page's householders). */
export function idNumberCiphers(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('residents').select(['id', 'id_number_cipher']).where('id', 'in', ids).execute();
}

/** Tags of a page of residents, each with the basis of the consent it rests on. */
export function tagsWithBasis(db: Db, residentIds: string[]) {
  if (residentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('resident_tags as t')
    .leftJoin('consents as c', 'c.id', 't.consent_id')
    .select(['t.resident_id', 't.tag', 'c.basis', 'c.detail'])
    .where('t.resident_id', 'in', residentIds)
    .execute();
}

/** Active consents of one purpose for the given residents. */
export function consentsFor(db: Db, residentIds: string[], purpose: string) {
  if (residentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('consents')
    .select(['resident_id', 'basis', 'detail'])
    .where('resident_id', 'in', residentIds)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .execute();
}

export function placeNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('places').select(['id', 'kind', 'name']).where('id', 'in', ids).execute();
}
