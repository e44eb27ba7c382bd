import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestsTable } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { requestRow } from '../../test/request-row.js';
import { COMMON_MATCHES, listRequestRows, placePath, searchPlan, SEARCH_TOTAL_CAP, type RequestListFilter } from './requests.query.js';
import { handlingStatuses } from '@gongzhi/shared';

/**
 * Full-text search takes one of three routes on SQLite (index-driven in arrival order, a lookup of few matches,
 * or a walk of another index for a common word): each must give exactly the page and total a plain filter
 * and sort of every row gives. PostgreSQL runs the same cases through its own planner.
 */
describe.each(dialects)('request search (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const rows: RequestsTable[] = [];
  const statuses = ['received', 'objection', 'closed'] as const;
  const n = Math.ceil(COMMON_MATCHES * 1.5); // three in four say 小区: more than COMMON_MATCHES
  const path: Record<'a' | 'b' | 'grid' | 'dwelling', string> = { a: '', b: '', grid: '', dwelling: '' };

  beforeAll(async () => {
    t = await testApp(dialect);
    const { a, b, g1 } = t.world;
    for (const [k, id] of [['a', a.id], ['b', b.id], ['grid', g1.grid.id], ['dwelling', g1.dwelling.id]] as const) path[k] = (await placePath(t.deps.db, id))!.path;
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < n; i++) {
      const created = new Date(start + i * 60_000).toISOString();
      const tokens = i % 500 === 7 ? '楼底 漏水 严重' : i % 4 === 0 ? '停车 难' : `小区 电梯 ${i % 2 ? '故障' : '噪音'}`;
      const inGrid = i % 5 === 0;
      rows.push(
        requestRow(
          { id: newId(), number: `GZ-2026-${String(i + 1).padStart(6, '0')}`, community_id: a.id, place_path: inGrid ? path.dwelling : path.a, title: tokens, text: tokens.replaceAll(' ', ''), tokens, created_at: created },
          { status: statuses[i % 3]!, reply_due_at: new Date(start + ((i * 7919) % n) * 60_000).toISOString() },
        ),
      );
    }
    // The other community says 小区 too, newest of all: a community's search must never show it.
    for (let i = 0; i < 30; i++) {
      const created = new Date(start + (n + i) * 60_000).toISOString();
      rows.push(requestRow({ id: newId(), number: `GZ-2026-${String(n + i + 1).padStart(6, '0')}`, community_id: b.id, place_path: path.b, title: '小区', text: '小区', tokens: '小区 电梯', created_at: created }));
    }
    for (let i = 0; i < rows.length; i += 200) await t.deps.db.insertInto('requests').values(rows.slice(i, i + 200)).execute();
  }, 120_000);
  afterAll(() => t?.close());

  const filter = (over: Partial<RequestListFilter>): RequestListFilter => ({
    scope: { paths: [path.a], assignedUserId: null, orgRepUserId: null, residentUserIds: [] },
    handlingStatuses,
    sort: 'created_at',
    order: 'desc',
    limit: 20,
    offset: 0,
    ...over,
  });
  /** The answer by brute force: every row, filtered and sorted in JavaScript. */
  const expected = (f: RequestListFilter) => {
    const has = (r: RequestsTable) => (f.words ?? []).every((w) => r.tokens.split(' ').some((tok) => tok.startsWith(w)));
    const paths = f.scope.paths;
    const all = rows
      .filter((r) => paths.some((p) => r.place_path.startsWith(p)) && has(r) && (!f.statuses || f.statuses.includes(r.status)))
      .sort((x, y) => (x[f.sort] < y[f.sort] ? -1 : x[f.sort] > y[f.sort] ? 1 : x.id < y.id ? -1 : 1) * (f.order === 'asc' ? 1 : -1));
    return { ids: all.slice(f.offset, f.offset + f.limit).map((r) => r.id), total: Math.min(all.length, SEARCH_TOTAL_CAP), capped: all.length > SEARCH_TOTAL_CAP };
  };
  const check = async (over: Partial<RequestListFilter>, plan: string | null) => {
    const f = filter(over);
    expect(await searchPlan(t.deps.db, f)).toBe(dialect === 'sqlite' ? plan : null);
    const got = await listRequestRows(t.deps.db, f);
    const want = expected(f);
    expect({ ids: got.rows.map((r) => r.id), total: got.total, capped: got.capped }).toEqual(want);
    return want;
  };

  it('pages a common word newest and oldest first from the search index, in this community only, with a capped total', async () => {
    const first = await check({ words: ['小区'] }, 'driven');
    expect(first.capped).toBe(true);
    await check({ words: ['小区'], offset: 40 }, 'driven');
    await check({ words: ['小区'], order: 'asc' }, 'driven');
    await check({ words: ['小区', '故'] }, 'driven');
    // A grid worker's scope: a place subtree inside the community.
    await check({ words: ['小区'], scope: { paths: [path.grid], assignedUserId: null, orgRepUserId: null, residentUserIds: [] } }, 'driven');
  });

  it('looks up the few matches of a rare word, and walks another index for a common one, with the same answers', async () => {
    await check({ words: ['楼底'], statuses: ['received', 'objection'] }, 'set');
    await check({ words: ['楼底'], sort: 'reply_due_at', order: 'asc' }, 'set');
    await check({ words: ['小区'], statuses: ['objection'] }, 'walk');
    await check({ words: ['小区'], sort: 'reply_due_at', order: 'asc', offset: 20 }, 'walk');
    await check({ words: ['不存在的词'], statuses: ['objection'] }, 'set');
  });

  it('finds nothing for a word nobody wrote, and quotes words that look like query syntax', async () => {
    await check({ words: ['不存在的词'] }, 'driven');
    await check({ words: ['"OR'] }, 'driven');
  });
});
