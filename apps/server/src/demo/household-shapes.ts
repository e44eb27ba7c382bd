import type { Relation } from '@gongzhi/shared';
import { drawSurname, type Gender } from './names.js';
import { WeightedTable, type Random } from './prng.js';

/** One member of a household before names, dates and numbers are drawn: who they are to the householder. */
export interface MemberSketch {
  relation: Relation;
  gender: Gender;
  age: number;
  surname: string;
  /** A grandparent who followed their child to the city (随迁老人). */
  followedChild?: boolean;
  /** Someone who belonged here and left: an adult child who moved away, a spouse who died. */
  departed?: 'moved_out' | 'deceased';
}

export type HouseholdKind =
  | 'elder_alone'
  | 'single'
  | 'elder_couple'
  | 'couple'
  | 'single_parent'
  | 'elder_with_child'
  | 'family'
  | 'family_with_grandparents'
  | 'three_generations';

export interface HouseholdSketch {
  kind: HouseholdKind;
  members: MemberSketch[];
}

/**
 * Household sizes as in a Chinese city (2020 census: about 2.6 people per household): many one- and two-person
 * households (elderly couples, people living alone), fewer large ones.
 */
const sizes = new WeightedTable<number>([[1, 21], [2, 29], [3, 25], [4, 14], [5, 7.5], [6, 3.5]]);
const kindsBySize: Record<number, WeightedTable<HouseholdKind>> = {
  1: new WeightedTable<HouseholdKind>([['elder_alone', 45], ['single', 55]]),
  2: new WeightedTable<HouseholdKind>([['elder_couple', 42], ['couple', 30], ['single_parent', 16], ['elder_with_child', 12]]),
  3: new WeightedTable<HouseholdKind>([['family', 78], ['family_with_grandparents', 10], ['elder_with_child', 12]]),
  4: new WeightedTable<HouseholdKind>([['family', 55], ['family_with_grandparents', 25], ['three_generations', 20]]),
  5: new WeightedTable<HouseholdKind>([['family_with_grandparents', 65], ['three_generations', 35]]),
  6: new WeightedTable<HouseholdKind>([['family_with_grandparents', 50], ['three_generations', 50]]),
};

const otherGender = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');
const childGender = (rng: Random): Gender => (rng.chance(0.51) ? 'male' : 'female');
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
/** A wife is usually a little younger than her husband. */
const wifeAge = (rng: Random, husband: number) => clamp(husband - rng.weighted([[-2, 1], [-1, 2], [0, 3], [1, 4], [2, 4], [3, 3], [4, 2], [5, 1]]), 20, 99);
/** Mothers have children between about 22 and 36 (a young mother's child is young, never unborn). */
const childAge = (rng: Random, mother: number) => Math.max(0, mother - rng.int(22, clamp(mother, 22, 36)));

/** A couple as [husband, wife] with the householder first (the husband three times in four). */
function couple(rng: Random, husbandAge: number): [MemberSketch, MemberSketch] {
  const husband: MemberSketch = { relation: 'householder', gender: 'male', age: husbandAge, surname: drawSurname(rng) };
  const wife: MemberSketch = { relation: 'spouse', gender: 'female', age: wifeAge(rng, husbandAge), surname: drawSurname(rng) };
  if (rng.chance(0.25)) {
    husband.relation = 'spouse';
    wife.relation = 'householder';
    return [wife, husband];
  }
  return [husband, wife];
}

const husbandOf = (pair: MemberSketch[]) => pair.find((m) => m.gender === 'male')!;
const wifeOf = (pair: MemberSketch[]) => pair.find((m) => m.gender === 'female')!;

/** Children of a couple, `count` of them, at least `minAge` old (so the shapes stay plausible). */
function children(rng: Random, pair: MemberSketch[], count: number, minAge = 0): MemberSketch[] {
  const surname = rng.chance(0.95) ? husbandOf(pair).surname : wifeOf(pair).surname;
  const out: MemberSketch[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ relation: 'child', gender: childGender(rng), age: Math.max(minAge, childAge(rng, wifeOf(pair).age) - i * rng.int(0, 4)), surname });
  }
  return out;
}

/** The householder's (or the spouse's) parents, one or both, 22–35 years older. */
function grandparents(rng: Random, pair: MemberSketch[], count: number): MemberSketch[] {
  const head = pair.find((m) => m.relation === 'householder')!;
  const side = rng.chance(0.7) ? head : pair.find((m) => m.relation === 'spouse')!;
  const relation: Relation = side === head ? 'parent' : 'parent_in_law';
  const father: MemberSketch = { relation, gender: 'male', age: clamp(side.age + rng.int(24, 35), 50, 98), surname: side.surname };
  const mother: MemberSketch = { relation, gender: 'female', age: clamp(father.age - rng.int(0, 4), 48, 98), surname: drawSurname(rng) };
  const followed = rng.chance(0.3);
  const out = count === 2 ? [father, mother] : [rng.chance(0.65) ? mother : father];
  for (const m of out) m.followedChild = followed;
  return out;
}

