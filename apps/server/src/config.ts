import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from the environment, parsed once here; nothing else reads process.env. */
const envSchema = z.object({
  GONGZHI_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<file> or postgres://…')
    .optional(),
  GONGZHI_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  GONGZHI_HOST: z.string().min(1).default('127.0.0.1'),
  GONGZHI_DATA_DIR: z.string().min(1).default('./data'),
  GONGZHI_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 bytes)')
    .optional(),
  GONGZHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGZHI_DEMO: z.enum(['true', 'false', '1', '0']).default('true').transform((v) => v === 'true' || v === '1'),
  GONGZHI_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  GONGZHI_TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  GONGZHI_WEB_DIR: z.string().optional(),
  /** The address residents reach the platform at: links in notifications and QR codes on printouts. */
  GONGZHI_PUBLIC_URL: z.string().url().optional(),
  /** smtp://user:pass@host:587 or smtps://…; without it mail notifications stay undelivered and say why. */
  GONGZHI_SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must be smtp://… or smtps://…').optional(),
  GONGZHI_SMTP_FROM: z.string().min(3).optional(),
  /** Run timers (reminders, escalation, auto-close) and notification delivery in this process. */
  GONGZHI_JOBS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  dataDir: string;
  secretKey: Buffer;
  /** Where the key came from: key rotation writes a file, or tells the operator to change the variable. */
  secretKeySource: 'env' | 'file';
  logLevel: z.infer<typeof envSchema>['GONGZHI_LOG_LEVEL'];
  demo: boolean;
  sessionDays: number;
  trustProxy: boolean;
  webDir: string | null;
  publicUrl: string;
  smtp: { url: string; from: string } | null;
  jobs: boolean;
}

/** A configuration error names the variable so start-up can say exactly what to fix. */
export class ConfigError extends Error {}

/** Parse the environment. Creates the data directory and a secret key file (0600) on first start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.GONGZHI_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = e.GONGZHI_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'gongzhi.db')}`;
  const secretKey = e.GONGZHI_SECRET_KEY ? Buffer.from(e.GONGZHI_SECRET_KEY, 'hex') : loadOrCreateKey(dataDir);
  return {
    databaseUrl,
    port: e.GONGZHI_PORT,
    host: e.GONGZHI_HOST,
    dataDir,
    secretKey,
    secretKeySource: e.GONGZHI_SECRET_KEY ? 'env' : 'file',
    logLevel: e.GONGZHI_LOG_LEVEL,
    demo: e.GONGZHI_DEMO,
    sessionDays: e.GONGZHI_SESSION_DAYS,
    trustProxy: e.GONGZHI_TRUST_PROXY,
    webDir: e.GONGZHI_WEB_DIR ? path.resolve(e.GONGZHI_WEB_DIR) : null,
    publicUrl: (e.GONGZHI_PUBLIC_URL ?? `http://${e.GONGZHI_HOST}:${e.GONGZHI_PORT}`).replace(/\/+$/, ''),
    smtp: e.GONGZHI_SMTP_URL ? { url: e.GONGZHI_SMTP_URL, from: e.GONGZHI_SMTP_FROM ?? 'gongzhi@localhost' } : null,
    jobs: e.GONGZHI_JOBS,
  };
}

function loadOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new ConfigError(`GONGZHI_SECRET_KEY: ${file} does not hold 64 hex characters`);
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
