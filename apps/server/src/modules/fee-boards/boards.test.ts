import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeBoardList, FeeBoardView, PublicFeeBoardEstates, PublicFeeBoardView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { sha256Hex } from './content.js';
import { api, errCode, ok, sampleLines, saveDraft, type Api, type T } from './test/world.js';

describe.each(dialects)('fee boards (%s)', (dialect) => {
  let t: T;
  let admin: Api;
  let staff: Api;
  let sub: Api;
  let adminB: Api;
  let anon: (url: string) => Promise<LightMyRequestResponse>;
  beforeAll(async () => {
    t = await testApp(dialect);
    admin = await api(t, t.world.users.community_admin);
    staff = await api(t, t.world.users.community_staff);
    sub = await api(t, t.world.users.subdistrict_admin);
    adminB = await api(t, t.world.adminB);
    anon = (url) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  });
  afterAll(() => t.close());

  it('validates the month, the amounts, the items and the estate', async () => {
    const e = t.world.g1.estate.id;
    const put = (body: object) => admin.put('/fee-boards/drafts', { estateId: e, month: '2026-10', lines: sampleLines(), ...body });
    expect(errCode(await put({ month: '2026-13' }))).toBe('validation_failed');
    expect(errCode(await put({ month: '2026-12' }))).toBe('fee_board_month_future');
    expect(errCode(await put({ lines: [{ item: 'parking', collectedFen: -1, spentFen: 0 }] }))).toBe('validation_failed');
    expect(errCode(await put({ lines: [{ item: 'parking', collectedFen: 12.5, spentFen: 0 }] }))).toBe('validation_failed');
    expect(errCode(await put({ lines: [] }))).toBe('validation_failed');
    const dup = await put({ lines: [{ item: 'parking', collectedFen: 1, spentFen: 0 }, { item: 'parking', collectedFen: 2, spentFen: 0 }] });
    expect([dup.statusCode, errCode(dup)]).toEqual([400, 'fee_board_item_duplicate']);
    const others = ['电梯', '水箱', '绿化'].map((label) => ({ item: 'other', label, collectedFen: 1, spentFen: 1 }));
    expect(errCode(await put({ lines: others }))).toBe('fee_board_too_many_other');
    expect(errCode(await put({ estateId: t.world.g1.grid.id }))).toBe('fee_board_not_estate');
    // Another community's estate, and a place that does not exist, are the same 404.
    expect((await put({ estateId: t.world.gb.estate.id })).statusCode).toBe(404);
    expect((await put({ estateId: 'no-such-place' })).statusCode).toBe(404);
    expect(ok<FeeBoardList>(await admin.get('/fee-boards'), 'list').items).toEqual([]);
  });

  it('keeps one draft per estate and month, replaced whole, audited', async () => {
    const e = t.world.g2.estate.id;
    const first = await saveDraft(admin, e, '2026-09');
    expect(first).toMatchObject({ status: 'draft', revision: 1, estateName: '第二网格小区', communityName: '甲社区', contentHash: null });
    expect(first.totals).toEqual({ collectedFen: 2_848_450, spentFen: 1_925_940, balanceFen: 922_510 });
    expect(first.lines.map((l) => l.label)).toEqual(['物业费', '路灯费', '垃圾费', '用水量', '车辆停放', '电动车充电']);
    const again = await saveDraft(staff, e, '2026-09', [{ item: 'other', label: '电梯维保', collectedFen: 100, spentFen: 50 }, { item: 'parking', collectedFen: 300, spentFen: 0 }]);
    expect(again.id).toBe(first.id);
    expect(again.lines.map((l) => [l.item, l.label])).toEqual([['parking', '车辆停放'], ['other', '电梯维保']]);
    expect(ok<FeeBoardList>(await admin.get(`/fee-boards?estateId=${e}`), 'list').items.map((b) => b.id)).toEqual([first.id]);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', first.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['fee_board.draft_saved', 'fee_board.draft_saved']);
    // The subdistrict reads drafts; another community's admin does not see them at all.
    expect((await sub.get(`/fee-boards/${first.id}`)).statusCode).toBe(200);
    expect((await adminB.get(`/fee-boards/${first.id}`)).statusCode).toBe(404);
    expect(ok<FeeBoardList>(await adminB.get('/fee-boards'), 'list B').items).toEqual([]);
    expect((await sub.put('/fee-boards/drafts', { estateId: e, month: '2026-09', lines: sampleLines() })).statusCode).toBe(403);
    expect((await anon(`/public/fee-boards/${first.id}`)).statusCode).toBe(404);
    ok(await admin.del(`/fee-boards/${first.id}`), 'discard');
    expect((await admin.get(`/fee-boards/${first.id}`)).statusCode).toBe(404);
  });

  it('publishes with a hash of the canonical content, and corrects with a new revision', async () => {
    const e = t.world.g1.estate.id;
    const draft = await saveDraft(admin, e, '2026-10');
    const published = ok<FeeBoardView>(await admin.post(`/fee-boards/${draft.id}/publish`), 'publish');
    expect(published).toMatchObject({ status: 'published', revision: 1, publishedByName: '用户2', can: { edit: false, publish: false, correct: true } });
    expect(published.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(errCode(await admin.post(`/fee-boards/${draft.id}/publish`))).toBe('fee_board_not_draft');
    expect(errCode(await admin.del(`/fee-boards/${draft.id}`))).toBe('fee_board_not_draft');

    const pub = ok<PublicFeeBoardView>(await anon(`/public/fee-boards/${draft.id}`), 'public');
    expect(sha256Hex(pub.canonicalContent)).toBe(published.contentHash);
    expect(pub.publishedByName).toBe('用*');
    expect(JSON.parse(pub.canonicalContent)).toMatchObject({ format: 'gongzhi-fee-board/1', month: '2026-10', revision: 1, lines: [{ item: 'property_fee', collectedFen: 1_234_560 }, {}, {}, {}, {}, {}] });

    // A correction: the same estate and month opens revision 2, which needs a reason before it is published.
    t.clock.advanceMinutes(60);
    const fixed = sampleLines().map((l) => (l.item === 'parking' ? { ...l, collectedFen: 6_500_00 } : l));
    const correction = await saveDraft(admin, e, '2026-10', fixed);
    expect(correction).toMatchObject({ revision: 2, status: 'draft', supersedesId: draft.id });
    expect(errCode(await admin.post(`/fee-boards/${correction.id}/publish`))).toBe('fee_board_reason_required');
    await saveDraft(admin, e, '2026-10', fixed, '停车费漏记一个月租金 500 元');
    const second = ok<FeeBoardView>(await admin.post(`/fee-boards/${correction.id}/publish`), 'publish correction');
    expect(second.revisions.map((r) => [r.revision, r.status])).toEqual([[1, 'superseded'], [2, 'published']]);
    expect(second.contentHash).not.toBe(published.contentHash);

    // The old revision stays readable, with its hash unchanged, and points to the current one.
    const old = ok<PublicFeeBoardView>(await anon(`/public/fee-boards/${draft.id}`), 'old');
    expect(old).toMatchObject({ status: 'superseded', supersededById: correction.id, currentId: correction.id, contentHash: published.contentHash });
    expect(sha256Hex(old.canonicalContent)).toBe(published.contentHash);
    const cur = ok<PublicFeeBoardView>(await anon(`/public/fee-boards/${correction.id}`), 'current');
    expect(cur.correctionReason).toBe('停车费漏记一个月租金 500 元');
    expect(sha256Hex(cur.canonicalContent)).toBe(second.contentHash);

    const overview = ok<PublicFeeBoardEstates>(await anon(`/public/communities/${t.world.a.id}/fee-boards`), 'overview');
    expect(overview.communityName).toBe('甲社区');
    const g1 = overview.estates.find((x) => x.estateId === e)!;
    expect(g1.months).toEqual([{ id: correction.id, month: '2026-10', revision: 2, totals: { collectedFen: 2_898_450, spentFen: 1_925_940, balanceFen: 972_510 }, publishedAt: second.publishedAt }]);
    expect(overview.estates.map((x) => x.estateName)).toEqual(['第一网格小区', '第二网格小区']);
    expect((await anon(`/public/communities/${t.world.g1.grid.id}/fee-boards`)).statusCode).toBe(404);
    const actions = await t.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'fee_board').where('action', 'in', ['fee_board.published', 'fee_board.corrected']).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['fee_board.corrected', 'fee_board.published']);
  });

  it('blocks publishing text with personal data, naming the field and the masked number', async () => {
    const lines = sampleLines().map((l) => (l.item === 'garbage_fee' ? { ...l, note: '联系人 13812345678' } : l));
    const draft = await saveDraft(admin, t.world.g2.estate.id, '2026-08', lines);
    const res = await admin.post(`/fee-boards/${draft.id}/publish`);
    expect(res.statusCode).toBe(422);
    const body = res.json() as { error: { code: string; details: { findings: { field: string; kind: string; masked: string }[] } } };
    expect(body.error.code).toBe('fee_board_personal_data');
    expect(body.error.details.findings).toEqual([expect.objectContaining({ field: 'lines.2.note', kind: 'phone', masked: '138****5678' })]);
    expect(ok<FeeBoardView>(await admin.get(`/fee-boards/${draft.id}`), 'still draft').status).toBe('draft');
  });
});
