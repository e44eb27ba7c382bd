import { handlingStatuses, requestKinds, type RequestStatus } from '@gongzhi/shared';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppDeps } from '../deps.js';
import { runRequestTimers } from '../modules/requests/index.js';
import { createTestDeps, dialects } from '../test/dialects.js';
import { sessionFor } from '../test/fixtures.js';
import { seedDemo, type SeedResult } from './seed-demo.js';

const DAY = 86_400_000;
/** A smaller demo than the default (one request per household): quicker, and the same generator. */
const HOUSEHOLDS = 800;

describe.each(dialects)('the demo request history (%s)', (dialect) => {
  let deps: AppDeps;
  let cleanup: () => Promise<void>;
  let result: SeedResult;
  let app: FastifyInstance;
  const userId = async (username: string) => (await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  beforeAll(async () => {
    ({ deps, cleanup } = await createTestDeps(dialect));
    result = await seedDemo(deps, { households: HOUSEHOLDS });
    app = await buildApp(deps, { logger: false, webDir: null });
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  it('spreads a year of requests over the community, each with a trail that ends in its status', async () => {
    const now = deps.clock.now().getTime();
    const requests = await deps.db.selectFrom('requests').selectAll().execute();
    expect(requests.length).toBe(HOUSEHOLDS);
    expect(result.requests.requests).toBe(HOUSEHOLDS);
    const steps = await deps.db.selectFrom('request_steps').select(['request_id', 'action', 'to_status', 'created_at']).orderBy('created_at').orderBy('id').execute();
    const trails = new Map<string, typeof steps>();
    for (const s of steps) trails.set(s.request_id, [...(trails.get(s.request_id) ?? []), s]);
    const leads = new Map((await deps.db.selectFrom('request_assignments').select(['request_id', 'is_lead', 'status']).execute()).map((a) => [a.request_id, a]));
    for (const r of requests) {
      const created = Date.parse(r.created_at);
      expect(created).toBeGreaterThan(now - 366 * DAY);
      expect(created).toBeLessThan(now);
      const trail = trails.get(r.id)!;
      const actions = trail.map((s) => s.action);
      expect(actions[0], r.number).toBe('submitted');
      expect(trail.at(-1)!.to_status, r.number).toBe(r.status);
      for (const s of trail) expect(s.created_at >= r.created_at && Date.parse(s.created_at) <= now, r.number).toBe(true);
      expect(r.closed_at !== null, r.number).toBe(r.status === 'closed');
      if (r.status === 'closed' && !r.self_resolved) expect(actions, r.number).toEqual(expect.arrayContaining(['dispatched', 'accepted', 'replied', 'closed']));
      if (r.rating) expect(actions, r.number).toContain('rated');
      // Whoever it was dispatched to holds the lead: done once closed, still working while it is open.
      if (actions.includes('dispatched')) expect(leads.get(r.id)?.is_lead, r.number).toBe(1);
      if (r.status === 'closed' && leads.has(r.id)) expect(leads.get(r.id)!.status).toBe('done');
      if (['dispatched', 'in_progress', 'objection'].includes(r.status)) expect(leads.get(r.id)!.status).toBe('active');
    }
    const share = (f: (r: (typeof requests)[number]) => boolean) => requests.filter(f).length / requests.length;
    expect(share((r) => r.status === 'closed')).toBeGreaterThan(0.8);
    expect(share((r) => r.rating !== null)).toBeGreaterThan(0.5);
    expect(share((r) => r.objection_count > 0)).toBeGreaterThan(0.01);
    const open = requests.filter((r) => handlingStatuses.includes(r.status as RequestStatus));
    const overdue = open.filter((r) => Date.parse(r.reply_due_at) < now);
    expect(open.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(open.length);
    // Spread over the real grids and buildings, and over kinds, channels and urgencies.
    const grids = await deps.db.selectFrom('places').select('id').where('kind', '=', 'grid').execute();
    expect(new Set(requests.map((r) => r.grid_id).filter(Boolean))).toEqual(new Set(grids.map((g) => g.id)));
    const buildings = await deps.db.selectFrom('places').select('id').where('kind', '=', 'building').execute();
    expect(new Set(requests.map((r) => r.place_path.split('/')[5]).filter(Boolean)).size).toBeGreaterThan(buildings.length * 0.8);
    expect(new Set(requests.map((r) => r.kind))).toEqual(new Set(requestKinds));
    expect(new Set(requests.map((r) => r.channel)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(requests.map((r) => r.urgency)).size).toBeGreaterThanOrEqual(3);
    // 刘奶奶's household brings none: she starts with an empty list.
    const jumin = await userId('jumin');
    const grandma = await deps.db.selectFrom('residents').select('household_id').where('user_id', '=', jumin).executeTakeFirstOrThrow();
    expect(requests.filter((r) => r.household_id === grandma.household_id)).toEqual([]);
  });

  it('keeps the counters, the daily rollup and the search rows, and leaves the timers nothing to do', async () => {
    const requests = await deps.db.selectFrom('requests').select(['number', 'tokens']).execute();
    const last = new Map<string, number>();
    for (const r of requests) {
      const [, year, n] = r.number.split('-');
      last.set(`GZ-${year}`, Math.max(last.get(`GZ-${year}`) ?? 0, Number(n)));
    }
    const counters = await deps.db.selectFrom('request_counters').selectAll().execute();
    expect(new Map(counters.map((c) => [c.key, Number(c.last)]))).toEqual(last);
    // The rollup is read with SQL only (analysis.repository.ts); it is not among the Kysely table types.
    const rollup = await sql<{ n: number | string }>`select sum(received) as n from request_daily_stats where dim = 'status'`.execute(deps.db);
    expect(Number(rollup.rows[0]!.n)).toBe(requests.length);
    if (dialect === 'sqlite') {
      const search = await deps.db.selectFrom('request_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(search.n)).toBe(requests.length);
    }
    // Reminders, escalations and auto-closes are already in the history, as the timers would have made them.
    expect(await runRequestTimers(deps)).toEqual({ reminded: 0, escalated: 0, closed: 0, callbacks: 0 });
  });

  it('trains and activates the classifier on the staff labels', async () => {
    const models = await deps.db.selectFrom('classifier_models').select(['active', 'example_count', 'metrics_json']).execute();
    expect(models).toHaveLength(1);
    expect(models[0]!.active).toBe(1);
    // Cross-validated on this small demo's few hundred labels: far above chance (1 in 18), below the full demo's.
    expect(result.requests.classifier!.accuracy).toBeGreaterThan(0.6);
    const labels = await deps.db.selectFrom('requests').select((eb) => eb.fn.countAll<number>().as('n')).where('category_source', '=', 'staff').executeTakeFirstOrThrow();
    expect(models[0]!.example_count).toBeGreaterThanOrEqual(Number(labels.n));
  });

  it('shows the dashboard figures and the queue, and new requests continue the numbers', async () => {
    const shuji = await sessionFor(app, await userId('shuji'));
    const summary = await app.inject({ method: 'GET', url: '/api/v1/analysis/summary', headers: shuji.headers });
    expect(summary.statusCode).toBe(200);
    const s = summary.json();
    expect(s.totals.received).toBeGreaterThan(20);
    for (const rate of ['response', 'resolution', 'satisfaction']) expect(s.rates[rate].rate).toBeGreaterThan(0.5);
    const hot = await app.inject({ method: 'GET', url: '/api/v1/analysis/hotspots', headers: shuji.headers });
    expect(hot.json().buildings.filter((b: { count: number }) => b.count > 0).length).toBeGreaterThan(5);

    const shegong = await sessionFor(app, await userId('shegong'));
    const newest = await app.inject({ method: 'GET', url: '/api/v1/requests?limit=1', headers: shegong.headers });
    const [, year, n] = (newest.json().items[0].number as string).split('-');
    const created = await app.inject({ method: 'POST', url: '/api/v1/requests', headers: shegong.headers, payload: { text: '3栋电梯又停了，老人上不了楼', kind: 'help', channel: 'phone', contactName: '张阿姨' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().number).toBe(`GZ-${year}-${String(Number(n) + 1).padStart(6, '0')}`);
    // The trained model classified it.
    const detail = await app.inject({ method: 'GET', url: `/api/v1/requests/${created.json().id}`, headers: shegong.headers });
    expect(detail.json().categorySource).toBe('model');
  });
});
