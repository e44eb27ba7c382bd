import { ConfigError, type Config } from './config.js';
import { checkKey, KeyMismatchError } from './modules/keys/keys.service.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import type { AppDeps } from './deps.js';
import { systemClock, type Clock } from './lib/clock.js';
import { PersonalDataVault } from './lib/personal-data.js';
import { SessionCache } from './modules/auth/session-cache.js';

/** Open the database, bring its schema up to date and assemble the services' dependencies. */
export async function createDeps(config: Config, clock: Clock = systemClock): Promise<AppDeps> {
  const handle = openDatabase(config.databaseUrl);
  let secretKey: Buffer;
  try {
    await migrateToLatest(handle.db);
    secretKey = await checkKey(handle.db, config.dataDir, config.secretKey, config.secretKeySource === 'env');
  } catch (e) {
    await handle.close();
    throw e instanceof KeyMismatchError ? new ConfigError(e.message) : e;
  }
  const settled = { ...config, secretKey };
  return { config: settled, handle, db: handle.db, clock, vault: new PersonalDataVault(secretKey), sessions: new SessionCache() };
}
