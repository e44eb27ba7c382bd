import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { pathInRange } from '../../lib/scope.js';

export interface NotReachedRow {
  id: string;
  dwelling_id: string;
  place_path: string;
  householder_name: string | null;
}

/**
 * Active households within the prefixes that `reached` (a condition on `h`, e.g. "visited since …" or "has a
 * standing pledge") does not hold for, in register order: one page and the total. Visit coverage and covenant
 * coverage both list the households still to go to; the households are a byte range of `households_coverage_idx`.
 */
export async function householdsNotReached(
  db: Db,
  f: { prefixes: string[]; reached: RawBuilder<SqlBool>; limit: number; offset: number },
): Promise<{ rows: NotReachedRow[]; total: number }> {
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  const where = sql<SqlBool>`${sql.ref('h.status')} = 'active' and ${pathInRange('h.place_path', f.prefixes)} and not ${f.reached}`;
  const [rows, total] = await Promise.all([
    db
      .selectFrom('households as h')
      .leftJoin('residents as hr', 'hr.id', 'h.householder_id')
      .select(['h.id', 'h.dwelling_id', 'h.place_path', 'hr.name as householder_name'])
      .where(where)
      .orderBy('h.place_path')
      .orderBy('h.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    db.selectFrom('households as h').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
