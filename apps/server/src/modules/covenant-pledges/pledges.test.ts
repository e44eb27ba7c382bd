import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileView, MyPledgeView, PledgePage, PledgeView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, insertCovenant, ok, pledgesWorld, png, setPhase, type PW, type T } from './test/world.js';

describe.each(dialects)('covenant pledges (%s)', (dialect) => {
  let t: T;
  let w: PW;
  let cv: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await pledgesWorld(t);
    cv = (await insertCovenant(t, { communityId: t.world.a.id, phase: 'publication' })).id;
  });
  afterAll(() => t.close());

  it('takes an online pledge only in the pledging phase, for the signer’s own household, once', async () => {
    let mine = ok<MyPledgeView>(await w.resident.get(`/covenants/${cv}/pledges/mine`), 'mine');
    expect(mine).toMatchObject({ householdId: w.h.g1a.householdId, canSign: false, blocker: 'not_pledging', pledge: null, articleCount: 5 });
    let res = await w.resident.post(`/covenants/${cv}/pledges/mine`, { agree: true });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'wrong_phase']);

    await setPhase(t, cv, 'pledging');
    mine = ok<MyPledgeView>(await w.resident.get(`/covenants/${cv}/pledges/mine`), 'mine');
    expect(mine).toMatchObject({ canSign: true, blocker: null, address: '第一网格 第一网格小区 1栋 1单元 101室' });
    res = await w.resident.post(`/covenants/${cv}/pledges/mine`, { agree: false });
    expect(res.statusCode).toBe(400);
    const p = ok<PledgeView>(await w.resident.post(`/covenants/${cv}/pledges/mine`, { agree: true }), 'sign');
    expect(p).toMatchObject({ householdId: w.h.g1a.householdId, method: 'online', signerName: '张一', signedOn: '2026-11-25', revokedAt: null });

    res = await w.resident.post(`/covenants/${cv}/pledges/mine`, { agree: true });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'pledge_exists']);
    mine = ok<MyPledgeView>(await w.resident.get(`/covenants/${cv}/pledges/mine`), 'mine');
    expect(mine).toMatchObject({ canSign: false, blocker: 'already_pledged', pledge: { id: p.id } });
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('target_id', '=', p.id).execute();
    expect(audit).toEqual([{ action: 'covenant_pledge.signed', actor_user_id: t.world.users.resident }]);
  });

  it('refuses an account not linked to a resident (403) and hides the covenant from other communities (404)', async () => {
    const mine = ok<MyPledgeView>(await w.unverified.get(`/covenants/${cv}/pledges/mine`), 'mine');
    expect(mine).toMatchObject({ householdId: null, canSign: false, blocker: 'not_verified' });
    const res = await w.unverified.post(`/covenants/${cv}/pledges/mine`, { agree: true });
    expect([res.statusCode, errCode(res)]).toEqual([403, 'not_open_to_you']);
    expect((await w.adminB.get(`/covenants/${cv}/pledges/mine`)).statusCode).toBe(404);
    expect((await w.adminB.post(`/covenants/${cv}/pledges/mine`, { agree: true })).statusCode).toBe(404);
    expect((await w.resident.get(`/covenants/no-such-covenant/pledges/mine`)).statusCode).toBe(404);
  });

  it('records a paper pledge with a photo by a building leader in their building, and refuses one outside it', async () => {
    const photo = ok<FileView>(await w.uploadAsLeader(png('form'), '承诺书.png'), 'upload');
    const body = { householdId: w.h.g1b.householdId, signerName: '张二', signedOn: '2026-11-24', photoFileId: photo.id };
    const p = ok<PledgeView>(await w.leader.post(`/covenants/${cv}/pledges`, body), 'paper');
    expect(p).toMatchObject({ method: 'paper', signerName: '张二', signedOn: '2026-11-24', photoFileId: photo.id, recordedByName: '用户5', can: { revoke: true } });

    // The photo follows the pledge: those who follow the household's pledges load it, others get 404.
    expect((await w.leader.get(`/files/${photo.id}`)).statusCode).toBe(200);
    expect((await w.admin.get(`/files/${photo.id}`)).statusCode).toBe(200);
    expect((await w.grid.get(`/files/${photo.id}`)).statusCode).toBe(200);
    for (const other of [w.grid2, w.resident, w.adminB]) expect((await other.get(`/files/${photo.id}`)).statusCode).toBe(404);

    // Building 2 of the same grid and community B are outside the leader's places.
    for (const householdId of [w.h.g1b2.householdId, w.h.b.householdId]) {
      const res = await w.leader.post(`/covenants/${cv}/pledges`, { ...body, householdId, photoFileId: undefined });
      expect(res.statusCode).toBe(404);
    }
    // The same photo cannot be attached twice; a future date and a moved-out household are refused.
    let res = await w.admin.post(`/covenants/${cv}/pledges`, { ...body, householdId: w.h.g1c.householdId });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'file_unavailable']);
    res = await w.admin.post(`/covenants/${cv}/pledges`, { householdId: w.h.g1c.householdId, signerName: '张三', signedOn: '2026-11-26' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'pledge_signed_on_invalid']);
    res = await w.admin.post(`/covenants/${cv}/pledges`, { householdId: w.h.g1gone.householdId, signerName: '张四', signedOn: '2026-11-20' });
    expect([res.statusCode, errCode(res)]).toEqual([400, 'pledge_household_invalid']);
    res = await w.admin.post(`/covenants/${cv}/pledges`, { householdId: w.h.g1a.householdId, signerName: '张一', signedOn: '2026-11-20' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'pledge_exists']);
    // Nothing half-written: the refused attempts left no pledge behind.
    const count = await t.deps.db.selectFrom('covenant_pledges').select((eb) => eb.fn.countAll<number>().as('n')).where('covenant_id', '=', cv).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
    // Residents and the subdistrict do not record paper forms.
    expect((await w.resident.post(`/covenants/${cv}/pledges`, body)).statusCode).toBe(403);
    expect((await w.subdistrict.post(`/covenants/${cv}/pledges`, body)).statusCode).toBe(403);
  });

  it('revokes with a reason, keeps the record, and lets the household pledge again', async () => {
    const page = ok<PledgePage>(await w.admin.get(`/covenants/${cv}/pledges?method=paper`), 'list');
    const paper = page.items[0]!;
    expect(page.total).toBe(1);
    let res = await w.grid2.post(`/covenants/${cv}/pledges/${paper.id}/revoke`, { reason: '录入错误' });
    expect(res.statusCode).toBe(404);
    const revoked = ok<PledgeView>(await w.admin.post(`/covenants/${cv}/pledges/${paper.id}/revoke`, { reason: '录错了户' }), 'revoke');
    expect(revoked).toMatchObject({ revokeReason: '录错了户', can: { revoke: false } });
    expect(revoked.revokedAt).not.toBeNull();
    res = await w.admin.post(`/covenants/${cv}/pledges/${paper.id}/revoke`, { reason: '再撤一次' });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'pledge_revoked']);

    const again = ok<PledgeView>(await w.leader.post(`/covenants/${cv}/pledges`, { householdId: w.h.g1b.householdId, signerName: '张二', signedOn: '2026-11-25' }), 'again');
    expect(again.id).not.toBe(paper.id);
    const all = ok<PledgePage>(await w.admin.get(`/covenants/${cv}/pledges?includeRevoked=true`), 'all');
    expect(all.items.filter((i) => i.householdId === w.h.g1b.householdId).map((i) => i.revokedAt === null)).toEqual([true, false]);
    expect(ok<PledgePage>(await w.admin.get(`/covenants/${cv}/pledges`), 'standing').total).toBe(2);
  });

  it('lists pledges within the viewer’s places, with names masked outside the office', async () => {
    await w.staff.post(`/covenants/${cv}/pledges`, { householdId: w.h.g2a.householdId, signerName: '王一', signedOn: '2026-11-25' });
    const admin = ok<PledgePage>(await w.admin.get(`/covenants/${cv}/pledges`), 'admin');
    expect(admin.items.map((i) => i.signerName).sort()).toEqual(['张一', '张二', '王一']);
    const grid2 = ok<PledgePage>(await w.grid2.get(`/covenants/${cv}/pledges`), 'grid2');
    expect(grid2.items.map((i) => [i.householdId, i.signerName, i.can.revoke])).toEqual([[w.h.g2a.householdId, '王*', true]]);
    const leader = ok<PledgePage>(await w.leader.get(`/covenants/${cv}/pledges`), 'leader');
    expect(leader.items.map((i) => i.signerName).sort()).toEqual(['张*', '张二']);
    const byPlace = ok<PledgePage>(await w.admin.get(`/covenants/${cv}/pledges?placeId=${t.world.g2.grid.id}`), 'place');
    expect(byPlace.total).toBe(1);
    expect((await w.adminB.get(`/covenants/${cv}/pledges`)).statusCode).toBe(404);
    expect((await w.resident.get(`/covenants/${cv}/pledges`)).statusCode).toBe(403);
  });
});
