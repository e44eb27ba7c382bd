import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierJobView } from '@gongzhi/shared';
import { syntheticRequests, type LabelledExample } from '../../classifier/index.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { requestRow } from '../../test/request-row.js';
import { failStaleRetrains, runQueuedRetrains, STALE_AFTER_MS } from './retrain-runner.js';
import { retrainCommunity, startRetrain } from './retrain.service.js';
import { ensureTaxonomy } from './taxonomy.service.js';

type T = Awaited<ReturnType<typeof testApp>>;

/** Staff-labelled requests, written in batches (the big set has thousands). */
async function addLabelled(deps: AppDeps, communityId: string, examples: LabelledExample[]): Promise<void> {
  const community = await deps.db.selectFrom('places').select('path').where('id', '=', communityId).executeTakeFirstOrThrow();
  const ids = new Map((await ensureTaxonomy(deps.db, communityId, deps.clock.now())).map((c) => [c.code, c.id]));
  const at = iso(deps.clock.now());
  const rows = examples.map((e, i) => {
    const id = newId();
    const base = { id, number: `T-${communityId.slice(-6)}-${i}`, community_id: communityId, place_path: community.path, title: e.text.slice(0, 20), text: e.text, tokens: '', created_at: at };
    return requestRow(base, { category_id: ids.get(e.label)!, category_source: 'staff' });
  });
  for (let i = 0; i < rows.length; i += 200) await deps.db.insertInto('requests').values(rows.slice(i, i + 200)).execute();
}

