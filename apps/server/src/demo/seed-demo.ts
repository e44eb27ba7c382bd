import { sql } from 'kysely';
import type { AppDeps } from '../deps.js';
import type { PlaceRow } from '../db/database.js';
import { iso } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { anyPlaceExists } from '../modules/places/places.repository.js';
import { accountPeople, type DemoAccount } from './accounts.js';
import { insertMany, releaseStatements } from './bulk-insert.js';
import { planCommunity, SUBDISTRICT_NAME } from './community-plan.js';
import { IdentityRegistry } from './identity.js';
import { seedDemoRequests, type DemoRequests } from './demo-requests.js';
import { seedDeliberationDemo } from './deliberation-demo.js';
import { seedLedgerDemo } from './ledger-demo.js';
import { seedFeeBoardsDemo } from './fee-boards-demo.js';
import { seedDisclosureDemo } from './disclosure-demo.js';
import { seedReviewsDemo } from './reviews-demo.js';
import { seedElectionsDemo } from './elections-demo.js';
import { writeCommunity } from './write-community.js';

export { DEMO_PASSWORD, type DemoAccount } from './accounts.js';

export interface SeedOptions {
  /** Communities in the subdistrict (default 1); the demo accounts work in the first. */
  communities?: number;
  /** Households living in each community (default 3,000: about 8,000 residents). */
  households?: number;
  /** Same seed and same clock date: the same people, places, organisations and requests. */
  seed?: string;
  /** Requests in the first community's history over the last 12 months (default: one per household); 0 for none. */
  requests?: number;
  /** Progress lines (one per community); silent by default. */
  log?: (line: string) => void;
}

export interface SeedResult {
  accounts: DemoAccount[];
  places: number;
  households: number;
  /** Everyone in the register, including those who moved out or died. */
  residents: number;
  /** Residents living in the subdistrict now. */
  living: number;
  organisations: number;
  partyMembers: number;
  /** Unclaimed accounts of grid workers and building leaders (besides the demo accounts). */
  postAccounts: number;
  /** Requests in the first community's history, with the classifier trained on them. */
  requests: DemoRequests;
  seconds: number;
}

export const DEFAULT_SEED = 'gongzhi-demo';
export const DEFAULT_HOUSEHOLDS = 3000;

/**
 * Seed the demo subdistrict 双桂路街道 into an empty database: by default one community, 五福桥社区, with 8 grids,
 * about 3,000 households and 8,000 residents, its organisations and the demo accounts; larger data sets with more
 * communities and households. Rows go in as batched multi-row inserts, two transactions per community, so even
 * a quarter of a million residents take seconds per community rather than hours.
 */
