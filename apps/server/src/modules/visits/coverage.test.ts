import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitCoverageResponse } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { monthsBefore } from './coverage.service.js';
import { ok, visitsWorld, type T, type VW } from './test/world.js';

interface Unvisited {
  items: { householdId: string; placeLabel: string; householderName: string | null; lastVisitedAt: string | null; gridId: string | null }[];
  total: number;
  since: string;
}

describe('monthsBefore', () => {
  it('moves back whole calendar months, clamping the day to the month end', () => {
    expect(monthsBefore(new Date('2026-11-25T08:00:00.000Z'), 6).toISOString()).toBe('2026-05-25T08:00:00.000Z');
    expect(monthsBefore(new Date('2026-08-31T10:00:00.000Z'), 6).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2026-03-15T00:00:00.000Z'), 12).toISOString()).toBe('2025-03-15T00:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-31T00:00:00.000Z'), 1).toISOString()).toBe('2025-12-31T00:00:00.000Z');
  });
});

describe.each(dialects)('visit coverage (%s)', (dialect) => {
  let t: T;
  let w: VW;
  const SIX_MONTHS_AGO = '2026-05-25T08:00:00.000Z'; // the fixture clock starts at 2026-11-25T08:00Z
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await visitsWorld(t);
    const visit = async (body: object) => ok(await w.staff.post('/visits', body), 'visit');
    await visit({ visitedAt: SIX_MONTHS_AGO, householdId: w.h.g1a.householdId }); // exactly on the boundary: counts
    await visit({ visitedAt: '2026-05-25T07:59:59.000Z', householdId: w.h.g1b.householdId }); // a second before: does not
    await visit({ visitedAt: '2026-11-01T02:00:00.000Z', householdId: w.h.g1b2.householdId });
    await visit({ visitedAt: '2026-11-02T02:00:00.000Z', householdId: w.h.g1b2.householdId }); // twice: still one household
    await visit({ visitedAt: '2026-10-01T02:00:00.000Z', householdId: w.h.g2a.householdId });
    await visit({ visitedAt: '2026-11-20T02:00:00.000Z', placeId: t.world.g2.building.id }); // a building, not a household
    await visit({ visitedAt: '2026-11-20T03:00:00.000Z', organisationId: w.org });
  });
  afterAll(() => t.close());

  const coverage = async (api: VW['staff'], query = '') => ok<VisitCoverageResponse>(await api.get(`/visit-coverage${query}`), 'coverage');
  const byGrid = (c: VisitCoverageResponse) => Object.fromEntries(c.grids.map((g) => [g.gridName, [g.households, g.visited, g.percentage]]));

  it('counts active households and those visited in the last N months, per grid, in one answer', async () => {
    const c = await coverage(w.staff);
    expect(c.since).toBe(SIX_MONTHS_AGO);
    expect(byGrid(c)).toEqual({ 第一网格: [4, 2, 50], 第二网格: [2, 1, 50] });
    expect(c.total).toEqual({ households: 6, visited: 3, percentage: 50 });
    expect(c.grids[0]).toMatchObject({ gridId: t.world.g1.grid.id, communityId: t.world.a.id, communityName: '甲社区' });
    const oneMonth = await coverage(w.staff, '?months=1');
    expect(byGrid(oneMonth)).toEqual({ 第一网格: [4, 1, 25], 第二网格: [2, 0, 0] });
  });

  it('follows the reader’s scope and the place filter', async () => {
    expect(byGrid(await coverage(w.grid))).toEqual({ 第一网格: [4, 2, 50] });
    // The building leader of G1's building 1 sees G1, counted over their building's three households.
    expect(byGrid(await coverage(w.leader))).toEqual({ 第一网格: [3, 1, 33.3] });
    expect(byGrid(await coverage(w.staff, `?placeId=${w.places.b2.id}`))).toEqual({ 第一网格: [1, 1, 100] });
    expect(byGrid(await coverage(w.subdistrict))).toEqual({ 第一网格: [4, 2, 50], 第二网格: [2, 1, 50], 乙一网格: [1, 0, 0] });
    expect(byGrid(await coverage(w.adminB))).toEqual({ 乙一网格: [1, 0, 0] });
    expect((await w.resident.get('/visit-coverage')).statusCode).toBe(403);
    expect((await w.staff.get('/visit-coverage?months=0')).statusCode).toBe(400);
  });

  it('lists the unvisited households with address, householder and last visit, at the months boundary', async () => {
    const list = ok<Unvisited>(await w.grid.get('/visit-coverage/unvisited?months=6'), 'unvisited');
    expect(list.total).toBe(2);
    expect(list.items).toEqual([
      { householdId: w.h.g1b.householdId, dwellingId: w.places.d102.id, gridId: t.world.g1.grid.id, placeLabel: '第一网格 第一网格小区 1栋 1单元 102室', householderName: '张二', lastVisitedAt: '2026-05-25T07:59:59.000Z' },
      { householdId: w.h.g1c.householdId, dwellingId: w.places.d103.id, gridId: t.world.g1.grid.id, placeLabel: '第一网格 第一网格小区 1栋 1单元 103室', householderName: '张三', lastVisitedAt: null },
    ]);
    // One minute later the visit exactly six months ago has fallen out of the window.
    t.clock.advanceMinutes(1);
    const later = ok<Unvisited>(await w.grid.get('/visit-coverage/unvisited?months=6'), 'later');
    expect(later.items.map((i) => i.householdId)).toEqual([w.h.g1a, w.h.g1b, w.h.g1c].map((h) => h.householdId));
    expect(later.items[0]!.lastVisitedAt).toBe(SIX_MONTHS_AGO);
    expect(byGrid(await coverage(w.grid))).toEqual({ 第一网格: [4, 1, 25] });
  });

  it('pages the list and narrows it to a grid', async () => {
    const all = ok<Unvisited>(await w.staff.get('/visit-coverage/unvisited?months=1'), 'all');
    expect(all.total).toBe(5); // G1: 3 of 4, G2: both
    const page = ok<Unvisited>(await w.staff.get('/visit-coverage/unvisited?months=1&limit=2&offset=2'), 'page');
    expect(page.items.map((i) => i.householdId)).toEqual(all.items.slice(2, 4).map((i) => i.householdId));
    expect(page.total).toBe(5);
    const g2 = ok<Unvisited>(await w.staff.get(`/visit-coverage/unvisited?months=1&gridId=${t.world.g2.grid.id}`), 'g2');
    expect(g2.items.map((i) => i.householderName)).toEqual(['王一', '王二']);
    const outside = ok<Unvisited>(await w.grid.get(`/visit-coverage/unvisited?gridId=${t.world.g2.grid.id}`), 'outside');
    expect(outside).toMatchObject({ items: [], total: 0 });
  });
});
