import { sql, type SelectQueryBuilder } from 'kysely';
import type { ResidentTag } from '@gongzhi/shared';
import type { Database, Db, ResidentRow } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

/**
 * The residents list and search, written for large registers (the benchmark: 250,000 residents, a 50-row page
 * filtered by grid and tag, or a name search, under 20 ms). Scope and place filters are byte ranges on
 * `place_path` so `residents_path_idx (place_path, name)` serves them; a tag is an EXISTS probe on the
 * `resident_tags` primary key; phone and ID-number lookups use their own indexes; the page and the total are
 * two statements over the same WHERE (the second skipped when the page shows the total).
 */

export interface ResidentFilter {
  /** Path prefixes the rows must lie under (the actor's scope, narrowed by a place filter); empty → nothing. */
  prefixes: string[];
  q?: string;
  /** Exact last four digits, or a 2–3 digit suffix of them. */
  phoneTail?: string;
  phoneIndex?: string;
  idNumberIndex?: string;
  /** Restrict to these ids (a longer phone suffix verified by decryption). */
  ids?: string[];
  tag?: ResidentTag;
  status?: string;
  residencyStatus?: string;
  sort: 'name' | 'birth_date' | 'moved_in_on' | 'updated_at';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

type Q = SelectQueryBuilder<Database, 'residents', object>;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** `byCommunity`: the prefixes are whole communities (or subdistricts) and the caller names them by id instead. */
function applyFilter(q: Q, f: ResidentFilter, byCommunity = false): Q {
  if (!byCommunity) q = q.where(pathInRange('residents.place_path', f.prefixes));
  if (f.status) q = q.where('residents.status', '=', f.status);
  if (f.residencyStatus) q = q.where('residents.residency_status', '=', f.residencyStatus);
  if (f.q) q = q.where(sql<boolean>`residents.name like ${'%' + likeEscape(f.q) + '%'} escape '\\'`);
  if (f.phoneTail) {
    q = f.phoneTail.length === 4 ? q.where('residents.phone_tail', '=', f.phoneTail) : q.where(sql<boolean>`residents.phone_tail like ${'%' + f.phoneTail}`);
  }
  if (f.phoneIndex) q = q.where('residents.phone_index', '=', f.phoneIndex);
  if (f.idNumberIndex) q = q.where('residents.id_number_index', '=', f.idNumberIndex);
  if (f.ids) q = f.ids.length ? q.where('residents.id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  if (f.tag) {
    const tag = f.tag;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('resident_tags as t').select(sql`1`.as('one')).whereRef('t.resident_id', '=', 'residents.id').where('t.tag', '=', tag)),
    );
  }
  return q;
}

const segments = (p: string) => p.split('/').filter(Boolean);

/** The communities the prefixes lie in (a subdistrict's by one small query). */
async function communitiesOf(db: Db, prefixes: string[]): Promise<string[]> {
  const direct = prefixes.map(segments).filter((s) => s.length >= 2).map((s) => s[1]!);
  const subdistricts = prefixes.map(segments).filter((s) => s.length === 1).map((s) => s[0]!);
  const below = subdistricts.length
    ? (await db.selectFrom('places').select('id').where('kind', '=', 'community').where('parent_id', 'in', subdistricts).execute()).map((r) => r.id)
    : [];
  return [...new Set([...direct, ...below])];
}

/** Most distinct names a wide name search turns into an exact-name lookup; beyond it the search scans. */
const MAX_NAMES = 300;

/**
 * The distinct names containing `q` in these communities, read from `residents_community_name_idx` alone (no
 * table rows): across many communities this scan is the whole cost of a name search, and what follows is a
 * handful of index seeks on (community, name). Null when too many names match for that to pay.
 */
async function matchingNames(db: Db, communities: string[], q: string): Promise<string[] | null> {
  if (communities.length === 0) return [];
  const rows = await db
    .selectFrom('residents')
    .select('name')
    .distinct()
    .where('community_id', 'in', communities)
    .where(sql<boolean>`name like ${'%' + likeEscape(q) + '%'} escape '\\'`)
    .limit(MAX_NAMES + 1)
    .execute();
  return rows.length > MAX_NAMES ? null : rows.map((r) => r.name);
}

