#!/usr/bin/env node
// The README's test command: type-check, build the web app (the browser specs drive the real build), run every
// vitest project, and end with the line CI counts: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const fail = (msg) => {
  console.error(msg);
  console.log('0 passed, 1 failed');
  process.exit(1);
};

if (!existsSync('/usr/bin/chromium') && !process.env.GONGZHI_CHROMIUM) {
  fail('Chromium is missing: install it with `apt-get install chromium fonts-noto-cjk fonts-wqy-microhei` (see .ci/run).');
}
if (run('npx', ['tsc', '-p', 'packages/shared']) || run('npx', ['tsc', '-p', 'apps/server']) || run('npx', ['tsc', '-p', 'apps/web'])) {
  fail('Type check failed.');
}
if (run('npm', ['run', 'build', '-w', '@gongzhi/web', '--silent'])) fail('Web build failed.');

mkdirSync('.test-results', { recursive: true });
const out = '.test-results/vitest.json';
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = 0;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed = r.numPassedTests ?? 0;
  failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
}
if (status !== 0 && failed === 0) failed = 1; // a crash outside any test still fails the run
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
