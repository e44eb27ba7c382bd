import { addDays, dateBetween, yearsBefore } from './dates.js';
import { drawName } from './names.js';
import type { MembershipPlan, OrgContext } from './organisations-plan.js';
import type { PoolEntry } from './people-pool.js';

/**
 * Posts held at a place rather than in an organisation: a grid worker per grid (hired staff, not residents), an
 * estate head per estate and a building leader per building (residents of it, party members where possible),
 * and residents' representatives, about one for forty households.
 */
export function planPosts(ctx: OrgContext, households: number, buildingLeader: PoolEntry | null): MembershipPlan[] {
  const { rng, today, pool, grids } = ctx;
  const since = () => dateBetween(rng, yearsBefore(today, 6), addDays(today, -30));
  const resident = (role: MembershipPlan['role'], e: PoolEntry, place: MembershipPlan['place']): MembershipPlan => ({
    role, person: e.ref, account: null, personName: e.person.name, personUnit: null, place, startOn: since(), endOn: null,
  });
  const posts: MembershipPlan[] = [];
  grids.forEach((grid, g) => {
    const account = g === 0 && ctx.accounts ? ctx.accounts.gridWorker : null;
    posts.push({
      role: 'grid_worker', person: null, account: account?.account ?? null,
      personName: account?.name ?? drawName(rng, rng.chance(0.6) ? 'female' : 'male', rng.int(1975, 1998)),
      personUnit: `${ctx.communityName}居民委员会`, place: { kind: 'grid', grid: g }, startOn: since(), endOn: null,
    });
    grid.estates.forEach((estate, e) => {
      const head = pool.draw(rng, (x) => x.dwelling.estate === e && x.age >= 40 && x.age <= 75, { grid: g, prefer: (x) => x.partyMember });
      if (head) posts.push(resident('estate_head', head, { kind: 'estate', grid: g, estate: e }));
      estate.buildings.forEach((_, b) => {
        const place = { kind: 'building' as const, grid: g, estate: e, building: b };
        if (g === 0 && e === 0 && b === 0 && buildingLeader) {
          posts.push({ ...resident('building_leader', buildingLeader, place), account: 'loudongzhang' });
          return;
        }
        const leader = pool.draw(rng, (x) => x.age >= 35 && x.age <= 75, { building: [g, e, b], prefer: (x) => x.partyMember });
        if (leader) posts.push(resident('building_leader', leader, place));
      });
    });
  });
  const representatives = Math.max(1, Math.round(households / 40));
  for (let i = 0; i < representatives; i++) {
    const g = i % grids.length;
    const rep = pool.draw(rng, (x) => x.age >= 25 && x.age <= 75, { grid: g });
    if (rep) posts.push(resident('representative', rep, { kind: 'grid', grid: g }));
  }
  return posts;
}
