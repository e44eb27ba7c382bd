import { sql, type Expression, type SqlBool } from 'kysely';
import type { Role } from '@gongzhi/shared';
import type { Actor } from './actor.js';

/**
 * Scoping, written once. An actor sees the subtrees of the places their roles cover: a subdistrict admin the
 * subdistrict, community staff the community, a grid worker their grids, a building leader their buildings.
 * Every module filters with these helpers instead of reasoning about roles itself.
 */

/** The path prefixes the actor covers through the given roles (all roles when omitted), de-nested. */
export function scopePrefixes(actor: Actor, roles?: readonly Role[]): string[] {
  const paths = actor.roles.filter((r) => !roles || roles.includes(r.role)).map((r) => r.placePath);
  // Drop prefixes already covered by a shorter one so queries stay small.
  return paths
    .sort((a, b) => a.length - b.length)
    .filter((p, i, all) => !all.slice(0, i).some((q) => p.startsWith(q)));
}

/** Whether a place (by its path) lies inside the actor's scope for the given roles. */
export function inScope(actor: Actor, path: string, roles?: readonly Role[]): boolean {
  return scopePrefixes(actor, roles).some((p) => path.startsWith(p));
}

/** Whether the place at `path` is an ancestor of some scope place (so the actor may see its name). */
export function isAncestorOfScope(actor: Actor, path: string, roles?: readonly Role[]): boolean {
  return scopePrefixes(actor, roles).some((p) => p.startsWith(path));
}

/**
 * A WHERE expression: `column` (a path column) lies inside the actor's scope. Matches nothing when the actor
 * has no scope, so a forgotten role can never widen what a query returns.
 */
export function pathInScope(column: string, prefixes: string[]): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  const parts = prefixes.map((p) => sql`${sql.ref(column)} like ${escapeLike(p) + '%'} escape '\\'`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * The same as `pathInScope`, written as byte ranges (`path >= '/a/b/' and path < '/a/b0'`) so an index on the
 * column serves it on both databases. Path columns compared this way use the C collation on PostgreSQL.
 */
export function pathInRange(column: string, prefixes: string[]): Expression<SqlBool> {
  if (prefixes.length === 0) return sql<SqlBool>`1 = 0`;
  const parts = prefixes.map((p) => sql`(${sql.ref(column)} >= ${p} and ${sql.ref(column)} < ${prefixUpperBound(p)})`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The smallest string greater than every string that starts with `prefix` (paths end in '/', so '/' → '0'). */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * The community (or, for a subdistrict admin, subdistrict) prefixes above the actor's scope places. Paths are
 * `/subdistrict/community/grid/…/`, so a community path is the first two segments.
 */
export function communityPrefixes(actor: Actor, roles?: readonly Role[]): string[] {
  const out = actor.roles
    .filter((r) => !roles || roles.includes(r.role))
    .map((r) => {
      const segs = r.placePath.split('/').filter(Boolean);
      return `/${segs.slice(0, Math.min(segs.length, 2)).join('/')}/`;
    });
  return [...new Set(out)];
}
