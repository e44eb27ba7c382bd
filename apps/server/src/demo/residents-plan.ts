import type { ConsentBasis, Relation, ResidencyStatus, ResidentTag } from '@gongzhi/shared';
import { addDays, ageOn, birthDateForAge, dateBetween, laterOf, yearsBefore } from './dates.js';
import type { HouseholdKind, HouseholdSketch, MemberSketch } from './household-shapes.js';
import { drawAddressIn, drawEthnicity, drawRegion, LOCAL_DISTRICT, type IdentityRegistry, type Origin, type Region } from './identity.js';
import { drawGivenName, type Gender } from './names.js';
import type { DwellingRef } from './places-plan.js';
import type { Random } from './prng.js';
import { planTags } from './tags-plan.js';

/** Why a sensitive record may be held: a consent row written with it. */
export interface ConsentPlan {
  basis: ConsentBasis;
  detail: string;
}

export interface PersonPlan {
  name: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  ethnicity: string;
  residencyStatus: ResidencyStatus;
  registeredAddress: string;
  relation: Relation;
  status: 'living' | 'moved_out' | 'deceased';
  movedInOn: string;
  movedOutOn: string | null;
  deceasedOn: string | null;
  /** Left on their own (moved away, died) while the household stayed; they remain in its register as such. */
  leftHousehold: boolean;
  tags: { tag: ResidentTag; consent: ConsentPlan | null }[];
  /** The guardian's consent every child under 14 needs. */
  minorConsent: ConsentPlan | null;
  note: string | null;
}

export interface HouseholdPlan {
  /** Index into the community's flattened dwellings. */
  dwelling: number;
  kind: HouseholdKind;
  status: 'active' | 'moved_out';
  movedInOn: string;
  movedOutOn: string | null;
  note: string | null;
  /** The householder first. */
  members: PersonPlan[];
}

export interface HouseholdContext {
  today: string;
  registry: IdentityRegistry;
  dwellings: DwellingRef[];
  /** "湖南省长沙市岳麓区双桂路街道五福桥社区": a permanent resident's registered address starts with it. */
  communityAddress: string;
}

function residencyOf(rng: Random, kind: HouseholdKind, headAge: number): ResidencyStatus {
  if (kind === 'single' || (kind === 'couple' && headAge < 36)) return rng.weighted<ResidencyStatus>([['permanent', 50], ['floating', 35], ['registered_elsewhere', 15]]);
  return rng.weighted<ResidencyStatus>([['permanent', 82], ['floating', 10], ['registered_elsewhere', 8]]);
}

function originOf(rng: Random, residency: ResidencyStatus): Origin {
  if (residency === 'permanent') return rng.weighted<Origin>([['local', 55], ['city', 20], ['province', 20], ['elsewhere', 5]]);
  if (residency === 'registered_elsewhere') return rng.weighted<Origin>([['city', 70], ['province', 30]]);
  return rng.weighted<Origin>([['province', 60], ['elsewhere', 40]]);
}

function hasPhone(rng: Random, age: number): boolean {
  if (age < 12) return false;
  if (age < 16) return rng.chance(0.35);
  return rng.chance(age >= 80 ? 0.65 : 0.97);
}

