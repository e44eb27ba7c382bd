import { TERM_YEARS, type MembershipRole, type OrganisationKind, type PartyLevel } from '@gongzhi/shared';
import { drawCreditCode, type CreditKind } from './credit-code.js';
import { addDays, dateBetween, yearsBefore } from './dates.js';
import { LOCAL_DISTRICT, type IdentityRegistry } from './identity.js';
import { drawName } from './names.js';
import type { PeoplePool, PersonRef, PoolEntry } from './people-pool.js';
import { chineseNumber, type GridPlan } from './places-plan.js';
import type { Random } from './prng.js';

/** Where an organisation works or a post is held: the community, or a grid / estate / building of it. */
export type PlaceRef = { kind: 'community' } | { kind: 'grid'; grid: number } | { kind: 'estate'; grid: number; estate: number } | { kind: 'building'; grid: number; estate: number; building: number };

/** The demo accounts a post can belong to (community 0 of the default demo). */
export type AccountKey = 'shuji' | 'shegong' | 'wanggeyuan' | 'loudongzhang' | 'wuye';

export interface MembershipPlan {
  role: MembershipRole;
  /** A resident of this community, or null for someone from outside (with a name and a unit). */
  person: PersonRef | null;
  account: AccountKey | null;
  personName: string;
  personUnit: string | null;
  place: PlaceRef | null;
  startOn: string;
  endOn: string | null;
}

export interface OrganisationPlan {
  key: string;
  kind: OrganisationKind;
  partyLevel: PartyLevel | null;
  parentKey: string | null;
  name: string;
  place: PlaceRef;
  creditCode: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  termStartOn: string | null;
  termEndOn: string | null;
  dualReportingOn: string | null;
  note: string | null;
  members: MembershipPlan[];
}

/** The people the demo accounts stand for, when the community has them. */
export interface AccountPeople {
  secretary: { account: 'shuji'; name: string };
  deputy: { account: 'shegong'; name: string };
  gridWorker: { account: 'wanggeyuan'; name: string };
  propertyContact: { account: 'wuye'; name: string };
}

export interface OrgContext {
  rng: Random;
  today: string;
  registry: IdentityRegistry;
  pool: PeoplePool;
  grids: GridPlan[];
  communityName: string;
  accounts: AccountPeople | null;
}

const shortName = (community: string) => community.replace(/社区$/, '');
const member = (role: MembershipRole, e: PoolEntry, startOn: string, endOn: string | null = null, place: PlaceRef | null = null): MembershipPlan => ({
  role,
  person: e.ref,
  account: null,
  personName: e.person.name,
  personUnit: null,
  place,
  startOn,
  endOn,
});
const outsider = (role: MembershipRole, name: string, unit: string | null, startOn: string, endOn: string | null = null, account: AccountKey | null = null): MembershipPlan => ({
  role,
  person: null,
  account,
  personName: name,
  personUnit: unit,
  place: null,
  startOn,
  endOn,
});

/** Elected bodies serve five years; the current term began in the spring of the last election year. */
export function currentTerm(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4));
  const electionYear = year - ((year - 2021) % TERM_YEARS + TERM_YEARS) % TERM_YEARS;
  const start = `${electionYear}-04-18`;
  const s = start > today ? `${electionYear - TERM_YEARS}-04-18` : start;
  return { start: s, end: addDays(yearsBefore(s, -TERM_YEARS), -1) };
}

/**
 * The organisations of one community: the party committee with its general branches, branches and groups; the
 * residents' and supervision committees (five-year terms); stationed units, property companies, owners'
 * committees and social organisations, each with a contact and members.
 */
