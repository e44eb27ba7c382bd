import { isSensitiveTag, MINOR_AGE, parseIdNumber, type ResidentTag } from '@gongzhi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppDeps } from '../deps.js';
import { createTestDeps, dialects } from '../test/dialects.js';
import { ageOn } from './dates.js';
import { BUILDING_LEADER_NAME, JUMIN_NAME } from './featured.js';
import { DEMO_PASSWORD, isEmpty, seedDemo, type SeedResult } from './seed-demo.js';

const today = '2026-11-25'; // the test clock's day

describe.each(dialects)('seedDemo (%s)', (dialect) => {
  let deps: AppDeps;
  let cleanup: () => Promise<void>;
  let result: SeedResult;
  beforeAll(async () => {
    ({ deps, cleanup } = await createTestDeps(dialect));
    expect(await isEmpty(deps)).toBe(true);
    result = await seedDemo(deps);
  });
  afterAll(() => cleanup?.());

  const count = async (table: 'households' | 'residents' | 'places' | 'requests', where?: [string, string]) => {
    let q = deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) q = q.where(where[0] as never, '=', where[1] as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('builds the demo community in seconds: 8 grids, 3,000 households, about 8,000 residents', async () => {
    expect(await isEmpty(deps)).toBe(false);
    // Generous: the machine running the tests may be busy; on an idle one this is 1–3 s.
    expect(result.seconds).toBeLessThan(40);
    expect(result.accounts.map((a) => a.username)).toEqual(['jiedao', 'shuji', 'shegong', 'wanggeyuan', 'loudongzhang', 'wuye', 'jumin']);
    expect(await count('places', ['kind', 'grid'])).toBe(8);
    expect(await count('places', ['kind', 'community'])).toBe(1);
    expect(await count('households', ['status', 'active'])).toBe(3000);
    const living = await count('residents', ['status', 'living']);
    expect(living).toBeGreaterThan(7700);
    expect(living).toBeLessThan(8300);
    expect(result.places).toBe(await count('places'));
    expect(result.residents).toBe(await count('residents'));
    // A year of requests, one per household (demo-requests.test.ts looks at them closely), and a trained model.
    expect(result.requests.requests).toBe(3000);
    expect(await count('requests')).toBe(3000);
    expect(result.requests.classifier!.accuracy).toBeGreaterThan(0.9);
  });

  it('keeps paths, householders and history as the registers do', async () => {
    const households = await deps.db.selectFrom('households').innerJoin('places', 'places.id', 'households.dwelling_id').select(['households.id', 'households.place_path', 'households.householder_id', 'households.community_id', 'places.path', 'places.kind', 'places.community_id as place_community']).execute();
    for (const h of households) {
      expect(h.kind).toBe('dwelling');
      expect(h.place_path).toBe(h.path);
      expect(h.community_id).toBe(h.place_community);
    }
    const residents = await deps.db.selectFrom('residents').select(['id', 'household_id', 'relation', 'place_path', 'status', 'birth_date']).execute();
    const byHousehold = new Map(households.map((h) => [h.id, h]));
    const heads = new Map<string, number>();
    for (const r of residents) {
      const h = byHousehold.get(r.household_id!)!;
      expect(r.place_path).toBe(h.place_path);
      if (r.relation === 'householder') heads.set(h.id, (heads.get(h.id) ?? 0) + 1);
    }
    for (const h of households) {
      expect(heads.get(h.id), h.id).toBe(1);
      expect(residents.find((r) => r.id === h.householder_id)?.relation).toBe('householder');
    }
    const history = await deps.db.selectFrom('residence_history').select(['resident_id', 'household_id', 'event']).execute();
    const registered = new Set(history.filter((e) => e.event === 'registered' && e.resident_id).map((e) => e.resident_id));
    expect(registered.size).toBe(residents.length);
    expect(history.filter((e) => e.event === 'registered' && !e.resident_id).length).toBe(households.length);
    for (const r of residents.filter((x) => x.status !== 'living')) {
      expect(history.some((e) => e.resident_id === r.id && e.event === r.status), r.id).toBe(true);
    }
  });

  it('encrypts ID numbers and phones with their blind indexes and keeps the phone tail', async () => {
    const rows = await deps.db.selectFrom('residents').select(['id_number_cipher', 'id_number_index', 'phone_cipher', 'phone_index', 'phone_tail', 'birth_date', 'gender']).limit(400).execute();
    for (const r of rows) {
      expect(r.id_number_cipher).not.toMatch(/^\d{17}/);
      const idNumber = deps.vault.decrypt(r.id_number_cipher!);
      const parsed = parseIdNumber(idNumber);
      expect(parsed.ok && parsed.facts.birthDate === r.birth_date && parsed.facts.gender === r.gender).toBe(true);
      expect(r.id_number_index).toBe(deps.vault.blindIndex('id_number', idNumber));
      if (r.phone_cipher) {
        const phone = deps.vault.decrypt(r.phone_cipher);
        expect(r.phone_index).toBe(deps.vault.blindIndex('phone', phone));
        expect(r.phone_tail).toBe(phone.slice(-4));
      } else expect(r.phone_index ?? r.phone_tail).toBeNull();
    }
  });

  it('rests every sensitive tag on an active consent for it, and every child under 14 on a guardian’s', async () => {
    const tags = await deps.db.selectFrom('resident_tags').leftJoin('consents', 'consents.id', 'resident_tags.consent_id').select(['resident_tags.resident_id', 'resident_tags.tag', 'consents.resident_id as consent_resident', 'consents.purpose', 'consents.withdrawn_at']).execute();
    const sensitive = tags.filter((t) => isSensitiveTag(t.tag as ResidentTag));
    expect(sensitive.length).toBeGreaterThan(100);
    for (const t of sensitive) {
      expect(t.purpose).toBe(`tag:${t.tag}`);
      expect(t.consent_resident).toBe(t.resident_id);
      expect(t.withdrawn_at).toBeNull();
    }
    const minors = (await deps.db.selectFrom('residents').select(['id', 'birth_date']).execute()).filter((r) => ageOn(r.birth_date!, today) < MINOR_AGE);
    expect(minors.length).toBeGreaterThan(300);
    const minorConsents = new Set((await deps.db.selectFrom('consents').select('resident_id').where('purpose', '=', 'minor').where('basis', '=', 'guardian_consent').execute()).map((c) => c.resident_id));
    for (const m of minors) expect(minorConsents.has(m.id), m.id).toBe(true);
  });

  it('links the demo accounts: 刘奶奶 to her record and family, the grid worker and building leader to their posts', async () => {
    const user = (username: string) => deps.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    const jumin = await user('jumin');
    const grandma = await deps.db.selectFrom('residents').selectAll().where('user_id', '=', jumin.id).executeTakeFirstOrThrow();
    expect(grandma.name).toBe(JUMIN_NAME);
    const family = await deps.db.selectFrom('residents').select(['name', 'relation', 'status']).where('household_id', '=', grandma.household_id).execute();
    expect(family.filter((m) => m.status === 'living').length).toBeGreaterThanOrEqual(3);
    expect(family.map((m) => m.relation)).toEqual(expect.arrayContaining(['householder', 'child', 'child_in_law', 'grandchild']));

    for (const [username, role, kind] of [['wanggeyuan', 'grid_worker', 'grid'], ['loudongzhang', 'building_leader', 'building']] as const) {
      const u = await user(username);
      const assignment = await deps.db.selectFrom('role_assignments').selectAll().where('user_id', '=', u.id).executeTakeFirstOrThrow();
      const post = await deps.db.selectFrom('memberships').innerJoin('places', 'places.id', 'memberships.place_id').select(['memberships.role', 'memberships.place_id', 'memberships.role_assignment_id', 'places.kind']).where('memberships.user_id', '=', u.id).executeTakeFirstOrThrow();
      expect(post).toEqual({ role, place_id: assignment.place_id, role_assignment_id: assignment.id, kind });
    }
    const leader = await deps.db.selectFrom('residents').select(['name', 'place_path']).where('user_id', '=', (await user('loudongzhang')).id).executeTakeFirstOrThrow();
    expect(leader.name).toBe(BUILDING_LEADER_NAME);
    const building = await deps.db.selectFrom('role_assignments').innerJoin('places', 'places.id', 'role_assignments.place_id').select('places.path').where('role_assignments.user_id', '=', (await user('loudongzhang')).id).executeTakeFirstOrThrow();
    expect(leader.place_path.startsWith(building.path)).toBe(true);

    // Every post that grants an account role has an account holding exactly that role (unclaimed for the generated ones).
    const granting = await deps.db.selectFrom('memberships').leftJoin('role_assignments', 'role_assignments.id', 'memberships.role_assignment_id').select(['memberships.role', 'memberships.user_id', 'memberships.place_id', 'role_assignments.role as granted', 'role_assignments.place_id as granted_at', 'role_assignments.user_id as granted_to']).where('memberships.role', 'in', ['grid_worker', 'building_leader']).execute();
    expect(granting.length).toBeGreaterThan(50);
    for (const g of granting) expect([g.granted, g.granted_at, g.granted_to]).toEqual([g.role, g.place_id, g.user_id]);
  });

  it('lets the demo accounts sign in with the demo password and see the registers through the API', async () => {
    const app = await buildApp(deps, { logger: false, webDir: null });
    try {
      const login = async (account: string) => {
        const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { account, password: DEMO_PASSWORD } });
        expect(res.statusCode, account).toBe(200);
        return { gz_session: res.cookies.find((c) => c.name === 'gz_session')!.value };
      };
      const me = await app.inject({ method: 'GET', url: '/api/v1/me/household', cookies: await login('jumin') });
      expect(me.statusCode).toBe(200);
      expect(me.json().members.length).toBeGreaterThanOrEqual(3);
      const grid = await app.inject({ method: 'GET', url: '/api/v1/residents?tag=party_member&limit=50', cookies: await login('wanggeyuan') });
      expect(grid.statusCode).toBe(200);
      expect(grid.json().items.length).toBeGreaterThan(10);
      for (const r of grid.json().items) expect(r.placeLabel.startsWith('第一网格')).toBe(true);
    } finally {
      await app.close();
    }
  });

  // Four small seeds, each training a classifier in a worker thread: longer than the default allows on a busy machine.
  it('opens deliberation with something to show: a topic in consultation, a decided one with its task, a meeting, a covenant draft', async () => {
    const topics = await deps.db.selectFrom('topics').select(['title', 'status']).orderBy('title').execute();
    expect(topics.map((t) => [t.title, t.status])).toEqual([['电动车集中充电棚选址', 'implementing'], ['老楼楼道加装扶手', 'on_agenda']]);
    expect(await deps.db.selectFrom('topic_tasks').select('title').execute()).toHaveLength(1);
    const meeting = await deps.db.selectFrom('deliberation_meeting_agenda').select('subject_kind').executeTakeFirstOrThrow();
    expect(meeting.subject_kind).toBe('topic');
    const covenant = await deps.db.selectFrom('covenants').select(['phase', 'title']).executeTakeFirstOrThrow();
    expect(covenant).toEqual({ phase: 'consultation', title: '五福桥社区居民公约' });
    expect(await deps.db.selectFrom('covenant_articles').select('id').execute()).toHaveLength(8);
  });

  it('plans several communities when asked, the accounts in the first only, the same every time', { timeout: 120_000 }, async () => {
    const { deps: more, cleanup: done } = await createTestDeps(dialect);
    const { deps: again, cleanup: doneAgain } = await createTestDeps(dialect);
    try {
      const r = await seedDemo(more, { communities: 2, households: 120, seed: 'small' });
      await seedDemo(again, { communities: 2, households: 120, seed: 'small' });
      // Same seed, same day: the same people, numbers, places, posts and requests (only ids and ciphertexts differ).
      expect(await snapshot(again)).toEqual(await snapshot(more));
      expect(r.accounts).toHaveLength(7);
      // The request history is the first community's, one request per household.
      expect(r.requests.requests).toBe(120);
      const communities = await more.db.selectFrom('places').select(['id', 'name']).where('kind', '=', 'community').orderBy('id').execute();
      expect(communities.map((c) => c.name)).toEqual(['五福桥社区', '双桂社区']);
      for (const c of communities) {
        const n = await more.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', c.id).where('status', '=', 'active').executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(120);
      }
    } finally {
      await done();
      await doneAgain();
    }
  });
});