/**
 * A page of residents (full rows) and the number matching.
 *
 * Rows also carry their community id, and naming the communities (the same rows as the path ranges) lets the
 * database use the community-led indexes: `(community_id, phone_tail)` and `(community_id, id_number_index)`
 * to find a phone or ID number first (see sharpIds), and `(community_id, name)` to walk one community in name
 * order and stop after one page instead of sorting it. A name search over many communities first finds the
 * matching names (see matchingNames). The total is counted only when the page does not tell it.
 */
export async function listResidentRows(db: Db, filter: ResidentFilter): Promise<{ rows: ResidentRow[]; total: number }> {
  let f = filter;
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  const sharp = (f.phoneTail?.length === 4) || f.phoneIndex !== undefined || f.idNumberIndex !== undefined;
  const wide = f.prefixes.length > 1 || segments(f.prefixes[0]!).length < 2;
  const communities = wide || sharp ? await communitiesOf(db, f.prefixes) : [];
  // A phone or ID-number lookup names a few rows: find them first by their own index, then page those.
  if (sharp) f = { ...f, phoneTail: undefined, phoneIndex: undefined, idNumberIndex: undefined, ids: await sharpIds(db, f, communities) };
  const names = f.q && wide && !f.ids ? await matchingNames(db, communities, f.q) : null;
  if (names?.length === 0 || f.ids?.length === 0) return { rows: [], total: 0 };
  // Whole communities are the same rows as their ids: naming only the ids keeps the planner on (community, name).
  const whole = f.prefixes.every((p) => segments(p).length <= 2);
  let base = applyFilter(db.selectFrom('residents'), names ? { ...f, q: undefined } : f, names !== null && whole);
  let page = base;
  if (names) {
    base = page = base.where('residents.community_id', 'in', communities).where('residents.name', 'in', names);
  } else if (f.sort === 'name' && !f.phoneTail && !f.ids && f.prefixes.length === 1 && segments(f.prefixes[0]!).length === 2) {
    // Only for the page: counting a community by its path range is cheaper than by its id.
    page = base.where('residents.community_id', '=', segments(f.prefixes[0]!)[1]!);
  }
  const col = `residents.${f.sort}` as const;
  let q = page.selectAll('residents');
  // Empty dates sort last in both directions on both databases (their defaults differ).
  if (f.sort !== 'name' && f.sort !== 'updated_at') q = q.orderBy(sql`case when ${sql.ref(col)} is null then 1 else 0 end`);
  q = q.orderBy(col, f.order);
  // Ties (two 王芳) keep a stable order across pages.
  if (f.sort !== 'name') q = q.orderBy('residents.name', f.order);
  q = q.orderBy('residents.id', f.order);
  const rows = await q.limit(f.limit).offset(f.offset).execute();
  // A short page that is not past the end is the last one: the total is known without counting.
  if (rows.length < f.limit && (rows.length > 0 || f.offset === 0)) return { rows, total: f.offset + rows.length };
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

/** Most rows an exact lookup may name before it pages them; a four-digit tail matches a few dozen in a subdistrict. */
const MAX_SHARP = 5000;

/** Ids in scope matching a four-digit phone tail, a phone or an ID number, by the community-led indexes. */
async function sharpIds(db: Db, f: ResidentFilter, communities: string[]): Promise<string[]> {
  if (communities.length === 0) return [];
  let q = db.selectFrom('residents').select('residents.id').where(pathInRange('residents.place_path', f.prefixes)).where('residents.community_id', 'in', communities);
  if (f.phoneTail) q = q.where('residents.phone_tail', '=', f.phoneTail);
  if (f.phoneIndex) q = q.where('residents.phone_index', '=', f.phoneIndex);
  if (f.idNumberIndex) q = q.where('residents.id_number_index', '=', f.idNumberIndex);
  if (f.ids) q = q.where('residents.id', 'in', f.ids.length ? f.ids : ['']);
  return (await q.limit(MAX_SHARP).execute()).map((r) => r.id);
}

/** Candidates for a long phone suffix: id and phone cipher of rows matching on the stored last four digits. */
export async function phoneCandidates(db: Db, f: ResidentFilter, tail4: string, max: number) {
  const { phoneTail: _t, phoneIndex: _p, ids: _i, ...rest } = f;
  if (f.prefixes.length === 0) return [];
  return applyFilter(db.selectFrom('residents'), { ...rest, phoneTail: tail4 })
    .where('residents.community_id', 'in', await communitiesOf(db, f.prefixes))
    .select(['residents.id', 'residents.phone_cipher'])
    .limit(max)
    .execute();
}