export async function seedDemo(deps: AppDeps, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  // SQLite's default page cache (2 MB) is far smaller than the indexes being filled; a bigger one while seeding
  // keeps index pages in memory instead of reading them again for every batch.
  const sqlite = deps.handle.sqlite;
  const cacheSize = Number(sqlite?.pragma('cache_size', { simple: true }) ?? 0);
  sqlite?.pragma('cache_size = -262144');
  try {
    const result = await seed(deps, options);
    return { ...result, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    releaseStatements(sqlite);
    sqlite?.pragma(`cache_size = ${cacheSize}`);
    sqlite?.pragma('shrink_memory');
  }
}

async function seed(deps: AppDeps, options: SeedOptions): Promise<SeedResult> {
  const communities = options.communities ?? 1;
  const households = options.households ?? DEFAULT_HOUSEHOLDS;
  const log = options.log ?? (() => {});
  const now = iso(deps.clock.now());
  // The registers count ages and dates in Beijing time; so does the demo.
  const today = new Date(deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const registry = new IdentityRegistry();
  const result: SeedResult = { accounts: [], places: 1, households: 0, residents: 0, living: 0, organisations: 0, partyMembers: 0, postAccounts: 0, requests: { requests: 0, steps: 0, classifier: null }, seconds: 0 };

  const sdId = newId();
  const subdistrict: PlaceRow = { id: sdId, kind: 'subdistrict', name: SUBDISTRICT_NAME, parent_id: null, community_id: null, path: `/${sdId}/`, retired_at: null, created_at: now, updated_at: now };
  await deps.db.transaction().execute(async (trx) => {
    await insertMany(trx, 'places', [subdistrict]);
    await insertMany(trx, 'place_history', [{ id: newId(), place_id: sdId, change: 'created', from_value: null, to_value: SUBDISTRICT_NAME, actor_user_id: null, at: now }]);
  });

  for (let c = 0; c < communities; c++) {
    const t0 = performance.now();
    const plan = planCommunity({ seed: options.seed ?? DEFAULT_SEED, today, households, accounts: c === 0 ? accountPeople : null }, c, registry);
    const w = await writeCommunity(deps, plan, subdistrict, now);
    if (c === 0) result.accounts = w.accounts;
    result.places += w.places;
    result.households += w.households;
    result.residents += w.residents;
    result.living += w.living;
    result.organisations += w.organisations;
    result.partyMembers += w.partyMembers;
    result.postAccounts += w.postAccounts;
    log(
      `  ${String(c + 1).padStart(String(communities).length)}/${communities} ${plan.name}: ${plan.grids.length} grids, ${w.places} places, ` +
        `${w.households} households, ${w.living} residents living here (${w.residents} in the register), ` +
        `${w.organisations} organisations, ${w.partyMembers} party members, ${w.postAccounts} post holders' accounts — ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const count = options.requests ?? households;
    // The history is the demo accounts' community's: its staff, grid worker and property company handle it.
    if (c === 0 && count > 0) {
      const t1 = performance.now();
      result.requests = await seedDemoRequests(deps, w, { seed: options.seed ?? DEFAULT_SEED, count, today });
      const { requests, steps, classifier } = result.requests;
      const figures = classifier ? `, classifier accuracy ${classifier.accuracy.toFixed(3)}` : '';
      log(`    request history: ${requests} requests over 12 months, ${steps} steps${figures} — ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    }
    if (c === 0) {
      const t2 = performance.now();
      const d = await seedDeliberationDemo(deps, w.written.places.community.id);
      log(`    deliberation: ${d.topics} topics, ${d.meetings} meeting, ${d.covenants} covenant in consultation — ${((performance.now() - t2) / 1000).toFixed(1)} s`);
      const l = await seedLedgerDemo(deps, w.written.places.community.id);
      log(`    ledger: ${l.entries} posted entries, one of them a reversal`);
      const f = await seedFeeBoardsDemo(deps, w.written.places.community.id);
      log(`    fee boards: ${f.boards} boards of three estates, one corrected, one draft`);
      const dd = await seedDisclosureDemo(deps, w.written.places.community.id);
      log(`    disclosure: ${dd.items} catalogue items, ${dd.publications} publications`);
      const t3 = performance.now();
      const rv = await seedReviewsDemo(deps, w.written.places.community.id);
      log(`    democratic review: ${rv.rounds} rounds, ${rv.forms} paper forms — ${((performance.now() - t3) / 1000).toFixed(1)} s`);
      const t4 = performance.now();
      const el = await seedElectionsDemo(deps, w.written.places.community.id);
      log(`    elections: ${el.elections} election with ${el.voters} registered voters, list posted — ${((performance.now() - t4) / 1000).toFixed(1)} s`);
    }
  }
  // Statistics now, so the register searches get good plans at once: PostgreSQL's autovacuum would gather them a
  // little later; SQLite only at the next open (connect.ts), and `optimize` samples (analysis_limit) so it is cheap.
  await (deps.handle.dialect === 'postgres' ? sql`analyze` : sql`pragma optimize`).execute(deps.db);
  return result;
}

/** True when the database holds no places yet (a fresh install). */
export async function isEmpty(deps: AppDeps): Promise<boolean> {
  return !(await anyPlaceExists(deps.db));
}
