import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { planOrganisation, upsertOrganisation, upsertPartyMember, type OrganisationDraft, type PartyMemberDraft } from './index.js';
import { idNumberFor } from './test-factories.js';

type T = Awaited<ReturnType<typeof testApp>>;

/** The upserts the Excel import relies on: same rules as the API, idempotent by natural key, audited. */
describe.each(dialects)('upserts by natural key (%s)', (dialect) => {
  let t: T;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  const org = (o: Partial<OrganisationDraft>): OrganisationDraft => ({
    communityId: t.world.a.id,
    kind: 'property_company',
    name: '安居物业',
    partyLevel: null,
    parentId: null,
    placeId: null,
    creditCode: null,
    contactName: null,
    contactPhone: null,
    address: null,
    termStartOn: null,
    termEndOn: null,
    dualReportingOn: null,
    note: null,
    ...o,
  });
  const inTx = <R>(work: (trx: Db) => Promise<R>) => t.deps.db.transaction().execute((trx) => work(trx));

  it('creates an organisation, then finds it unchanged, then updates it, by community and name', async () => {
    const draft = org({ contactName: '物业经理', contactPhone: '13811112222', placeId: t.world.g1.estate.id });
    const first = await inTx((trx) => upsertOrganisation(t.deps, trx, null, draft));
    expect(first).toMatchObject({ outcome: 'created', problems: [] });
    expect((await inTx((trx) => upsertOrganisation(t.deps, trx, null, draft))).outcome).toBe('unchanged');
    const changed = await inTx((trx) => upsertOrganisation(t.deps, trx, null, { ...draft, contactName: '新经理' }));
    expect(changed).toMatchObject({ outcome: 'updated', id: first.id });
    const rows = await t.deps.db.selectFrom('organisations').select(['contact_name']).where('community_id', '=', t.world.a.id).where('name', '=', '安居物业').execute();
    expect(rows).toEqual([{ contact_name: '新经理' }]);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('target_id', '=', first.id!).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['organisation.created', 'organisation.updated']);
    expect(audit.map((a) => a.after_json).join()).not.toContain('13811112222');
  });

  it('reports every problem of a bad row and writes nothing', async () => {
    const bad = org({ name: '坏行', kind: 'residents_committee', placeId: t.world.gb.estate.id, termStartOn: '2024-01-01', termEndOn: '2030-01-01', partyLevel: 'branch' });
    const plan = await planOrganisation(t.deps, t.deps.db, bad);
    expect(plan.problems.map((p) => [p.code, p.field]).sort()).toEqual([
      ['organisation_place_invalid', 'placeId'],
      ['term_too_long', 'termEndOn'],
      ['validation_failed', 'partyLevel'],
    ]);
    const result = await inTx((trx) => upsertOrganisation(t.deps, trx, null, bad));
    expect(result.outcome).toBeNull();
    expect(await t.deps.db.selectFrom('organisations').select('id').where('name', '=', '坏行').executeTakeFirst()).toBeUndefined();
    const kindChange = await planOrganisation(t.deps, t.deps.db, org({ kind: 'social_org' }));
    expect(kindChange.problems.map((p) => p.field)).toEqual(['kind']);
  });

  it('creates, keeps and updates party members by ID number within the community', async () => {
    const branch = await inTx((trx) => upsertOrganisation(t.deps, trx, null, org({ name: '党支部', kind: 'party_org', partyLevel: 'branch' })));
    const idNumber = Array.from({ length: 200 }, (_, i) => idNumberFor('1972-02-02', 2 * i + 1)).find((n) => n.endsWith('X'))!;
    const member = (o: Partial<PartyMemberDraft> = {}): PartyMemberDraft => ({
      partyOrgId: branch.id!,
      residentId: null,
      name: '吕党员',
      gender: null,
      idNumber,
      phone: '13966667777',
      joinedOn: '1995-07-01',
      category: 'full',
      reporting: 'local',
      employer: null,
      reportedOn: null,
      status: 'active',
      ...o,
    });
    const a = t.world.a.id;
    const dry = await inTx((trx) => upsertPartyMember(t.deps, trx, null, a, member(), { dryRun: true }));
    expect(dry).toMatchObject({ outcome: 'created', id: null });
    expect(await t.deps.db.selectFrom('party_members').select('id').execute()).toEqual([]);
    const created = await inTx((trx) => upsertPartyMember(t.deps, trx, null, a, member()));
    expect(created.outcome).toBe('created');
    // The same row again, with the number's X typed in lower case, changes nothing.
    expect((await inTx((trx) => upsertPartyMember(t.deps, trx, null, a, member({ idNumber: idNumber.toLowerCase() })))).outcome).toBe('unchanged');
    const moved = await inTx((trx) => upsertPartyMember(t.deps, trx, null, a, member({ phone: '13966668888', reporting: 'employed', employer: '区医院', reportedOn: '2024-05-01' })));
    expect(moved).toMatchObject({ outcome: 'updated', id: created.id });
    const stored = await t.deps.db.selectFrom('party_members').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ gender: 'male', phone_tail: '8888', reporting: 'employed' });

    const noId = await inTx((trx) => upsertPartyMember(t.deps, trx, null, a, member({ idNumber: null })));
    expect(noId.problems.map((p) => p.field)).toEqual(['idNumber']);
    const wrongCommunity = await inTx((trx) => upsertPartyMember(t.deps, trx, null, t.world.b.id, member({ idNumber: idNumberFor('1972-02-02', 53) })));
    expect(wrongCommunity.problems.map((p) => [p.code, p.field])).toEqual([['not_found', 'partyOrgId']]);
    const employedWithout = await inTx((trx) => upsertPartyMember(t.deps, trx, null, a, member({ reporting: 'employed', employer: null, reportedOn: null })));
    expect(employedWithout.problems.map((p) => p.field)).toEqual(['employer', 'reportedOn']);
  });
});
