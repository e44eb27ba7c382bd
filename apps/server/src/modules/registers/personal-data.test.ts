import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonExportView } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { errCode, idNumber, newHousehold, newResident, sessions, type ResidentDetail, type T } from './test/factories.js';

type AuditItems = { items: { action: string; actorUserId: string; after: Record<string, unknown> | null }[] };

describe.each(dialects)('personal data: reveal, consents, export, account (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  let r: ResidentDetail;
  const id = idNumber('1962-04-04', 'male', 20);
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    const h = await newHousehold(s.admin, t.world.g1.dwelling.id);
    r = await newResident(s.admin, { name: '何志明', householdId: h.id, relation: 'householder', idNumber: id, phone: '13698765432', tags: [{ tag: 'low_income', basis: 'legal_duty', detail: '民政部门低保名单' }] });
  });
  afterAll(() => t.close());

  it('reveals a field only with a purpose, to the roles allowed, and audits the purpose (never the value)', async () => {
    const noPurpose = await s.staff.post(`/residents/${r.id}/reveal`, { field: 'idNumber' });
    expect([noPurpose.statusCode, errCode(noPurpose)]).toEqual([400, 'validation_failed']);
    const shortPurpose = await s.staff.post(`/residents/${r.id}/reveal`, { field: 'idNumber', purpose: '看' });
    expect(shortPurpose.statusCode).toBe(400);
    const ok = await s.staff.post(`/residents/${r.id}/reveal`, { field: 'idNumber', purpose: '办理高龄津贴核对身份' });
    expect(ok.json()).toEqual({ field: 'idNumber', value: id });
    const phone = await s.grid.post(`/residents/${r.id}/reveal`, { field: 'phone', purpose: '上门走访前电话联系' });
    expect(phone.json()).toEqual({ field: 'phone', value: '13698765432' });
    // A grid worker calls residents but does not see ID numbers; a building leader reveals nothing.
    expect((await s.grid.post(`/residents/${r.id}/reveal`, { field: 'idNumber', purpose: '上门走访前核对' })).statusCode).toBe(403);
    expect((await s.leader.post(`/residents/${r.id}/reveal`, { field: 'phone', purpose: '楼栋通知联系' })).statusCode).toBe(403);
    expect((await s.adminB.post(`/residents/${r.id}/reveal`, { field: 'phone', purpose: '跨社区查看试试' })).statusCode).toBe(404);
    const log = await s.admin.get(`/audit-log?targetId=${r.id}&action=resident.reveal`);
    const items = (log.json() as AuditItems).items.filter((e) => e.action === 'resident.reveal');
    expect(items.map((e) => e.after)).toEqual(
      expect.arrayContaining([
        { field: 'idNumber', purpose: '办理高龄津贴核对身份' },
        { field: 'phone', purpose: '上门走访前电话联系' },
      ]),
    );
    expect(items).toHaveLength(2);
    expect(log.body).not.toContain(id);
    expect(log.body).not.toContain('13698765432');
  });

  it('adds and removes tags, with a basis for sensitive ones, and withdrawing a consent removes its tags', async () => {
    const refused = await s.admin.post(`/residents/${r.id}/tags`, { tag: 'religion' });
    expect([refused.statusCode, errCode(refused)]).toEqual([400, 'basis_required']);
    const added = (await s.admin.post(`/residents/${r.id}/tags`, { tag: 'religion', basis: 'consent', detail: '本人口头同意并签字' })).json() as ResidentDetail;
    expect(added.tags.sort()).toEqual(['low_income', 'religion']);
    expect((await s.admin.post(`/residents/${r.id}/tags`, { tag: 'elderly' })).json()).toMatchObject({ tags: ['elderly', 'low_income', 'religion'] });
    expect((await s.admin.del(`/residents/${r.id}/tags/elderly`)).json()).toMatchObject({ tags: ['low_income', 'religion'] });
    // Re-adding a sensitive tag rests on the consent still active for it.
    await s.admin.del(`/residents/${r.id}/tags/religion`);
    expect((await s.admin.post(`/residents/${r.id}/tags`, { tag: 'religion' })).statusCode).toBe(200);

    const religion = added.consents.find((c) => c.purpose === 'tag:religion')!;
    const withdrawn = (await s.admin.post(`/residents/${r.id}/consents/${religion.id}/withdraw`)).json() as ResidentDetail;
    expect(withdrawn.tags).toEqual(['low_income']);
    expect(withdrawn.consents.find((c) => c.id === religion.id)!.withdrawnAt).not.toBeNull();
    expect(errCode(await s.admin.post(`/residents/${r.id}/consents/${religion.id}/withdraw`))).toBe('consent_withdrawn');
    expect(errCode(await s.admin.post(`/residents/${r.id}/tags`, { tag: 'religion' }))).toBe('basis_required');

    // With a second basis for the same purpose, withdrawing one keeps the tag on the other.
    await s.admin.post(`/residents/${r.id}/consents`, { purpose: 'tag:low_income', basis: 'consent', detail: '本人同意' });
    const first = withdrawn.consents.find((c) => c.purpose === 'tag:low_income')!;
    expect(((await s.admin.post(`/residents/${r.id}/consents/${first.id}/withdraw`)).json() as ResidentDetail).tags).toEqual(['low_income']);
    const log = (await s.admin.get(`/audit-log?targetId=${r.id}`)).json() as AuditItems;
    expect(log.items.filter((e) => e.action === 'resident.consent_withdrawn').map((e) => e.after)).toEqual(expect.arrayContaining([{ removedTags: ['religion'] }, { removedTags: [] }]));
  });

  it('keeps a child under 14 from losing the last basis of their record', async () => {
    const child = await newResident(s.admin, { name: '何小', communityId: t.world.a.id, birthDate: '2018-03-03', minorBasis: { basis: 'guardian_consent', detail: '父亲何志明同意' } });
    const consent = child.consents[0]!;
    expect(errCode(await s.admin.post(`/residents/${child.id}/consents/${consent.id}/withdraw`))).toBe('basis_required');
    await s.admin.post(`/residents/${child.id}/consents`, { purpose: 'minor', basis: 'legal_duty', detail: '人口普查法定职责' });
    expect((await s.admin.post(`/residents/${child.id}/consents/${consent.id}/withdraw`)).statusCode).toBe(200);
  });

  it('exports everything held about one person, unmasked, to data officers only, audited', async () => {
    expect((await s.grid.post(`/residents/${r.id}/export`, { purpose: '居民申请查阅本人信息' })).statusCode).toBe(403);
    expect((await s.staff.post(`/residents/${r.id}/export`, {})).statusCode).toBe(400);
    expect((await s.adminB.post(`/residents/${r.id}/export`, { purpose: '居民申请查阅本人信息' })).statusCode).toBe(404);
    const res = await s.staff.post(`/residents/${r.id}/export`, { purpose: '居民申请查阅本人信息' });
    expect(res.statusCode).toBe(200);
    const out = res.json() as PersonExportView;
    expect(out.resident).toMatchObject({ name: '何志明', idNumber: id, phone: '13698765432', communityName: '甲社区', placeLabel: '第一网格 第一网格小区 1栋 1单元 101室' });
    expect(out.tags.map((x) => x.tag)).toEqual(['low_income']);
    expect(out.consents.length).toBeGreaterThanOrEqual(3);
    expect(out.history.map((h) => h.event)).toEqual(['registered']);
    expect(out.household).toMatchObject({ householderName: '何志明' });
    expect(out).toMatchObject({ purpose: '居民申请查阅本人信息', account: null, memberships: [], partyMemberships: [], corrections: [] });
    const log = (await s.admin.get(`/audit-log?targetId=${r.id}`)).json() as AuditItems;
    expect(log.items.find((e) => e.action === 'resident.export')).toMatchObject({ actorUserId: t.world.users.community_staff, after: { purpose: '居民申请查阅本人信息' } });
  });

  it('opens the resident an account linked to the record, with the phone when it is free', async () => {
    expect((await s.grid.post(`/residents/${r.id}/account`)).statusCode).toBe(403);
    const res = await s.staff.post(`/residents/${r.id}/account`);
    expect(res.statusCode).toBe(201);
    const { userId, claimCode } = res.json() as { userId: string; claimCode: { code: string; expiresAt: string } };
    expect(claimCode.code.length).toBeGreaterThan(4);
    expect(((await s.admin.get(`/residents/${r.id}`)).json() as ResidentDetail).hasAccount).toBe(true);
    expect(errCode(await s.staff.post(`/residents/${r.id}/account`))).toBe('account_exists');
    // The account signs in with the record's phone after claiming.
    const claim = await t.app.inject({ method: 'POST', url: '/api/v1/auth/claim', payload: { code: claimCode.code, password: 'Hezhiming2026' } });
    expect(claim.statusCode).toBe(200);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { account: '13698765432', password: 'Hezhiming2026' } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'gz_session')!;
    const mine = await t.app.inject({ url: '/api/v1/me/data', cookies: { gz_session: cookie.value } });
    expect(mine.json()).toMatchObject({ resident: { id: r.id, hasAccount: true, canEdit: false, canReveal: [] } });
    const user = await t.deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user.display_name).toBe('何志明');
    // A phone already used by another account stays off the new one.
    const twin = await newResident(s.admin, { name: '何双', communityId: t.world.a.id, phone: '13698765432' });
    const second = await s.staff.post(`/residents/${twin.id}/account`);
    expect(second.statusCode).toBe(201);
    const other = await t.deps.db.selectFrom('users').selectAll().where('id', '=', (second.json() as { userId: string }).userId).executeTakeFirstOrThrow();
    expect(other.phone_index).toBeNull();
  });
});