export function planOrganisations(ctx: OrgContext): OrganisationPlan[] {
  const { rng, today, pool, grids } = ctx;
  const C = ctx.communityName;
  const short = shortName(C);
  const term = currentTerm(today);
  const since = () => dateBetween(rng, yearsBefore(today, 6), addDays(today, -30));
  const adult = (min: number, max: number) => (e: PoolEntry) => e.age >= min && e.age <= max;
  const party = (e: PoolEntry) => e.partyMember;
  const outsiderName = () => drawName(rng, rng.chance(0.5) ? 'male' : 'female', rng.int(1966, 1995));
  const landline = () => `0731-8${rng.int(1000000, 9999999)}`;
  const address = () => `${LOCAL_DISTRICT.address}${short}路${rng.int(1, 299)}号`;
  const orgs: OrganisationPlan[] = [];
  const add = (o: Partial<OrganisationPlan> & Pick<OrganisationPlan, 'key' | 'kind' | 'name'>): OrganisationPlan => {
    const full: OrganisationPlan = {
      partyLevel: null, parentKey: null, place: { kind: 'community' }, creditCode: null, contactName: null, contactPhone: null, address: null,
      termStartOn: null, termEndOn: null, dualReportingOn: null, note: null, members: [], ...o,
    };
    orgs.push(full);
    return full;
  };
  const code = (kind: CreditKind) => drawCreditCode(rng, kind, LOCAL_DISTRICT.code);

  // Stationed units first: the party committee's part-time members come from them (共驻共建).
  const unitNames = [`${short}小学`, `${short}幼儿园`, `${short}社区卫生服务站`, `岳麓区${short}供电所`, `长沙${short}科技有限公司`];
  const units = unitNames.map((name, i) => {
    const contactName = outsiderName();
    const unit = add({
      key: `unit${i}`, kind: 'stationed_unit', name, creditCode: code(i === 4 ? 'company' : 'institution'), contactName, contactPhone: landline(), address: address(),
      dualReportingOn: i < 3 ? dateBetween(rng, yearsBefore(today, 4), addDays(today, -60)) : null,
    });
    unit.members.push(outsider('contact', contactName, name, since()));
    return unit;
  });

  const committee = add({ key: 'party', kind: 'party_org', partyLevel: 'committee', name: `${C}党委` });
  const secretary = ctx.accounts ? outsider('secretary', ctx.accounts.secretary.name, null, term.start, null, 'shuji') : outsider('secretary', outsiderName(), null, term.start);
  committee.members.push(secretary);
  committee.members.push(ctx.accounts ? outsider('deputy_secretary', ctx.accounts.deputy.name, null, term.start, null, 'shegong') : outsider('deputy_secretary', outsiderName(), null, term.start));
  for (let i = 0; i < 3; i++) {
    const e = pool.draw(rng, (x) => party(x) && adult(28, 65)(x));
    if (e) committee.members.push(member('committee_member', e, term.start));
  }
  for (const unit of units.slice(0, 2)) committee.members.push(outsider('part_time_member', outsiderName(), unit.name, term.start));

  const generals = Math.ceil(grids.length / 4);
  for (let g = 0; g < generals; g++) {
    const gb = add({ key: `general${g}`, kind: 'party_org', partyLevel: 'general_branch', parentKey: 'party', name: `第${chineseNumber(g + 1)}党总支` });
    const s = pool.draw(rng, (x) => party(x) && adult(30, 70)(x), { grid: g * 4 });
    if (s) gb.members.push(member('secretary', s, term.start));
  }
  for (let b = 0; b * 2 < grids.length; b++) {
    const branch = add({ key: `branch${b}`, kind: 'party_org', partyLevel: 'branch', parentKey: `general${Math.floor(b / 2)}`, name: `第${chineseNumber(b + 1)}党支部` });
    const s = pool.draw(rng, (x) => party(x) && adult(30, 70)(x), { grid: b * 2 });
    if (s) branch.members.push(member('secretary', s, term.start));
    for (const g of [b * 2, b * 2 + 1].filter((x) => x < grids.length)) {
      add({ key: `group${g}`, kind: 'party_org', partyLevel: 'group', parentKey: branch.key, name: `${grids[g]!.name}党小组`, place: { kind: 'grid', grid: g } });
    }
  }
  const retired = add({ key: 'retired', kind: 'party_org', partyLevel: 'branch', parentKey: 'party', name: '离退休党支部' });
  const rs = pool.draw(rng, (x) => party(x) && adult(66, 85)(x));
  if (rs) retired.members.push(member('secretary', rs, term.start));

  const rc = add({ key: 'rc', kind: 'residents_committee', name: `${C}居民委员会`, termStartOn: term.start, termEndOn: term.end });
  // 书记、主任“一肩挑”: the party secretary chairs the residents' committee, as most communities now do.
  rc.members.push({ ...secretary, role: 'chair', endOn: term.end });
  rc.members.push(ctx.accounts ? outsider('vice_chair', ctx.accounts.deputy.name, null, term.start, term.end, 'shegong') : outsider('vice_chair', outsiderName(), null, term.start, term.end));
  const vice = pool.draw(rng, adult(30, 60));
  if (vice) rc.members.push(member('vice_chair', vice, term.start, term.end));
  for (let i = 0; i < 4; i++) {
    const e = pool.draw(rng, adult(28, 62));
    if (e) rc.members.push(member('committee_member', e, term.start, term.end));
  }

  const sc = add({ key: 'sc', kind: 'supervision_committee', name: `${C}居务监督委员会`, termStartOn: term.start, termEndOn: term.end });
  const scChair = pool.draw(rng, (x) => party(x) && adult(40, 70)(x));
  if (scChair) sc.members.push(member('chair', scChair, term.start, term.end));
  for (let i = 0; i < 3; i++) {
    const e = pool.draw(rng, adult(35, 72));
    if (e) sc.members.push(member('member', e, term.start, term.end));
  }

  planEstateOrganisations(ctx, add, code, outsiderName, landline, address, since);
  planSocialOrganisations(ctx, add, code, since);
  return orgs;
}

