import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/2026_11_25_0001_create_places.js';
import * as m0002 from './migrations/2026_11_25_0002_create_accounts.js';
import * as m0003 from './migrations/2026_11_25_0003_create_audit_log.js';
import * as m0004 from './migrations/2026_11_26_0004_create_registers.js';
import * as m0005 from './migrations/2026_11_26_0005_create_organisations.js';
import * as m0006 from './migrations/2026_11_26_0006_create_import_jobs.js';
import * as m0007 from './migrations/2026_11_26_0007_create_requests.js';
import * as m0008 from './migrations/2026_11_26_0008_create_visits.js';
import * as m0009 from './migrations/2026_11_26_0009_create_notifications.js';
import * as m0010 from './migrations/2026_11_26_0010_analysis_stats.js';
import * as m0011 from './migrations/2026_11_26_0011_request_search.js';
import * as m0012 from './migrations/2026_11_26_0012_notification_templates.js';
import * as m0013 from './migrations/2026_11_26_0013_classifier_jobs.js';
import * as m0014 from './migrations/2026_11_26_0014_households_coverage_index.js';
import * as m0015 from './migrations/2026_11_26_0015_domain_events.js';
import * as m0016 from './migrations/2026_11_26_0016_create_meetings.js';
import * as m0017 from './migrations/2026_11_26_0017_create_topics.js';
import * as m0018 from './migrations/2026_11_26_0018_create_covenants.js';
import * as m0019 from './migrations/2026_11_26_0019_create_disclosure.js';
import * as m0020 from './migrations/2026_11_26_0020_create_ledger.js';
import * as m0021 from './migrations/2026_11_26_0021_create_fee_boards.js';
import * as m0022 from './migrations/2026_11_26_0022_create_elections.js';
import * as m0023 from './migrations/2026_11_26_0023_create_reviews.js';
import * as m0024 from './migrations/2026_11_26_0024_widen_covenant_names.js';
import * as m0025 from './migrations/2026_11_26_0025_ledger_receipt_hashes.js';
import * as m0026 from './migrations/2026_11_27_0026_review_ratings_unordered.js';

/** Every migration, in order. Listed explicitly so bundling or tsx never depends on a directory scan. */
const migrations: Record<string, Migration> = {
  '2026_11_25_0001_create_places': m0001,
  '2026_11_25_0002_create_accounts': m0002,
  '2026_11_25_0003_create_audit_log': m0003,
  '2026_11_26_0004_create_registers': m0004,
  '2026_11_26_0005_create_organisations': m0005,
  '2026_11_26_0006_create_import_jobs': m0006,
  '2026_11_26_0007_create_requests': m0007,
  '2026_11_26_0008_create_visits': m0008,
  '2026_11_26_0009_create_notifications': m0009,
  '2026_11_26_0010_analysis_stats': m0010,
  '2026_11_26_0011_request_search': m0011,
  '2026_11_26_0012_notification_templates': m0012,
  '2026_11_26_0013_classifier_jobs': m0013,
  '2026_11_26_0014_households_coverage_index': m0014,
  '2026_11_26_0015_domain_events': m0015,
  '2026_11_26_0016_create_meetings': m0016,
  '2026_11_26_0017_create_topics': m0017,
  '2026_11_26_0018_create_covenants': m0018,
  '2026_11_26_0019_create_disclosure': m0019,
  '2026_11_26_0020_create_ledger': m0020,
  '2026_11_26_0021_create_fee_boards': m0021,
  '2026_11_26_0022_create_elections': m0022,
  '2026_11_26_0023_create_reviews': m0023,
  '2026_11_26_0024_widen_covenant_names': m0024,
  '2026_11_26_0025_ledger_receipt_hashes': m0025,
  '2026_11_27_0026_review_ratings_unordered': m0026,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Bring the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
