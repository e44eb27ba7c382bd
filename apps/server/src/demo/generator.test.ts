import { isSensitiveTag, MINOR_AGE, parseIdNumber } from '@gongzhi/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountPeople } from './accounts.js';
import { planCommunity, type CommunityPlan, type PlanOptions } from './community-plan.js';
import { creditCodeCheckChar } from './credit-code.js';
import { ageOn } from './dates.js';
import { BUILDING_LEADER_NAME, JUMIN_NAME } from './featured.js';
import { IdentityRegistry } from './identity.js';
import { surnameOf } from './names.js';
import { planPlaces } from './places-plan.js';
import { Random } from './prng.js';

const today = '2026-11-25';
const demo: PlanOptions = { seed: 'gongzhi-demo', today, households: 3000, accounts: accountPeople };
const plan = (o: PlanOptions = demo, index = 0) => planCommunity(o, index, new IdentityRegistry());
const people = (p: CommunityPlan) => p.households.flatMap((h) => h.members);
const living = (p: CommunityPlan) => people(p).filter((m) => m.status === 'living');

describe('the demo generator (no database)', () => {
  let p: CommunityPlan;
  beforeAll(() => {
    p = plan();
  });

  it('is deterministic: the same seed gives the same community, another seed another one', () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(p));
    const other = plan({ ...demo, seed: 'another seed' });
    expect(people(other).map((m) => m.idNumber)).not.toEqual(people(p).map((m) => m.idNumber));
    const r1 = new Random('x');
    const r2 = new Random('x');
    expect(Array.from({ length: 5 }, () => r1.next())).toEqual(Array.from({ length: 5 }, () => r2.next()));
  });

  it('sizes the community as asked: 8 grids, 3,000 households, about 8,000 residents', () => {
    expect(p.grids).toHaveLength(8);
    expect(p.grids.slice(0, 4).map((g) => g.estates[0]!.name)).toEqual(['五福苑', '龙王港小区', '双桂小区', '格林小镇']);
    expect(p.households.filter((h) => h.status === 'active')).toHaveLength(3000);
    expect(living(p).length).toBeGreaterThan(7700);
    expect(living(p).length).toBeLessThan(8300);
    expect(p.dwellings.length).toBeGreaterThan(3000);
    // A few moved away or died, and kept in the register as such.
    expect(people(p).filter((m) => m.status === 'moved_out').length).toBeGreaterThan(20);
    expect(people(p).filter((m) => m.status === 'deceased').length).toBeGreaterThan(10);
    expect(p.households.filter((h) => h.status === 'moved_out').length).toBeGreaterThan(5);
  });

  it('names places as the place tree requires: siblings differ, and estates differ across the community', () => {
    // A community far larger than any real one still gets unique names (estates in later phases: 二期 …).
    const big = planPlaces(new Random('big'), 3, 60_000);
    expect(big.length).toBe(160);
    for (const grids of [p.grids, big]) {
      const estates = grids.flatMap((g) => g.estates.map((e) => e.name));
      expect(new Set(estates).size).toBe(estates.length);
      expect(new Set(grids.map((g) => g.name)).size).toBe(grids.length);
      for (const e of grids.flatMap((g) => g.estates)) {
        expect(new Set(e.buildings.map((b) => b.name)).size).toBe(e.buildings.length);
        for (const b of e.buildings) for (const en of b.entrances) expect(new Set(en.dwellings).size).toBe(en.dwellings.length);
      }
    }
    expect(big.flatMap((g) => g.estates).some((e) => e.name.endsWith('二期'))).toBe(true);
  });

  it('gives every person a valid ID number agreeing with their birth date and gender, and unique numbers', () => {
    const ids = new Set<string>();
    const phones = new Set<string>();
    for (const m of people(p)) {
      const parsed = parseIdNumber(m.idNumber, new Date(`${today}T12:00:00Z`));
      expect(parsed.ok, m.idNumber).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.facts.birthDate).toBe(m.birthDate);
      expect(parsed.facts.gender).toBe(m.gender);
      ids.add(m.idNumber);
      if (m.phone) {
        expect(m.phone).toMatch(/^1[3-9]\d{9}$/);
        phones.add(m.phone);
      }
    }
    expect(ids.size).toBe(people(p).length);
    expect(phones.size).toBe(people(p).filter((m) => m.phone).length);
    for (const pm of p.partyMembers) expect(parseIdNumber(pm.idNumber).ok).toBe(true);
  });

  it('never repeats an ID number or phone across the communities of one subdistrict', () => {
    const registry = new IdentityRegistry();
    const small = { ...demo, households: 400, accounts: null };
    const all = [0, 1, 2].flatMap((i) => people(planCommunity(small, i, registry)));
    expect(new Set(all.map((m) => m.idNumber)).size).toBe(all.length);
    expect(registry.counts.idNumbers).toBeGreaterThanOrEqual(all.length);
  });

  it('builds households with one householder, coherent relations and ages', () => {
    for (const h of p.households) {
      const heads = h.members.filter((m) => m.relation === 'householder');
      expect(heads).toHaveLength(1);
      expect(h.members[0]!.relation).toBe('householder');
      expect(h.members.filter((m) => m.relation === 'spouse').length).toBeLessThanOrEqual(1);
      expect(h.members.length - h.members.filter((m) => m.leftHousehold).length).toBeLessThanOrEqual(6);
      const head = ageOn(heads[0]!.birthDate, today);
      for (const m of h.members) {
        const age = ageOn(m.birthDate, today);
        if (m.relation === 'child') expect(head - age, `${h.kind} child`).toBeGreaterThanOrEqual(15);
        if (m.relation === 'grandchild') expect(head - age, `${h.kind} grandchild`).toBeGreaterThanOrEqual(36);
        if (m.relation === 'parent') expect(age - head, `${h.kind} parent`).toBeGreaterThanOrEqual(15);
        if (m.relation === 'spouse') expect(Math.abs(age - head)).toBeLessThanOrEqual(10);
        expect(m.movedInOn >= m.birthDate).toBe(true);
        expect(m.movedInOn <= today).toBe(true);
      }
    }
    // Some elderly live alone; the largest households have six people.
    const sizes = p.households.map((h) => h.members.filter((m) => !m.leftHousehold).length);
    expect(Math.max(...sizes)).toBe(6);
    expect(p.households.some((h) => h.kind === 'elder_alone')).toBe(true);
  });

  it('draws names like a Chinese city: common surnames lead, given names fit the generation', () => {
    const counts = new Map<string, number>();
    for (const m of living(p)) counts.set(surnameOf(m.name), (counts.get(surnameOf(m.name)) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
    expect(new Set(top)).toEqual(new Set(['王', '李', '张', '刘', '陈']));
    const given = (m: { name: string }) => m.name.slice(surnameOf(m.name).length);
    const young = living(p).filter((m) => m.birthDate >= '2009-01-01').map(given);
    const old = living(p).filter((m) => m.birthDate < '1950-01-01').map(given);
    expect(young).not.toContain('秀英');
    expect(young).not.toContain('建国');
    expect(old).not.toContain('子涵');
    expect(old).not.toContain('浩然');
    expect(old.some((g) => g === '秀英' || g === '桂兰' || g === '桂英')).toBe(true);
    const ethnicities = new Set(living(p).map((m) => m.ethnicity));
    expect(ethnicities.has('汉族')).toBe(true);
    expect(ethnicities.size).toBeGreaterThan(3);
    expect(living(p).filter((m) => m.ethnicity === '汉族').length / living(p).length).toBeGreaterThan(0.9);
  });

  it('tags as registers do, with a consent for every sensitive tag and every child under 14', () => {
    for (const m of people(p)) {
      const age = ageOn(m.birthDate, today);
      if (age < MINOR_AGE) expect(m.minorConsent?.basis, m.name).toBe('guardian_consent');
      for (const t of m.tags) {
        if (isSensitiveTag(t.tag)) expect(t.consent?.detail, `${m.name} ${t.tag}`).toBeTruthy();
        else expect(t.consent).toBeNull();
      }
      if (m.status !== 'living') expect(m.tags).toEqual([]);
      else expect(m.tags.some((t) => t.tag === 'elderly')).toBe(age >= 80);
    }
    const tags = new Set(living(p).flatMap((m) => m.tags.map((t) => t.tag)));
    for (const t of ['elderly', 'living_alone', 'party_member', 'veteran', 'disabled', 'low_income', 'chronic_illness'] as const) expect(tags.has(t), t).toBe(true);
    const mix = new Set(living(p).map((m) => m.residencyStatus));
    expect(mix).toEqual(new Set(['permanent', 'floating', 'registered_elsewhere']));
    expect(living(p).filter((m) => m.residencyStatus === 'permanent').length / living(p).length).toBeGreaterThan(0.6);
  });

  it('places the demo accounts’ people: 刘奶奶 with her family at the first dwelling, the building leader in her building', () => {
    const { jumin, buildingLeader } = p.featured!;
    const grandma = p.households[jumin.household]!;
    expect(grandma.members[jumin.member]!.name).toBe(JUMIN_NAME);
    expect(grandma.dwelling).toBe(0);
    expect(p.dwellings[0]!.address).toBe('五福苑1栋1单元101室');
    expect(grandma.members.filter((m) => m.status === 'living').length).toBeGreaterThanOrEqual(3);
    const leader = p.households[buildingLeader.household]!;
    expect(leader.members[buildingLeader.member]!.name).toBe(BUILDING_LEADER_NAME);
    const at = p.dwellings[leader.dwelling]!;
    expect([at.grid, at.estate, at.building]).toEqual([0, 0, 0]);
    const post = p.posts.find((m) => m.account === 'loudongzhang')!;
    expect(post.role).toBe('building_leader');
    expect(post.person).toEqual(buildingLeader);
    expect(p.posts.find((m) => m.account === 'wanggeyuan')).toMatchObject({ role: 'grid_worker', place: { kind: 'grid', grid: 0 } });
  });

  it('plans the organisations: a party committee with branches and groups, both committees with 5-year terms, and the rest', () => {
    const kinds = new Set(p.organisations.map((o) => o.kind));
    expect(kinds).toEqual(new Set(['party_org', 'residents_committee', 'supervision_committee', 'stationed_unit', 'property_company', 'owners_committee', 'social_org']));
    const levels = p.organisations.filter((o) => o.kind === 'party_org').map((o) => o.partyLevel);
    expect(new Set(levels)).toEqual(new Set(['committee', 'general_branch', 'branch', 'group']));
    const committee = p.organisations.find((o) => o.partyLevel === 'committee')!;
    expect(committee.members.map((m) => m.role)).toEqual(expect.arrayContaining(['secretary', 'deputy_secretary', 'committee_member', 'part_time_member']));
    expect(committee.members.find((m) => m.role === 'part_time_member')!.personUnit).toMatch(/小学|幼儿园/);
    for (const o of p.organisations.filter((x) => x.kind === 'residents_committee' || x.kind === 'supervision_committee')) {
      expect(o.termStartOn! <= today && o.termEndOn! > today).toBe(true);
      expect(Number(o.termEndOn!.slice(0, 4)) - Number(o.termStartOn!.slice(0, 4))).toBe(5);
    }
    for (const o of p.organisations.filter((x) => x.creditCode)) expect(o.creditCode!.slice(-1)).toBe(creditCodeCheckChar(o.creditCode!.slice(0, 17)));
    expect(p.partyMembers.some((m) => m.reporting === 'employed' && m.person === null)).toBe(true);
    expect(p.partyMembers.some((m) => m.reporting === 'local')).toBe(true);
    for (const m of p.partyMembers) {
      expect(m.joinedOn <= today).toBe(true);
      if (m.reporting === 'employed') expect(m.employer && m.reportedOn).toBeTruthy();
    }
    // A grid worker per grid and a building leader for (nearly) every building.
    expect(p.posts.filter((m) => m.role === 'grid_worker')).toHaveLength(8);
    const buildings = p.grids.flatMap((g) => g.estates.flatMap((e) => e.buildings)).length;
    expect(p.posts.filter((m) => m.role === 'building_leader').length).toBeGreaterThan(buildings * 0.9);
  });
});