/** Turn a sketch into people: names, birth dates, ID numbers, phones, addresses, dates, tags and consents. */
export function realiseHousehold(rng: Random, ctx: HouseholdContext, sketch: HouseholdSketch, dwelling: number, residency?: ResidencyStatus): HouseholdPlan {
  const { today, registry } = ctx;
  const place = ctx.dwellings[dwelling]!;
  const head = sketch.members[0]!;
  residency ??= residencyOf(rng, sketch.kind, head.age);
  const headBirth = birthDateForAge(rng, today, head.age);
  // Floating households came recently; others any time after the building was finished and the head grew up.
  const earliest = laterOf(residency === 'floating' ? yearsBefore(today, 6) : `${place.builtYear}-06-01`, yearsBefore(headBirth, -20));
  const movedInOn = dateBetween(rng, laterOf(earliest, `${place.builtYear}-06-01`), addDays(today, -20));
  const homeRegion = drawRegion(rng, originOf(rng, residency));
  const hereAddress = `${ctx.communityAddress}${place.address}`;
  const homeAddress = residency === 'permanent' ? hereAddress : drawAddressIn(rng, homeRegion);

  const members: PersonPlan[] = [];
  for (const [i, m] of sketch.members.entries()) {
    const birthDate = i === 0 ? headBirth : birthDateForAge(rng, today, m.age);
    const born = m.relation === 'child' || m.relation === 'grandchild';
    let status: ResidencyStatus = residency;
    let region: Region;
    let registeredAddress = homeAddress;
    if (m.followedChild) {
      // Grandparents who came to look after the grandchildren keep their household registration back home.
      status = 'floating';
      region = drawRegion(rng, rng.chance(0.7) ? 'province' : 'elsewhere');
      registeredAddress = drawAddressIn(rng, region);
    } else if (born) region = residency === 'permanent' ? LOCAL_DISTRICT : homeRegion;
    else if (i === 0 || rng.chance(0.6)) region = homeRegion;
    else region = drawRegion(rng, originOf(rng, residency));
    const joined = m.followedChild || m.relation === 'child_in_law' ? dateBetween(rng, movedInOn, addDays(today, -20)) : movedInOn;
    const person: PersonPlan = {
      name: m.surname + drawGivenName(rng, m.gender, Number(birthDate.slice(0, 4))),
      gender: m.gender,
      birthDate,
      idNumber: registry.idNumber(rng, region, birthDate, m.gender),
      phone: null,
      ethnicity: i > 0 && born && rng.chance(0.9) ? members[0]!.ethnicity : drawEthnicity(rng),
      residencyStatus: status,
      registeredAddress,
      relation: m.relation,
      status: 'living',
      movedInOn: laterOf(joined, birthDate),
      movedOutOn: null,
      deceasedOn: null,
      leftHousehold: false,
      tags: [],
      minorConsent: null,
      note: null,
    };
    if (!departFrom(rng, person, m, today)) continue;
    if (person.status !== 'deceased' && hasPhone(rng, m.age)) person.phone = registry.phone(rng);
    members.push(person);
  }
  const household: HouseholdPlan = {
    dwelling,
    kind: sketch.kind,
    status: 'active',
    movedInOn,
    movedOutOn: null,
    note: residency === 'floating' && rng.chance(0.4) ? '租住' : null,
    members,
  };
  planTags(rng, household, today);
  return household;
}

/** Date a departure after moving in; false when there is no room for it (then the person is left out). */
function departFrom(rng: Random, person: PersonPlan, m: MemberSketch, today: string): boolean {
  if (!m.departed) return true;
  const from = laterOf(addDays(person.movedInOn, 60), m.departed === 'moved_out' ? yearsBefore(person.birthDate, -19) : yearsBefore(today, 8));
  const to = addDays(today, -15);
  if (from >= to) return false;
  const on = dateBetween(rng, from, to);
  person.status = m.departed;
  person.leftHousehold = true;
  if (m.departed === 'deceased') person.deceasedOn = on;
  else person.movedOutOn = on;
  return true;
}

/**
 * A household that lived at the dwelling before and moved out as a whole (its members are in the register as
 * moved out, still linked to it). `before` is the date the next household moved in, or today for an empty flat.
 */
export function realiseMovedOut(rng: Random, ctx: HouseholdContext, sketch: HouseholdSketch, dwelling: number, before: string): HouseholdPlan | null {
  const h = realiseHousehold(rng, ctx, sketch, dwelling);
  const movedOutOn = addDays(before, -rng.int(30, 400));
  if (movedOutOn <= addDays(h.movedInOn, 180)) return null;
  h.status = 'moved_out';
  h.movedOutOn = movedOutOn;
  h.note = null;
  h.members = h.members.filter((p) => !p.leftHousehold && p.movedInOn < movedOutOn);
  for (const p of h.members) {
    p.status = 'moved_out';
    p.movedOutOn = movedOutOn;
    p.tags = [];
    p.note = null;
    if (ageOn(p.birthDate, ctx.today) < 14) p.minorConsent ??= { basis: 'guardian_consent', detail: `监护人${h.members[0]!.name}同意登记未成年人信息` };
  }
  return h.members.length > 0 ? h : null;
}
