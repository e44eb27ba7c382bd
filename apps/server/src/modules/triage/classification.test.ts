import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { sessionFor, testApp, type Session } from '../../test/fixtures.js';
import { classifyText } from './classification.js';
import { runQueuedRetrains } from './retrain-runner.js';
import { retrainCommunity } from './retrain.service.js';
import { ensureTaxonomy } from './taxonomy.service.js';
import { addRequest } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;
type Model = { id: string; exampleCount: number; labels: string[]; metrics: { accuracy: number; macroF1: number; folds: number } | null; active: boolean };
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

/**
 * A labelled history of our own: pigeons (a category the seed phrasings know nothing about) and parking. After
 * retraining, a new pigeon complaint must land in the pigeon category.
 */
const pigeonTexts = [
  '楼顶有人养了很多鸽子，鸽子粪便把阳台弄得很脏',
  '邻居在楼顶搭鸽棚养鸽子，每天早上鸽子扑腾很吵',
  '鸽子在空调外机上做窝，粪便腐蚀外机，请处理鸽棚',
  '对面楼养信鸽，鸽子成群落在我家窗台，羽毛到处飞',
  '楼顶违规搭建鸽舍养鸽，鸽粪味道很大影响健康',
  '养鸽户的鸽子天天在小区上空盘旋，鸽哨声音刺耳',
  '鸽子粪便堆在楼道窗口，希望劝导养鸽人家拆除鸽棚',
  '五楼住户阳台养鸽子，鸽毛和粪便飘到楼下晾衣处',
];
const parkingTexts = [
  '小区消防通道长期被私家车占用停车，救护车进不来',
  '外来车辆随意停在小区门口，堵住了居民出行',
  '地下车库车位被别人长期占用，物业不管',
  '楼下有车辆乱停乱放，挡住了单元门口',
  '有人在消防通道上停车，多次劝说无效',
  '小区里僵尸车占着车位好几个月没人挪',
];
const newPigeonComplaint = '隔壁楼顶养的鸽子又飞到我家阳台，鸽粪太多了';