/** The seeded content in creation order, decrypted, without ids: what must not change from one run to the next. */
async function snapshot(deps: AppDeps) {
  const residents = await deps.db
    .selectFrom('residents')
    .innerJoin('places', 'places.id', 'residents.community_id')
    .select(['places.name as community', 'residents.name', 'gender', 'birth_date', 'id_number_cipher', 'phone_cipher', 'relation', 'residents.status', 'residency_status', 'registered_address', 'moved_in_on', 'moved_out_on', 'deceased_on'])
    .orderBy('residents.id')
    .execute();
  const places = await deps.db.selectFrom('places').select(['kind', 'name']).orderBy('id').execute();
  const posts = await deps.db.selectFrom('memberships').select(['person_name', 'person_unit', 'role', 'start_on', 'end_on']).orderBy('id').execute();
  const tags = await deps.db.selectFrom('resident_tags').innerJoin('residents', 'residents.id', 'resident_tags.resident_id').select(['residents.name', 'tag']).orderBy('residents.id').orderBy('tag').execute();
  const requests = await deps.db
    .selectFrom('requests')
    .leftJoin('places', 'places.id', 'requests.place_id')
    .leftJoin('residents', 'residents.id', 'requests.resident_id')
    .select(['number', 'places.name as place', 'residents.name as resident', 'requests.kind', 'channel', 'urgency', 'text', 'requests.status', 'requests.created_at', 'replied_at', 'closed_at', 'rating', 'objection_count'])
    .orderBy('number')
    .execute();
  const steps = await deps.db.selectFrom('request_steps').innerJoin('requests', 'requests.id', 'request_steps.request_id').select(['number', 'action', 'actor_name', 'request_steps.created_at']).orderBy('number').orderBy('request_steps.created_at').orderBy('request_steps.id').execute();
  return {
    residents: residents.map(({ id_number_cipher, phone_cipher, ...r }) => ({ ...r, idNumber: deps.vault.decrypt(id_number_cipher!), phone: phone_cipher ? deps.vault.decrypt(phone_cipher) : null })),
    places,
    posts,
    tags,
    requests,
    steps,
  };
}
