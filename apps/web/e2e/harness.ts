/// <reference types="node" />
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Browser specs run against the real server on a fresh database: each spec file starts its own server (once
 * per dialect) with a new data directory, seeded with the demo community, and stops it at the end.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
// GONGZHI_E2E_WEB_DIST builds and serves the web app from another folder, so two checkouts' specs never share a build.
const webDist = process.env.GONGZHI_E2E_WEB_DIST ? path.resolve(process.env.GONGZHI_E2E_WEB_DIST) : path.resolve(here, '../dist');
const chromiumPath = process.env.GONGZHI_CHROMIUM ?? '/usr/bin/chromium';
const adminDatabaseUrl = process.env.GONGZHI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const dialects = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof dialects)[number];

/** Every demo account has this password (see apps/server/src/demo/seed-demo.ts). */
export const DEMO_PASSWORD = 'Gongzhi2026';

export const phone: BrowserContextOptions = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A page in a fresh browser context (no cookies, no localStorage). */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  stop: () => Promise<void>;
}

function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}. Install it with \`apt-get install chromium fonts-noto-cjk fonts-wqy-microhei\` ` +
        '(or point GONGZHI_CHROMIUM at a Chromium binary). The browser specs never skip.',
    );
  }
}

/** The specs drive the real build; build it once if it is not there yet. */
function ensureWebBuild(): void {
  if (existsSync(path.join(webDist, 'index.html'))) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@gongzhi/web', '--silent', '--', '--outDir', webDist, '--emptyOutDir'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('The web build failed: run `npm run build -w @gongzhi/web` and read its errors.');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh PostgreSQL database for one server, and a way to drop it. */
async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gz_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminDatabaseUrl} (${(e as Error).message}). Install and start it ` +
        '(`apt-get install postgresql`, trust auth for 127.0.0.1, a database named `test`); the specs never skip it.',
    );
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminDatabaseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Only this harness decides the server's configuration: drop any GONGZHI_* from the caller's shell.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GONGZHI_')));
  return { ...env, GONGZHI_LOG_LEVEL: 'warn', GONGZHI_DEMO: 'true', ...extra };
}

// Seeding the demo takes 5–10 s on a quiet machine and over 30 s on a loaded two-core one; the limit stays just
// under vitest's 120 s hook timeout so a slow start reports the server's output rather than a bare hook timeout.
const READY_MS = 110_000;

async function waitReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The server did not become ready within ${READY_MS / 1000} s:\n${output()}`);
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // tsx runs the server in a child process; the group holds both.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Start a seeded server on a fresh database of the given dialect, and Chromium. */
export async function startHarness(dialect: Dialect): Promise<Harness> {
  assertChromium();
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gz-e2e-'));
  const db = dialect === 'postgres' ? await createDatabase() : null;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = serverEnv({
    GONGZHI_DATA_DIR: dataDir,
    GONGZHI_PORT: String(port),
    GONGZHI_HOST: '127.0.0.1',
    GONGZHI_WEB_DIR: webDist,
    ...(db ? { GONGZHI_DATABASE_URL: db.url } : {}),
  });
  const tsxCli = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsxCli, 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await stopProcessGroup(child);
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(baseUrl, child, () => output);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const b = browser;
  return {
    baseUrl,
    browser: b,
    newPage: async (options = desktop) => {
      const context = await b.newContext({ ...options, baseURL: baseUrl, locale: 'zh-CN' });
      context.setDefaultTimeout(15_000);
      // The browser specs share two cores with the server suites in CI: a first load of a page's chunks has
      // been seen to take over 15 s there, which is the machine's load, not the page's.
      context.setDefaultNavigationTimeout(45_000);
      return context.newPage();
    },
    stop,
  };
}

/** Log in on the staff console's login page. */
export async function loginConsole(page: Page, account: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Log in on the resident app's login page. */
export async function loginResident(page: Page, account: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/m/login');
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** An API client logged in as a demo account, for a spec to read facts it then checks in the browser. */
export async function apiAs(h: Harness, account: string, password = DEMO_PASSWORD): Promise<{ api: APIRequestContext; close: () => Promise<void> }> {
  const context = await h.browser.newContext({ baseURL: h.baseUrl });
  const res = await context.request.post('/api/v1/auth/login', { data: { account, password } });
  if (!res.ok()) throw new Error(`Logging in as ${account} failed: ${res.status()} ${await res.text()}`);
  return { api: context.request, close: () => context.close() };
}

/** GET a JSON answer from the API, failing loudly on an error status. */
export async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url);
  if (!res.ok()) throw new Error(`GET ${url} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}
