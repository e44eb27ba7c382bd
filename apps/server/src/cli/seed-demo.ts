import type { AppDeps } from '../deps.js';
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../demo/seed-demo.js';

export async function seedDemoCommand(deps: AppDeps): Promise<number> {
  if (!(await isEmpty(deps))) {
    console.error('The database already holds places; the demo is only seeded into an empty database.');
    return 1;
  }
  const { accounts, places } = await seedDemo(deps);
  console.log(`Demo community created: ${places} places. Accounts (password ${DEMO_PASSWORD}):`);
  for (const a of accounts) console.log(`  ${a.role.padEnd(20)} ${a.username}`);
  return 0;
}
