import { planFeatured, featuredDwellings } from './featured.js';
import { sketchHousehold } from './household-shapes.js';
import { LOCAL_DISTRICT, type IdentityRegistry } from './identity.js';
import { planOrganisations, type AccountPeople, type MembershipPlan, type OrganisationPlan } from './organisations-plan.js';
import { planPartyRoster, type PartyMemberPlan } from './party-roster-plan.js';
import { PeoplePool, type PersonRef } from './people-pool.js';
import { communityName, flattenDwellings, planPlaces, type DwellingRef, type GridPlan } from './places-plan.js';
import { planPosts } from './posts-plan.js';
import { Random } from './prng.js';
import { realiseHousehold, realiseMovedOut, type HouseholdContext, type HouseholdPlan } from './residents-plan.js';

export const SUBDISTRICT_NAME = '双桂路街道';

/** Everything generated for one community, before any id or ciphertext exists. */
export interface CommunityPlan {
  index: number;
  name: string;
  grids: GridPlan[];
  dwellings: DwellingRef[];
  /** In dwelling order; a household that moved out comes before the one living there now. */
  households: HouseholdPlan[];
  organisations: OrganisationPlan[];
  /** Grid workers, estate heads, building leaders, representatives. */
  posts: MembershipPlan[];
  partyMembers: PartyMemberPlan[];
  /** Where the demo accounts' people are (community 0 of a demo with accounts). */
  featured: { jumin: PersonRef; buildingLeader: PersonRef } | null;
}

export interface PlanOptions {
  seed: string;
  /** `YYYY-MM-DD`: ages, terms and dates are relative to it. */
  today: string;
  /** Households living in the community now. */
  households: number;
  /** The demo accounts' people: given for the community the accounts work in. */
  accounts: AccountPeople | null;
}

/**
 * Generate one community of the demo subdistrict. Deterministic: the same options, index and registry state give
 * the same plan, byte for byte. Each part draws from its own stream, so changing one does not shift the others.
 */
export function planCommunity(opts: PlanOptions, index: number, registry: IdentityRegistry): CommunityPlan {
  const rng = new Random(`${opts.seed}/community/${index}`);
  const name = communityName(index);
  const grids = planPlaces(rng.fork('places'), index, opts.households);
  const dwellings = flattenDwellings(grids);
  const ctx: HouseholdContext = { today: opts.today, registry, dwellings, communityAddress: `${LOCAL_DISTRICT.address}${SUBDISTRICT_NAME}${name}` };

  const hr = rng.fork('households');
  const fixed = new Map<number, HouseholdPlan>();
  if (opts.accounts) {
    const f = planFeatured(rng.fork('featured'), ctx);
    fixed.set(f.grandma.dwelling, f.grandma);
    fixed.set(f.leader.dwelling, f.leader);
  }
  const free = hr.shuffled(dwellings.map((_, i) => i).filter((i) => !fixed.has(i)));
  const occupied = new Set([...fixed.keys(), ...free.slice(0, Math.max(0, Math.min(free.length, opts.households - fixed.size)))]);
  const households: HouseholdPlan[] = [];
  for (let d = 0; d < dwellings.length; d++) {
    const current = fixed.get(d) ?? (occupied.has(d) ? realiseHousehold(hr, ctx, sketchHousehold(hr), d) : null);
    // About one flat in eighty had a household before the present one (or stands empty since it left).
    if (hr.chance(0.0125)) {
      const before = realiseMovedOut(hr, ctx, sketchHousehold(hr), d, current?.movedInOn ?? opts.today);
      if (before) households.push(before);
    }
    if (current) households.push(current);
  }

  const pool = new PeoplePool(households, dwellings, opts.today);
  const refOf = (h: HouseholdPlan | undefined) => pool.all.find((e) => h && e.person === h.members[0]);
  const [grandmaAt, leaderAt] = opts.accounts ? featuredDwellings(dwellings) : [-1, -1];
  const grandma = refOf(fixed.get(grandmaAt));
  const leader = refOf(fixed.get(leaderAt));
  if (grandma) pool.reserve(grandma);
  if (leader) pool.reserve(leader);

  const orgCtx = { rng: rng.fork('organisations'), today: opts.today, registry, pool, grids, communityName: name, accounts: opts.accounts };
  const organisations = planOrganisations(orgCtx);
  const posts = planPosts({ ...orgCtx, rng: rng.fork('posts') }, opts.households, leader ?? null);
  const partyMembers = planPartyRoster({ ...orgCtx, rng: rng.fork('party') }, organisations);
  return {
    index,
    name,
    grids,
    dwellings,
    households,
    organisations,
    posts,
    partyMembers,
    featured: grandma && leader ? { jumin: grandma.ref, buildingLeader: leader.ref } : null,
  };
}
