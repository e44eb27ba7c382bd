import { buildApp } from './app.js';
import { createDeps } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './demo/seed-demo.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const deps = await createDeps(config);
  const empty = await isEmpty(deps);
  if (empty && !config.demo) {
    console.log('The database is empty. Create the first administrator with:\n' +
      '  npm run gongzhi -- create-admin --username admin --name 管理员 --subdistrict 某某街道 --community 某某社区');
  }
  if (config.demo && empty) {
    const seeded = await seedDemo(deps);
    const { accounts } = seeded;
    console.log(
      '\n演示社区已创建 / Demo community created in %ss: %d households, %d residents, %d organisations, %d requests. Accounts (password for all: %s):',
      seeded.seconds.toFixed(1), seeded.households, seeded.living, seeded.organisations, seeded.requests.requests, DEMO_PASSWORD,
    );
    for (const a of accounts) console.log('  %s  %s  (%s)', a.role.padEnd(20), a.username.padEnd(14), a.displayName);
    console.log('');
  }
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Gongzhi is running: http://${config.host}:${config.port}/  (console /console, residents /m, API docs /api/docs)`);

  // Stop accepting connections, let in-flight requests finish, then close the database.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await deps.handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
