import type { ResidentTag } from '@gongzhi/shared';
import type { HouseholdSketch } from './household-shapes.js';
import type { DwellingRef } from './places-plan.js';
import type { Random } from './prng.js';
import { realiseHousehold, type HouseholdContext, type HouseholdPlan } from './residents-plan.js';

/**
 * The two households the demo accounts live in, at fixed places so the browser tests and the documentation can
 * rely on them: 刘奶奶 (account `jumin`) with her son's family at 五福苑 1栋 1单元 101室, her late husband in the
 * register as deceased; and the building leader 赵秀英 (account `loudongzhang`) with her husband in the same building.
 */
export const JUMIN_NAME = '刘桂兰';
export const BUILDING_LEADER_NAME = '赵秀英';

const grandma: HouseholdSketch = {
  kind: 'three_generations',
  members: [
    { relation: 'householder', gender: 'female', age: 82, surname: '刘' },
    { relation: 'child', gender: 'male', age: 54, surname: '陈' },
    { relation: 'child_in_law', gender: 'female', age: 51, surname: '王' },
    { relation: 'grandchild', gender: 'female', age: 12, surname: '陈' },
    { relation: 'spouse', gender: 'male', age: 85, surname: '陈', departed: 'deceased' },
  ],
};
const grandmaNames = [JUMIN_NAME, '陈建军', '王丽', '陈欣怡', '陈国强'];
const grandmaTags: ResidentTag[][] = [['elderly', 'chronic_illness'], ['party_member', 'veteran'], [], [], []];

const leader: HouseholdSketch = {
  kind: 'elder_couple',
  members: [
    { relation: 'householder', gender: 'female', age: 62, surname: '赵' },
    { relation: 'spouse', gender: 'male', age: 64, surname: '孙' },
  ],
};
const leaderNames = [BUILDING_LEADER_NAME, '孙建华'];
const leaderTags: ResidentTag[][] = [['party_member'], []];

/** The first building's dwellings: 刘奶奶 takes the first, 赵秀英 one on the third floor (or the last). */
export function featuredDwellings(dwellings: DwellingRef[]): [number, number] {
  const first = dwellings.filter((d) => d.grid === 0 && d.estate === 0 && d.building === 0);
  const lastEntrance = Math.max(...first.map((d) => d.entrance));
  const third = first.find((d) => d.entrance === lastEntrance && d.floor === 3 && d !== first[0]) ?? first[first.length - 1]!;
  return [dwellings.indexOf(first[0]!), dwellings.indexOf(third)];
}

function realiseFeatured(rng: Random, ctx: HouseholdContext, sketch: HouseholdSketch, dwelling: number, names: string[], tags: ResidentTag[][]): HouseholdPlan {
  const h = realiseHousehold(rng, ctx, sketch, dwelling, 'permanent');
  h.note = null;
  h.members.forEach((p, i) => {
    p.name = names[i]!;
    p.note = null;
    // Keep the consents the generator wrote for these tags (chronic illness needs one); drop the random rest.
    p.tags = tags[i]!.map((tag) => p.tags.find((t) => t.tag === tag) ?? { tag, consent: consentOf(tag) });
  });
  if (h.members[0]!.phone === null) h.members[0]!.phone = ctx.registry.phone(rng);
  return h;
}

const consentOf = (tag: ResidentTag) =>
  tag === 'chronic_illness' ? { basis: 'consent' as const, detail: '本人同意登记慢性病信息，用于家庭医生签约随访' } : null;

export function planFeatured(rng: Random, ctx: HouseholdContext): { grandma: HouseholdPlan; leader: HouseholdPlan } {
  const [a, b] = featuredDwellings(ctx.dwellings);
  return {
    grandma: realiseFeatured(rng, ctx, grandma, a, grandmaNames, grandmaTags),
    leader: realiseFeatured(rng, ctx, leader, b, leaderNames, leaderTags),
  };
}