type Add = (o: Partial<OrganisationPlan> & Pick<OrganisationPlan, 'key' | 'kind' | 'name'>) => OrganisationPlan;

/** Property companies (one for about three estates) and owners' committees for the newer estates. */
function planEstateOrganisations(ctx: OrgContext, add: Add, code: (k: CreditKind) => string, outsiderName: () => string, landline: () => string, address: () => string, since: () => string) {
  const { rng, today, pool, grids } = ctx;
  const estates = grids.flatMap((g, gi) => g.estates.map((e, ei) => ({ grid: gi, estate: ei, name: e.name, builtYear: e.builtYear })));
  const companyWords = ['金桂', '湘居', '顺心', '安泰', '润家', '康居', '和顺', '佳美'];
  for (let c = 0; c * 3 < estates.length; c++) {
    const served = estates.slice(c * 3, c * 3 + 3);
    const name = `长沙${companyWords[c % companyWords.length]}${c >= companyWords.length ? chineseNumber(Math.floor(c / companyWords.length) + 1) : ''}物业服务有限公司`;
    const useAccount = c === 0 && ctx.accounts !== null;
    const contactName = useAccount ? ctx.accounts!.propertyContact.name : outsiderName();
    const company = add({
      key: `property${c}`, kind: 'property_company', name, place: { kind: 'estate', grid: served[0]!.grid, estate: served[0]!.estate }, creditCode: code('company'),
      contactName, contactPhone: landline(), address: address(), note: `服务小区：${served.map((e) => e.name).join('、')}`,
    });
    company.members.push(outsider('contact', contactName, name, since(), null, useAccount ? 'wuye' : null));
  }
  // Owners' committees exist where owners organised: the newer, larger estates.
  const newer = [...estates].sort((a, b) => b.builtYear - a.builtYear || a.grid - b.grid).slice(0, Math.max(1, Math.round(estates.length / 5)));
  for (const [i, e] of newer.entries()) {
    const start = dateBetween(rng, yearsBefore(today, 4), addDays(today, -90));
    const end = addDays(yearsBefore(start, -5), -1);
    const oc = add({ key: `owners${i}`, kind: 'owners_committee', name: `${e.name}业主委员会`, place: { kind: 'estate', grid: e.grid, estate: e.estate }, termStartOn: start, termEndOn: end });
    const inEstate = (x: PoolEntry) => x.dwelling.grid === e.grid && x.dwelling.estate === e.estate && x.age >= 30 && x.age <= 70;
    const roles: MembershipRole[] = ['chair', 'vice_chair', 'committee_member', 'committee_member', 'committee_member'];
    for (const role of roles) {
      const m = pool.draw(rng, inEstate, { grid: e.grid });
      if (m) oc.members.push(member(role, m, start, end));
    }
  }
}

/** Social organisations the community fosters, each with a contact and some members or volunteers. */
function planSocialOrganisations(ctx: OrgContext, add: Add, code: (k: CreditKind) => string, since: () => string) {
  const { rng, pool } = ctx;
  const short = shortName(ctx.communityName);
  const socials: { name: string; registered: CreditKind | null; role: MembershipRole; count: number; test: (e: PoolEntry) => boolean }[] = [
    { name: `${short}志愿者协会`, registered: 'social_group', role: 'volunteer', count: Math.max(6, Math.round(pool.all.length / 160)), test: (e) => e.age >= 16 && e.age <= 75 },
    { name: '夕阳红合唱团', registered: null, role: 'member', count: 12, test: (e) => e.age >= 55 && e.age <= 80 },
    { name: `${short}社会工作服务站`, registered: 'non_profit', role: 'member', count: 3, test: (e) => e.age >= 25 && e.age <= 50 },
    { name: '邻里和事佬调解工作室', registered: null, role: 'member', count: 5, test: (e) => e.age >= 50 && e.age <= 75 },
    { name: '书香读书会', registered: null, role: 'member', count: 8, test: (e) => e.age >= 18 && e.age <= 70 },
  ];
  socials.forEach((s, i) => {
    const contact = pool.draw(rng, (e) => e.age >= 30 && e.age <= 65 && e.person.phone !== null);
    const org = add({
      key: `social${i}`, kind: 'social_org', name: s.name, creditCode: s.registered ? code(s.registered) : null,
      contactName: contact?.person.name ?? null, contactPhone: contact?.person.phone ?? null, note: s.registered ? null : '社区备案的社区社会组织',
    });
    if (contact) org.members.push(member('contact', contact, since()));
    for (let k = 0; k < s.count; k++) {
      const m = pool.draw(rng, s.test);
      if (m) org.members.push(member(s.role, m, since()));
    }
  });
}