function sketchOf(rng: Random, kind: HouseholdKind, size: number): MemberSketch[] {
  switch (kind) {
    case 'elder_alone': {
      const gender: Gender = rng.chance(0.62) ? 'female' : 'male';
      const me: MemberSketch = { relation: 'householder', gender, age: rng.bell(62, 94), surname: drawSurname(rng) };
      const out = [me];
      // A widow or widower: the late spouse stays in the register as deceased.
      if (rng.chance(0.2)) out.push({ relation: 'spouse', gender: otherGender(gender), age: clamp(me.age + rng.int(-2, 5), 60, 99), surname: drawSurname(rng), departed: 'deceased' });
      return out;
    }
    case 'single':
      return [{ relation: 'householder', gender: rng.chance(0.55) ? 'male' : 'female', age: rng.int(21, 64), surname: drawSurname(rng) }];
    case 'elder_couple': {
      const pair = couple(rng, rng.bell(58, 90));
      // Their grown-up child moved away; the register still shows them, moved out.
      if (rng.chance(0.12)) pair.push({ ...children(rng, pair, 1, 22)[0]!, departed: 'moved_out' });
      return pair;
    }
    case 'couple': {
      const pair = couple(rng, rng.int(23, 64));
      if (wifeOf(pair).age >= 48 && rng.chance(0.3)) pair.push({ ...children(rng, pair, 1, 20)[0]!, departed: 'moved_out' });
      return pair;
    }
    case 'single_parent': {
      const gender: Gender = rng.chance(0.72) ? 'female' : 'male';
      const parent: MemberSketch = { relation: 'householder', gender, age: rng.int(28, 58), surname: drawSurname(rng) };
      const surname = gender === 'male' || rng.chance(0.25) ? parent.surname : drawSurname(rng);
      return [parent, { relation: 'child', gender: childGender(rng), age: Math.max(0, childAge(rng, parent.age + (gender === 'male' ? -2 : 0))), surname }];
    }
    case 'elder_with_child': {
      const gender: Gender = rng.chance(0.7) ? 'female' : 'male';
      const elder: MemberSketch = { relation: 'householder', gender, age: rng.bell(62, 92), surname: drawSurname(rng) };
      const childSurname = gender === 'male' ? elder.surname : drawSurname(rng);
      const out: MemberSketch[] = [elder];
      if (size === 3) {
        const spouse: MemberSketch = { relation: 'spouse', gender: otherGender(gender), age: clamp(elder.age + (gender === 'female' ? rng.int(0, 4) : -rng.int(0, 4)), 60, 99), surname: gender === 'female' ? childSurname : drawSurname(rng) };
        out.push(spouse);
      }
      const mother = gender === 'female' ? elder.age : elder.age - 2;
      out.push({ relation: 'child', gender: childGender(rng), age: Math.max(18, childAge(rng, mother)), surname: childSurname });
      return out;
    }
    case 'family': {
      const pair = couple(rng, rng.int(26, 62));
      return [...pair, ...children(rng, pair, size - 2)];
    }
    case 'family_with_grandparents': {
      const pair = couple(rng, rng.int(28, 52));
      const kids = size >= 5 ? rng.int(1, 2) : 1;
      const elders = Math.min(2, size - 2 - kids);
      const grand = grandparents(rng, pair, Math.max(1, elders));
      return [...pair, ...children(rng, pair, size - 2 - grand.length), ...grand];
    }
    case 'three_generations': {
      const pair = couple(rng, rng.int(55, 84));
      const heir = children(rng, pair, 1, 26)[0]!;
      const inLaw: MemberSketch = { relation: 'child_in_law', gender: otherGender(heir.gender), age: clamp(heir.age + rng.int(-3, 3), 24, 80), surname: drawSurname(rng) };
      const mother = heir.gender === 'female' ? heir : inLaw;
      const grandSurname = heir.gender === 'male' ? heir.surname : inLaw.surname;
      const grand: MemberSketch[] = [];
      for (let i = 0; i < size - 4; i++) grand.push({ relation: 'grandchild', gender: childGender(rng), age: Math.max(0, childAge(rng, mother.age) - i * rng.int(1, 4)), surname: grandSurname });
      return [...pair, heir, inLaw, ...grand];
    }
  }
}

/** A household of a size drawn from the city's distribution, its members with coherent relations and ages. */
export function sketchHousehold(rng: Random): HouseholdSketch {
  const size = sizes.draw(rng);
  const kind = kindsBySize[size]!.draw(rng);
  return { kind, members: sketchOf(rng, kind, size) };
}

/** Mean living members per household of the distribution above, to size a community for a resident count. */
export const MEAN_HOUSEHOLD_SIZE = 2.68;
