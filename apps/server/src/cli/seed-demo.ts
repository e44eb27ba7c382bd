import type { AppDeps } from '../deps.js';
import { DEFAULT_HOUSEHOLDS, DEMO_PASSWORD, isEmpty, seedDemo } from '../demo/seed-demo.js';
import { intFlag, parseCommandArgs } from './args.js';

/**
 * `seed-demo [--communities M] [--households N] [--requests R] [--seed TEXT]`: the demo subdistrict in an empty
 * database. The default is the demo community (about 3,000 households, 8,000 residents, a year of requests, one
 * per household, with its trained classifier); `--communities 30 --households 3109` builds a subdistrict of
 * about 250,000 residents for benchmarks, with a progress line per community.
 */
export async function seedDemoCommand(deps: AppDeps, argv: string[] = []): Promise<number> {
  const { values } = parseCommandArgs(argv, { communities: { type: 'string' }, households: { type: 'string' }, requests: { type: 'string' }, seed: { type: 'string' } });
  const communities = intFlag(values.communities, 'communities', 1, 1, 200);
  const households = intFlag(values.households, 'households', DEFAULT_HOUSEHOLDS, 10, 50_000);
  const requests = intFlag(values.requests, 'requests', households, 0, 100_000);
  if (!(await isEmpty(deps))) {
    console.error('The database already holds places; the demo is only seeded into an empty database.');
    return 1;
  }
  console.log(`Seeding ${communities} ${communities === 1 ? 'community' : 'communities'} of ${households} households (${deps.handle.dialect})…`);
  const r = await seedDemo(deps, { communities, households, requests, seed: values.seed, log: (line) => console.log(line) });
  console.log(
    `Demo created in ${r.seconds} s: ${r.places} places, ${r.households} households, ${r.living} residents living here ` +
      `(${r.residents} in the register), ${r.organisations} organisations, ${r.partyMembers} party members, ${r.postAccounts} unclaimed accounts of grid workers and building leaders, ` +
      `${r.requests.requests} requests in the first community's history.`,
  );
  console.log(`Accounts (password ${DEMO_PASSWORD}):`);
  for (const a of r.accounts) console.log(`  ${a.role.padEnd(20)} ${a.username}`);
  return 0;
}
