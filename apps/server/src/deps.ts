import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/connect.js';
import type { Database } from './db/database.js';
import type { Clock } from './lib/clock.js';
import type { PersonalDataVault } from './lib/personal-data.js';
import type { SessionCache } from './modules/auth/session-cache.js';

/** What services need, built once in main.ts (or a test) and passed down; there are no hidden globals. */
export interface AppDeps {
  config: Config;
  handle: DatabaseHandle;
  db: Kysely<Database>;
  clock: Clock;
  vault: PersonalDataVault;
  sessions: SessionCache;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