const modelCount = async (t: T, communityId: string) =>
  Number((await t.deps.db.selectFrom('classifier_models').select((eb) => eb.fn.countAll().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow()).n);
const activeModelId = async (t: T, communityId: string) =>
  (await t.deps.db.selectFrom('classifier_models').select('id').where('community_id', '=', communityId).where('active', '=', 1).executeTakeFirst())?.id ?? null;

describe.each(dialects)('classifier retraining in the background (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let adminB: Session;
  const getJob = async (s: Session, id: string) => (await t.app.inject({ url: `/api/v1/classifier/jobs/${id}`, headers: s.headers })).json() as ClassifierJobView;
  const post = (s: Session) => t.app.inject({ method: 'POST', url: '/api/v1/classifier/retrain', headers: s.headers, payload: {} });

  /** Poll the job over HTTP until `until` holds or the job ends; every answer with the time it arrived. */
  async function watch(s: Session, id: string, until: (j: ClassifierJobView) => boolean = () => false) {
    const seen: { at: number; job: ClassifierJobView }[] = [];
    for (;;) {
      const job = await getJob(s, id);
      seen.push({ at: performance.now(), job });
      if (until(job) || job.status === 'done' || job.status === 'failed') return seen;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    adminB = await sessionFor(t.app, t.world.adminB);
    await addLabelled(t.deps, t.world.a.id, syntheticRequests(2400, 'retrain-a'));
    await addLabelled(t.deps, t.world.b.id, syntheticRequests(800, 'retrain-b'));
  }, 120_000);
  afterAll(() => t.close());

  it('answers 202 with a queued job at once; the runner trains in a worker while the server keeps answering', async () => {
    const before = performance.now();
    const res = await post(admin);
    expect(res.statusCode, res.body).toBe(202);
    expect(performance.now() - before).toBeLessThan(2000); // training 2,400 labels inline takes several seconds
    const queued = res.json() as ClassifierJobView;
    expect(queued).toMatchObject({ communityId: t.world.a.id, status: 'queued', phase: null, model: null, error: null });
    expect(await modelCount(t, t.world.a.id)).toBe(0);

    let ended = false;
    const run = runQueuedRetrains(t.deps).finally(() => (ended = true));
    const seen = await watch(admin, queued.id);
    expect(await run).toBe(1);

    // Progress moved through the phases in order, fold by fold.
    const steps = seen.map((s) => (s.job.phase === 'cross_validation' ? `fold ${s.job.fold}/${s.job.folds}` : (s.job.phase ?? s.job.status)));
    const distinct = steps.filter((s, i) => s !== steps[i - 1]);
    expect(distinct).toEqual(expect.arrayContaining(['fold 1/3', 'fold 2/3', 'fold 3/3', 'final_training']));
    const order = ['queued', 'collecting', 'fold 1/3', 'fold 2/3', 'fold 3/3', 'final_training', 'saving', 'done'];
    expect(distinct.map((s) => order.indexOf(s))).toEqual([...distinct.map((s) => order.indexOf(s))].sort((x, y) => x - y));

    // The server answered all along: many polls came back while the worker trained, and no gap between two
    // answers came near the length of one training phase (an inline training blocks the loop for all of one).
    const training = seen.filter((s) => s.job.phase === 'cross_validation' || s.job.phase === 'final_training');
    expect(training.length).toBeGreaterThanOrEqual(5);
    const span = training.at(-1)!.at - training[0]!.at;
    expect(span).toBeGreaterThan(1000);
    const gaps = seen.slice(1).map((s, i) => s.at - seen[i]!.at);
    expect(Math.max(...gaps)).toBeLessThan(span / 4);
    const other = await t.app.inject({ url: '/api/v1/classifier/models', headers: admin.headers });
    expect(other.statusCode).toBe(200);

    const done = seen.at(-1)!.job;
    expect(ended).toBe(true);
    expect(done).toMatchObject({ status: 'done', phase: null, error: null, exampleCount: 2400 });
    expect(done.model).toMatchObject({ active: true, exampleCount: 2400, metrics: { folds: 3 } });
    expect(done.model!.metrics!.macroF1).toBeGreaterThan(0.5);
    expect(await activeModelId(t, t.world.a.id)).toBe(done.model!.id);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'request_id']).where('target_id', 'in', [queued.id, done.model!.id]).orderBy('at').orderBy('action').execute();
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ['classifier_job.started', t.world.users.community_admin],
      ['classifier_model.trained', t.world.users.community_admin],
    ]);
    expect(audit[1]!.request_id).toBe(audit[0]!.request_id); // the model's entry points at the click
    const list = (await t.app.inject({ url: '/api/v1/classifier/jobs', headers: admin.headers })).json() as { items: ClassifierJobView[] };
    expect(list.items.map((j) => j.id)).toEqual([queued.id]);
  }, 120_000);

  it('keeps one open job per community: two starts at once make one, a second click answers it, the command line is refused', async () => {
    // Two starts at the same instant: both find no open job, the unique index lets one insert win.
    const both = await Promise.all([startRetrain(t.deps, null, t.world.b.id), startRetrain(t.deps, null, t.world.b.id)]);
    expect(both.filter((r) => r.created)).toHaveLength(1);
    const id = both[0]!.job.id;
    expect(both[1]!.job.id).toBe(id);
    const again = await post(adminB);
    expect(again.statusCode).toBe(200);
    expect((again.json() as ClassifierJobView).id).toBe(id);
    await expect(retrainCommunity(t.deps, t.world.b.id)).rejects.toMatchObject({ code: 'classifier_job_running', status: 409 });
    const open = await t.deps.db.selectFrom('classifier_jobs').select('id').where('status', 'in', ['queued', 'running']).execute();
    expect(open.map((j) => j.id)).toEqual([id]);
    // Another community's admin does not see it.
    expect((await t.app.inject({ url: `/api/v1/classifier/jobs/${id}`, headers: admin.headers })).statusCode).toBe(404);

    expect(await runQueuedRetrains(t.deps)).toBe(1);
    expect((await getJob(adminB, id)).status).toBe('done');
  }, 60_000);

  it('fails a running job whose server died once its heartbeat is stale; the button works again', async () => {
    // A job claimed by a process that then died: running, and nobody renews its heartbeat.
    const { job } = await startRetrain(t.deps, null, t.world.b.id, { running: true });
    expect(await failStaleRetrains(t.deps)).toBe(0);
    t.clock.advanceMinutes(STALE_AFTER_MS / 60_000 + 1);
    expect(await failStaleRetrains(t.deps)).toBe(1);
    const failed = await getJob(adminB, job.id);
    expect(failed).toMatchObject({ status: 'failed', phase: null, model: null, error: { code: 'classifier_job_interrupted' } });
    expect((await post(adminB)).statusCode).toBe(202);
  });

  it('never activates the model of a job that was failed while it trained, nor of one stopped by a shutdown', async () => {
    const activeBefore = await activeModelId(t, t.world.b.id);
    const models = await modelCount(t, t.world.b.id);
    const [queued] = (await t.deps.db.selectFrom('classifier_jobs').select('id').where('status', '=', 'queued').execute()).map((j) => j.id);

    // Another server found its heartbeat stale mid-training and failed it.
    const run = runQueuedRetrains(t.deps);
    await watch(adminB, queued!, (j) => j.phase === 'cross_validation');
    await t.deps.db.updateTable('classifier_jobs').set({ status: 'failed', error_code: 'classifier_job_interrupted' }).where('id', '=', queued!).execute();
    await run;
    expect((await getJob(adminB, queued!)).status).toBe('failed');

    // The server shuts down mid-training: the worker stops, the job fails as interrupted.
    const started = (await post(adminB)).json() as ClassifierJobView;
    const shutdown = new AbortController();
    const run2 = runQueuedRetrains(t.deps, { signal: shutdown.signal });
    await watch(adminB, started.id, (j) => j.phase === 'cross_validation');
    shutdown.abort();
    await run2;
    expect(await getJob(adminB, started.id)).toMatchObject({ status: 'failed', model: null, error: { code: 'classifier_job_interrupted' } });

    expect(await modelCount(t, t.world.b.id)).toBe(models);
    expect(await activeModelId(t, t.world.b.id)).toBe(activeBefore);
  }, 60_000);

  it('fails the job with the reason when the labels are gone by the time it runs', async () => {
    const started = (await post(adminB)).json() as ClassifierJobView;
    await t.deps.db.updateTable('requests').set({ category_source: 'model' }).where('community_id', '=', t.world.b.id).execute();
    await runQueuedRetrains(t.deps);
    const failed = await getJob(adminB, started.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'classifier_not_enough_data', details: { labelled: 0 } } });
    await expect(retrainCommunity(t.deps, t.world.b.id)).rejects.toBeInstanceOf(AppError);
  });
});
