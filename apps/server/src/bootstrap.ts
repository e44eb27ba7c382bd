import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import type { AppDeps } from './deps.js';
import { systemClock, type Clock } from './lib/clock.js';
import { PersonalDataVault } from './lib/personal-data.js';
import { SessionCache } from './modules/auth/session-cache.js';

/** Open the database, bring its schema up to date and assemble the services' dependencies. */
export async function createDeps(config: Config, clock: Clock = systemClock): Promise<AppDeps> {
  const handle = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return { config, handle, db: handle.db, clock, vault: new PersonalDataVault(config.secretKey), sessions: new SessionCache() };
}
