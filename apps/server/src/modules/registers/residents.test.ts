import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { count, errCode, idNumber, newHousehold, newResident, sessions, type Api, type ResidentDetail, type T } from './test/factories.js';

describe.each(dialects)('residents (%s)', (dialect) => {
  let t: T;
  let s: Awaited<ReturnType<typeof sessions>>;
  let householdId: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    s = await sessions(t);
    householdId = (await newHousehold(s.admin, t.world.g1.dwelling.id, { movedInOn: '2010-03-01' })).id;
  });
  afterAll(() => t.close());

  const detail = async (api: Api, id: string) => (await api.get(`/residents/${id}`)).json() as ResidentDetail;

  it('registers a resident in a household, deriving birth date and gender from the ID number, masked in every answer', async () => {
    const id = idNumber('1956-08-09', 'female', 1);
    const res = await s.admin.post('/residents', {
      name: '李秀英',
      idNumber: id.slice(0, 9) + ' ' + id.slice(9),
      phone: '13912345678',
      residencyStatus: 'permanent',
      ethnicity: '汉族',
      householdId,
      relation: 'householder',
      movedInOn: '2010-03-01',
      tags: [{ tag: 'living_alone' }],
    });
    expect(res.statusCode).toBe(201);
    const r = res.json() as ResidentDetail;
    expect(r).toMatchObject({
      name: '李秀英',
      gender: 'female',
      birthDate: '1956-08-09',
      idNumberMasked: `${id.slice(0, 3)}***********${id.slice(-4)}`,
      phoneMasked: '139****5678',
      relation: 'householder',
      placeId: t.world.g1.dwelling.id,
      placeLabel: '第一网格 第一网格小区 1栋 1单元 101室',
      tags: ['living_alone'],
      canEdit: true,
      canReveal: ['idNumber', 'phone'],
      hasAccount: false,
    });
    expect(r.history.map((h) => h.event)).toEqual(['registered']);
    for (const body of [res.body, (await s.admin.get(`/residents/${r.id}`)).body, (await s.admin.get('/residents')).body, (await s.admin.get(`/households/${householdId}`)).body]) {
      expect(body).not.toContain(id);
      expect(body).not.toContain('13912345678');
    }
    const household = (await s.admin.get(`/households/${householdId}`)).json() as { householderId: string; householderName: string; memberCount: number };
    expect(household).toMatchObject({ householderId: r.id, householderName: '李秀英', memberCount: 1 });
    // Stored encrypted: neither value appears in the row.
    const row = await t.deps.db.selectFrom('residents').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(id);
    expect(row.phone_tail).toBe('5678');
    expect(t.deps.vault.decrypt(row.id_number_cipher!)).toBe(id);
  });

  it('refuses a second householder, a contradicting birth date, a bad ID number and a taken one', async () => {
    const second = await s.admin.post('/residents', { name: '王强', residencyStatus: 'permanent', householdId, relation: 'householder' });
    expect([second.statusCode, errCode(second)]).toEqual([409, 'householder_exists']);
    const mismatch = await s.admin.post('/residents', { name: '王强', residencyStatus: 'permanent', communityId: t.world.a.id, idNumber: idNumber('1960-01-01', 'male', 2), birthDate: '1960-01-02' });
    expect([mismatch.statusCode, errCode(mismatch)]).toEqual([400, 'birth_date_mismatch']);
    const gender = await s.admin.post('/residents', { name: '王强', residencyStatus: 'permanent', communityId: t.world.a.id, idNumber: idNumber('1960-01-01', 'male', 2), gender: 'female' });
    expect(errCode(gender)).toBe('gender_mismatch');
    const bad = idNumber('1960-01-01', 'male', 2);
    const checksum = await s.admin.post('/residents', { name: '王强', residencyStatus: 'permanent', communityId: t.world.a.id, idNumber: bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1') });
    expect([checksum.statusCode, errCode(checksum), (checksum.json() as { error: { details: { reason: string } } }).error.details.reason]).toEqual([400, 'id_number_invalid', 'checksum']);
    const taken = await s.admin.post('/residents', { name: '冒名', residencyStatus: 'permanent', communityId: t.world.a.id, idNumber: idNumber('1956-08-09', 'female', 1) });
    expect([taken.statusCode, errCode(taken)]).toEqual([409, 'id_number_taken']);
    // Unique per community: the same person may be on another community's register.
    const elsewhere = await s.adminB.post('/residents', { name: '李秀英', residencyStatus: 'floating', communityId: t.world.b.id, idNumber: idNumber('1956-08-09', 'female', 1) });
    expect(elsewhere.statusCode).toBe(201);
    const noPlace = await s.admin.post('/residents', { name: '无处', residencyStatus: 'permanent' });
    expect(errCode(noPlace)).toBe('validation_failed');
    const relationAlone = await s.admin.post('/residents', { name: '无户', residencyStatus: 'permanent', communityId: t.world.a.id, relation: 'spouse' });
    expect(errCode(relationAlone)).toBe('relation_without_household');
    const dwellingAsCommunity = await s.admin.post('/residents', { name: '错位', residencyStatus: 'permanent', communityId: t.world.g1.dwelling.id });
    expect(dwellingAsCommunity.statusCode).toBe(404);
  });

  it('needs a recorded basis for a child under 14 and for sensitive tags, and records it as a consent', async () => {
    const child = { name: '李小宝', residencyStatus: 'permanent', householdId, relation: 'grandchild', idNumber: idNumber('2019-06-01', 'male', 4) };
    const refused = await s.admin.post('/residents', child);
    expect([refused.statusCode, errCode(refused)]).toEqual([400, 'basis_required']);
    const ok = await newResident(s.admin, { ...child, minorBasis: { basis: 'guardian_consent', detail: '祖母李秀英代为同意' } });
    expect(ok.consents.map((c) => [c.purpose, c.basis])).toEqual([['minor', 'guardian_consent']]);

    const noBasis = await s.admin.post('/residents', { name: '张残', residencyStatus: 'permanent', householdId, tags: [{ tag: 'disabled' }] });
    expect([noBasis.statusCode, errCode(noBasis)]).toEqual([400, 'basis_required']);
    const withBasis = await newResident(s.admin, { name: '张残', householdId, relation: 'child', tags: [{ tag: 'disabled', basis: 'consent', detail: '本人书面同意' }, { tag: 'veteran' }] });
    expect(withBasis.tags.sort()).toEqual(['disabled', 'veteran']);
    expect(withBasis.consents.map((c) => c.purpose)).toEqual(['tag:disabled']);
  });

  it('writes nothing when a later step of a create fails', async () => {
    const before = await Promise.all((['residents', 'consents', 'resident_tags', 'residence_history', 'audit_log'] as const).map((tb) => count(t, tb)));
    // Resident, consents and tags are written before the householder claim fails: all of it must roll back.
    const res = await s.admin.post('/residents', {
      name: '半截',
      residencyStatus: 'permanent',
      householdId,
      relation: 'householder',
      idNumber: idNumber('2018-02-02', 'female', 5),
      minorBasis: { basis: 'guardian_consent', detail: '监护人同意' },
      tags: [{ tag: 'chronic_illness', basis: 'consent', detail: '监护人同意' }],
    });
    expect([res.statusCode, errCode(res)]).toEqual([409, 'householder_exists']);
    const dup = await s.admin.post('/residents', { name: '重号', residencyStatus: 'permanent', householdId, idNumber: idNumber('1956-08-09', 'female', 1), tags: [{ tag: 'low_income', basis: 'legal_duty', detail: '低保名单' }] });
    expect(errCode(dup)).toBe('id_number_taken');
    const after = await Promise.all((['residents', 'consents', 'resident_tags', 'residence_history', 'audit_log'] as const).map((tb) => count(t, tb)));
    expect(after).toEqual(before);
  });

  it('edits a resident, re-deriving from a new ID number, with the change audited masked', async () => {
    const r = await newResident(s.staff, { name: '赵刚', communityId: t.world.a.id, phone: '13700001111' });
    expect(r.placeLabel).toBe('');
    const id = idNumber('1975-12-31', 'male', 6);
    const res = await s.staff.patch(`/residents/${r.id}`, { idNumber: id, name: '赵钢', phone: '13700002222' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '赵钢', birthDate: '1975-12-31', gender: 'male', phoneMasked: '137****2222' });
    expect(errCode(await s.staff.patch(`/residents/${r.id}`, { gender: 'female' }))).toBe('gender_mismatch');
    expect(errCode(await s.staff.patch(`/residents/${r.id}`, { idNumber: idNumber('1956-08-09', 'female', 1) }))).toBe('id_number_taken');
    expect(errCode(await s.staff.patch(`/residents/${r.id}`, { relation: 'spouse' }))).toBe('relation_without_household');
    // Becoming a child by a corrected birth date needs the child's basis first.
    const cleared = await s.staff.patch(`/residents/${r.id}`, { idNumber: null, birthDate: '2020-01-01' });
    expect(errCode(cleared)).toBe('basis_required');
    const log = await s.admin.get(`/audit-log?targetId=${r.id}`);
    const entries = (log.json() as { items: { action: string; after: Record<string, unknown> }[] }).items;
    expect(entries.map((e) => e.action).sort()).toEqual(['resident.created', 'resident.updated']);
    expect(log.body).not.toContain(id);
    expect(log.body).not.toContain('13700002222');
  });

  it('changes relations under the one-householder rule', async () => {
    const h = await newHousehold(s.admin, t.world.g2.dwelling.id);
    const a = await newResident(s.admin, { name: '钱一', householdId: h.id, relation: 'householder' });
    const b = await newResident(s.admin, { name: '钱二', householdId: h.id, relation: 'spouse' });
    expect(errCode(await s.admin.patch(`/residents/${b.id}`, { relation: 'householder' }))).toBe('householder_exists');
    expect((await s.admin.patch(`/residents/${a.id}`, { relation: 'spouse' })).statusCode).toBe(200);
    expect(((await s.admin.get(`/households/${h.id}`)).json() as { householderId: string | null }).householderId).toBeNull();
    expect((await s.admin.patch(`/residents/${b.id}`, { relation: 'householder' })).statusCode).toBe(200);
    const after = (await s.admin.get(`/households/${h.id}`)).json() as { householderId: string; householderName: string };
    expect(after).toMatchObject({ householderId: b.id, householderName: '钱二' });
    expect((await detail(s.admin, b.id)).history.map((e) => e.event)).toEqual(['registered', 'relation_changed']);
    // The household page names the householder; PATCH /households switches it and restates both relations.
    const switched = await s.admin.patch(`/households/${h.id}`, { householderId: a.id });
    expect(switched.json()).toMatchObject({ householderId: a.id, householderName: '钱一' });
    expect((await detail(s.admin, a.id)).relation).toBe('householder');
    expect((await detail(s.admin, b.id)).relation).toBeNull();
    const outsider = await newResident(s.admin, { name: '外人', communityId: t.world.a.id });
    expect(errCode(await s.admin.patch(`/households/${h.id}`, { householderId: outsider.id }))).toBe('householder_not_member');
  });

  it('records a resident leaving, and a return', async () => {
    const r = await newResident(s.admin, { name: '孙走', householdId, relation: 'child' });
    const bad = await s.admin.post(`/residents/${r.id}/leave`, { event: 'emigrated', onDate: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(errCode(await s.admin.post(`/residents/${r.id}/leave`, { event: 'moved_out', onDate: '2027-01-01' }))).toBe('date_invalid');
    const left = await s.admin.post(`/residents/${r.id}/leave`, { event: 'moved_out', onDate: '2026-10-01', note: '去外地工作' });
    expect(left.json()).toMatchObject({ status: 'moved_out', movedOutOn: '2026-10-01' });
    expect(errCode(await s.admin.post(`/residents/${r.id}/leave`, { event: 'deceased', onDate: '2026-10-02' }))).toBe('resident_not_living');
    const listed = (await s.admin.get('/residents?status=moved_out')).json() as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toContain(r.id);
    const back = await s.admin.post(`/residents/${r.id}/move`, { householdId, relation: 'child', onDate: '2026-11-01' });
    expect(back.json()).toMatchObject({ status: 'living', movedInOn: '2026-11-01', movedOutOn: null });
    expect((back.json() as ResidentDetail).history.map((h) => h.event)).toEqual(['registered', 'moved_out', 'returned']);
    const died = await s.admin.post(`/residents/${r.id}/leave`, { event: 'deceased', onDate: '2026-11-20' });
    expect(died.json()).toMatchObject({ status: 'deceased', deceasedOn: '2026-11-20' });
    expect(errCode(await s.admin.post(`/residents/${r.id}/move`, { householdId: null }))).toBe('resident_not_living');
  });

  it('answers nonsense with 4xx, never 5xx', async () => {
    const r = await newResident(s.admin, { name: '周测', communityId: t.world.a.id });
    const cases = [
      await s.admin.post('/residents', { name: '周', residencyStatus: 'permanent', communityId: t.world.a.id, birthDate: '2020-02-31' }),
      await s.admin.post('/residents', { name: '周', residencyStatus: 'permanent', communityId: t.world.a.id, tags: [{ tag: 'nonsense' }] }),
      await s.admin.post('/residents', { name: '周', residencyStatus: 'permanent', householdId: 'no-such-household' }),
      await s.admin.post('/residents', { name: '周', residencyStatus: 'permanent', communityId: t.world.a.id, birthDate: '2999-01-01' }),
      await s.admin.patch(`/residents/${r.id}`, {}),
      await s.admin.patch('/residents/no-such-one', { name: 'x' }),
      await s.admin.get('/residents?sort=password&order=sideways'),
      await s.admin.get('/residents?phoneTail=12ab'),
      await s.admin.get('/residents?idNumber=123'),
      await s.admin.post(`/residents/${r.id}/move`, { householdId: t.world.g1.dwelling.id }),
      await s.admin.del(`/residents/${r.id}/tags/not_a_tag`),
      await s.admin.post(`/residents/${r.id}/consents`, { purpose: 'tag:unknown_tag', basis: 'consent', detail: '同意' }),
      await s.admin.post(`/residents/${r.id}/consents/no-such-consent/withdraw`),
    ];
    const statuses = cases.map((c) => c.statusCode);
    expect(statuses.every((c) => c >= 400 && c < 500), statuses.join(',')).toBe(true);
    expect(cases[3]!.json()).toMatchObject({ error: { code: 'date_invalid' } });
  });
});
