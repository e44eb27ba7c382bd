import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { dialects } from '../../../test/dialects.js';
import { sessionFor, testApp } from '../../../test/fixtures.js';
import type { RequestContext } from '../../../lib/actor.js';
import { actorFromToken, openSession } from '../../auth/auth.service.js';
import { writeExport } from '../export.service.js';
import { commitImport, startImport, validateImport } from '../imports.service.js';
import { headers, idNumber, readXlsx, rowOf, xlsx } from './helpers.js';

/** `n` residents in households of three over `n / 3` new dwellings, with the places file that creates them. */
function register(n: number) {
  const places: unknown[][] = [headers('places')];
  const residents: unknown[][] = [headers('residents')];
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / 3);
    const address = { grid: `网格${d % 4}`, estate: `小区${d % 10}`, building: `${Math.floor(d / 10) % 20 + 1}栋`, entrance: `${(d % 2) + 1}单元`, dwelling: `${d + 101}室` };
    if (i % 3 === 0) places.push(rowOf('places', address));
    const birth = `${1940 + (i % 60)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
    const head = i - (i % 3);
    const headBirth = `${1940 + (head % 60)}${String((head % 12) + 1).padStart(2, '0')}${String((head % 28) + 1).padStart(2, '0')}`;
    residents.push(
      rowOf('residents', {
        name: `居民${i}`,
        idNumber: idNumber(birth, Math.floor(i / 60)),
        residencyStatus: i % 5 === 0 ? '流动' : '常住',
        phone: `139${String(i).padStart(8, '0')}`,
        ...address,
        relation: i % 3 === 0 ? '户主' : i % 3 === 1 ? '配偶' : '子女',
        householderIdNumber: i % 3 === 0 ? null : idNumber(headBirth, Math.floor(head / 60)),
        tags: i % 7 === 0 ? '党员、退役军人' : null,
      }),
    );
  }
  return { places, residents };
}

describe.each(dialects)('bulk imports and job life (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let ctx: RequestContext;
  beforeAll(async () => {
    t = await testApp(dialect);
    const { token } = await openSession(t.deps, t.world.users.community_admin);
    ctx = { actor: (await actorFromToken(t.deps, token))!, requestId: 'test', ip: null };
  });
  afterAll(() => t.close());

  const count = async (table: 'residents' | 'households' | 'audit_log', action?: string) => {
    let q = t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
    if (action) q = q.where('action' as never, '=', action as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('checks and imports 2,000 residents in batches, through the service API', async () => {
    const { places, residents } = register(2000);
    const placesJob = await validateImport(t.deps, ctx, { kind: 'places', communityId: t.world.a.id, fileName: 'places.xlsx', data: await xlsx(places) });
    expect((await commitImport(t.deps, ctx, placesJob.id)).status).toBe('done');

    const started = Date.now();
    const data = await xlsx(residents);
    const job = await validateImport(t.deps, ctx, { kind: 'residents', communityId: t.world.a.id, fileName: 'residents.xlsx', data });
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', totalRows: 2000, createdRows: 2000 });
    const progress: number[] = [];
    const done = await commitImport(t.deps, ctx, job.id, { onProgress: (p) => progress.push(p.processed) });
    expect(done).toMatchObject({ status: 'done', processedRows: 2000, createdRows: 2000, errorRows: 0 });
    expect(progress).toEqual([500, 1000, 1500, 2000]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await count('residents')).toBe(2000);
    expect(await count('households')).toBe(667);
    expect(await count('audit_log', 'resident.import.create')).toBe(2000);

    const again = await validateImport(t.deps, ctx, { kind: 'residents', communityId: t.world.a.id, fileName: 'residents.xlsx', data });
    expect(again).toMatchObject({ unchangedRows: 2000, createdRows: 0, updatedRows: 0 });
    expect((await commitImport(t.deps, ctx, again.id)).unchangedRows).toBe(2000);
    expect(await count('residents')).toBe(2000);

    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(await writeExport(t.deps, ctx, { kind: 'residents', communityId: t.world.a.id }, out)).toBe(2000);
    const [sheet] = await readXlsx(Buffer.concat(chunks));
    expect(sheet!.rows.size).toBe(2001);

    // A download abandoned half-way stops the export instead of writing into the void (or waiting forever).
    const abandoned = new PassThrough({ highWaterMark: 1024 });
    abandoned.once('data', () => abandoned.destroy());
    await expect(writeExport(t.deps, ctx, { kind: 'residents', communityId: t.world.a.id }, abandoned)).rejects.toThrow(/closed/);
  });

  it('refuses a second commit while one runs, and turns abandoned imports into interrupted ones at start-up', async () => {
    const data = await xlsx([headers('residents'), rowOf('residents', { name: '中断测试', idNumber: idNumber('19770707', 900), residencyStatus: '常住' })]);
    const job = await validateImport(t.deps, ctx, { kind: 'residents', communityId: t.world.a.id, fileName: 'one.xlsx', data });
    const first = await startImport(t.deps, ctx, job.id);
    expect(first.job.status).toBe('importing');
    await expect(startImport(t.deps, ctx, job.id)).rejects.toMatchObject({ code: 'import_not_ready', status: 409 });
    expect((await first.done).status).toBe('done');

    // A process that died mid-import leaves its job `importing`; the next start marks it interrupted.
    const stuck = await validateImport(t.deps, ctx, { kind: 'residents', communityId: t.world.a.id, fileName: 'stuck.xlsx', data });
    await t.deps.db.updateTable('import_jobs').set({ status: 'importing' }).where('id', '=', stuck.id).execute();
    const restarted = await buildApp(t.deps, { logger: false, webDir: null });
    await restarted.ready();
    await restarted.close();
    const row = await t.deps.db.selectFrom('import_jobs').select(['status', 'finished_at']).where('id', '=', stuck.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('interrupted');
    // An interrupted job can be committed again; imports are idempotent.
    const admin = await sessionFor(t.app, t.world.users.community_admin);
    const resumed = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${stuck.id}/commit`, headers: admin.headers });
    expect(resumed.statusCode).toBe(202);
    expect((resumed.json() as { status: string }).status).toBe('importing');
  });
});