describe.each(dialects)('classification and retraining (%s)', (dialect) => {
  let t: T;
  let admin: Session;
  let adminB: Session;
  let pigeonId: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await sessionFor(t.app, t.world.users.community_admin);
    adminB = await sessionFor(t.app, t.world.adminB);
  });
  afterAll(() => t.close());

  it('classifies into a category of the community’s taxonomy with a confidence in [0, 1]', async () => {
    const categories = await ensureTaxonomy(t.deps.db, t.world.a.id, t.clock.now());
    const ids = new Set(categories.map((c) => c.id));
    for (const text of ['电梯坏了好几天，老人上下楼很困难', '楼道里堆满了杂物，存在消防隐患', 'x']) {
      const c = await classifyText(t.deps, t.deps.db, t.world.a.id, text);
      expect(c).not.toBeNull();
      expect(ids.has(c!.categoryId)).toBe(true);
      expect(c!.confidence).toBeGreaterThanOrEqual(0);
      expect(c!.confidence).toBeLessThanOrEqual(1);
      expect(c!.modelId).toBeNull(); // no model of its own yet: the seed model
      expect(c!.alternatives[0]!.categoryId).toBe(c!.categoryId);
      expect(c!.alternatives.every((a) => ids.has(a.categoryId) && a.confidence >= 0 && a.confidence <= 1)).toBe(true);
    }
    // Community B has its own category rows: the same text maps onto B's ids.
    const b = await classifyText(t.deps, t.deps.db, t.world.b.id, '电梯坏了好几天');
    const bIds = new Set((await ensureTaxonomy(t.deps.db, t.world.b.id, t.clock.now())).map((c) => c.id));
    expect(bIds.has(b!.categoryId)).toBe(true);
  });

  it('refuses to retrain on too few labels', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/classifier/retrain', headers: admin.headers, payload: {} });
    expect(res.statusCode).toBe(400);
    expect(err(res)).toBe('classifier_not_enough_data');
    // Labels predicted by the model are not training labels.
    const categories = await ensureTaxonomy(t.deps.db, t.world.a.id, t.clock.now());
    for (let i = 0; i < 4; i++) await addRequest(t.deps, { placeId: t.world.g1.building.id, title: `模型猜的${i}`, categoryId: categories[0]!.id, categorySource: 'model' });
    expect(err(await t.app.inject({ method: 'POST', url: '/api/v1/classifier/retrain', headers: admin.headers, payload: {} }))).toBe('classifier_not_enough_data');
  });

  it('retrains on staff labels, which changes what new requests are classified as', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/request-categories', headers: admin.headers, payload: { code: 'pigeons', nameZh: '养鸽扰民', nameEn: 'Pigeons' } });
    pigeonId = (created.json() as { id: string }).id;
    const parking = (await ensureTaxonomy(t.deps.db, t.world.a.id, t.clock.now())).find((c) => c.code === 'parking_traffic')!;
    const before = await classifyText(t.deps, t.deps.db, t.world.a.id, newPigeonComplaint);
    expect(before!.categoryId).not.toBe(pigeonId); // the seed model has never heard of this category

    for (const text of pigeonTexts) await addRequest(t.deps, { placeId: t.world.g1.building.id, title: text.slice(0, 12), text, categoryId: pigeonId, categorySource: 'staff', status: 'closed' });
    for (const text of parkingTexts) await addRequest(t.deps, { placeId: t.world.g2.building.id, title: text.slice(0, 12), text, categoryId: parking.id, categorySource: 'resident' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/classifier/retrain', headers: admin.headers, payload: {} });
    expect(res.statusCode, res.body).toBe(202);
    await runQueuedRetrains(t.deps); // the job runner's round (jobs.ts), which tests run themselves
    const job = await t.app.inject({ url: `/api/v1/classifier/jobs/${(res.json() as { id: string }).id}`, headers: admin.headers });
    const model = (job.json() as { model: Model }).model;
    expect(model.active).toBe(true);
    expect(model.labels).toContain('pigeons');
    // Own labels plus the seed phrasings of every category with fewer than 20 labels.
    expect(model.exampleCount).toBeGreaterThan(pigeonTexts.length + parkingTexts.length);
    expect(model.metrics).not.toBeNull();
    expect(model.metrics!.folds).toBe(3);
    expect(model.metrics!.macroF1).toBeGreaterThan(0);
    expect(model.metrics!.macroF1).toBeLessThanOrEqual(1);

    const after = await classifyText(t.deps, t.deps.db, t.world.a.id, newPigeonComplaint);
    expect(after!.categoryId).toBe(pigeonId);
    expect(after!.modelId).toBe(model.id);
    // Community B keeps the seed model.
    expect((await classifyText(t.deps, t.deps.db, t.world.b.id, newPigeonComplaint))!.modelId).toBeNull();
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('target_id', '=', model.id).execute();
    expect(audit).toEqual([{ action: 'classifier_model.trained', actor_user_id: t.world.users.community_admin }]);
  });

  it('lists models and switches the one used on activation, also when another server activated it', async () => {
    // A second model from the command line's entry point.
    const second = await retrainCommunity(t.deps, t.world.a.id);
    const list = (await t.app.inject({ url: '/api/v1/classifier/models', headers: admin.headers }).then((r) => r.json())) as { items: Model[] };
    expect(list.items.map((m) => m.id)).toEqual([second.id, list.items[1]!.id]);
    expect(list.items.map((m) => m.active)).toEqual([true, false]);
    const first = list.items[1]!;
    expect((await classifyText(t.deps, t.deps.db, t.world.a.id, newPigeonComplaint))!.modelId).toBe(second.id);

    const res = await t.app.inject({ method: 'POST', url: `/api/v1/classifier/models/${first.id}/activate`, headers: admin.headers, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect((await classifyText(t.deps, t.deps.db, t.world.a.id, newPigeonComplaint))!.modelId).toBe(first.id);
    const rows = await t.deps.db.selectFrom('classifier_models').select(['id', 'active']).where('community_id', '=', t.world.a.id).orderBy('id').execute();
    expect(rows.filter((r) => r.active === 1).map((r) => r.id)).toEqual([first.id]);

    // Another app server activates the second model: this process notices on its next classification.
    await t.deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('classifier_models').set({ active: 0 }).where('community_id', '=', t.world.a.id).execute();
      await trx.updateTable('classifier_models').set({ active: 1 }).where('id', '=', second.id).execute();
    });
    expect((await classifyText(t.deps, t.deps.db, t.world.a.id, newPigeonComplaint))!.modelId).toBe(second.id);

    // Another community's admin neither sees nor activates A's models.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/classifier/models/${first.id}/activate`, headers: adminB.headers, payload: {} })).statusCode).toBe(404);
    expect(((await t.app.inject({ url: '/api/v1/classifier/models', headers: adminB.headers }).then((r) => r.json())) as { items: Model[] }).items).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/classifier/models?communityId=${t.world.a.id}`, headers: adminB.headers })).statusCode).toBe(404);
  });

  it('skips a retired category for the next best guess', async () => {
    // Retire the pigeon category (its requests are closed, nothing routes to it).
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/request-categories/${pigeonId}/retire`, headers: admin.headers, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const c = await classifyText(t.deps, t.deps.db, t.world.a.id, newPigeonComplaint);
    expect(c).not.toBeNull();
    expect(c!.categoryId).not.toBe(pigeonId);
    expect(c!.alternatives.some((a) => a.categoryId === pigeonId)).toBe(false);
  });
});
