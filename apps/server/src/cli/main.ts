import { loadConfig, ConfigError } from '../config.js';
import { createDeps } from '../bootstrap.js';
import type { AppDeps } from '../deps.js';
import { backupCommand } from './backup.js';
import { classifierCommand, classifierUsage } from './classifier.js';
import { createAdminCommand } from './create-admin.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { retrainCommand } from './retrain.js';
import { rotateKeyCommand } from './rotate-key.js';
import { seedDemoCommand } from './seed-demo.js';

/** Each command: a one-line description and a runner. Later modules add theirs here. */
const commands: Record<string, { describe: string; usage: string; run: (deps: AppDeps, argv: string[]) => Promise<number> }> = {
  migrate: { describe: 'Bring the database schema up to date', usage: 'migrate', run: async () => 0 },
  'seed-demo': {
    describe: 'Create the demo subdistrict in an empty database (default: one community of 3,000 households and a year of requests; more for benchmarks)',
    usage: 'seed-demo [--communities M] [--households N per community] [--requests R in the first] [--seed TEXT]',
    run: seedDemoCommand,
  },
  'create-admin': {
    describe: 'Create an administrator account (and the first subdistrict/community if the database is empty)',
    usage: 'create-admin --username NAME --name 姓名 [--password PW] [--role subdistrict_admin|community_admin] [--place ID | --subdistrict 名称 [--community 名称]]',
    run: createAdminCommand,
  },
  backup: { describe: 'Online backup of the SQLite database to FILE (PostgreSQL: use pg_dump)', usage: 'backup FILE', run: backupCommand },
  import: {
    describe: 'Check an .xlsx row by row, then import its valid rows (places, households, residents, party_members, organisations)',
    usage: 'import --kind KIND --community ID|名称 [--check] FILE',
    run: importCommand,
  },
  export: {
    describe: 'Stream a register to an .xlsx (ID numbers and phones masked unless --reveal with --purpose, which is audited)',
    usage: 'export --kind KIND --community ID|名称 --out FILE [--place ID] [--reveal --purpose TEXT]',
    run: exportCommand,
  },
  'retrain-classifier': {
    describe: "Retrain a community's request classifier on its labelled requests, cross-validate it and make it active",
    usage: 'retrain-classifier --community ID|名称',
    run: retrainCommand,
  },
  'rotate-key': {
    describe: 'Re-encrypt all personal data with a new key and rebuild the blind indexes (stop the servers first)',
    usage: 'rotate-key --yes',
    run: rotateKeyCommand,
  },
};

/** Commands that need no database, so they run without loading the configuration or opening one. */
const standalone: Record<string, { describe: string; usage: string; run: (argv: string[]) => Promise<number> }> = {
  classifier: { describe: 'Train, evaluate or cross-validate a request classifier on a labelled .jsonl/.csv/.xlsx file (JSON out)', usage: classifierUsage, run: classifierCommand },
  ledger: { describe: 'Verify an exported ledger chain (.json or .xlsx) offline: names edited, removed and reordered entries; exit 0 when intact', usage: 'ledger verify FILE [--head HASH] [--lang zh|en|both]', run: async (argv) => (await import('./ledger.js')).ledgerCommand(argv) },
};

function usage(): void {
  console.log('Usage: npm run gongzhi -- <command> [options]\n');
  for (const c of [...Object.values(commands), ...Object.values(standalone)]) console.log(`  ${c.usage}\n      ${c.describe}`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    usage();
    return name ? 0 : 1;
  }
  const alone = standalone[name];
  if (alone) return alone.run(rest);
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command: ${name}\n`);
    usage();
    return 1;
  }
  const deps = await createDeps(loadConfig());
  try {
    if (name === 'migrate') console.log(`Database is up to date (${deps.handle.dialect}).`);
    return await command.run(deps, rest);
  } finally {
    await deps.handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError || e instanceof TypeError ? e.message : e);
    process.exit(1);
  },
);
