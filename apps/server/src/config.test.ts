import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'gz-config-'));

describe('configuration', () => {
  it('defaults to SQLite in the data directory and generates a 0600 secret key once', () => {
    const dir = tmp();
    const c = loadConfig({ GONGZHI_DATA_DIR: dir });
    expect(c.databaseUrl).toBe(`sqlite:${path.join(dir, 'gongzhi.db')}`);
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.demo).toBe(true);
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ GONGZHI_DATA_DIR: dir }).secretKey.equals(c.secretKey)).toBe(true);
  });

  it('names the variable when a value is wrong', () => {
    const dir = tmp();
    expect(() => loadConfig({ GONGZHI_DATA_DIR: dir, GONGZHI_PORT: 'eighty' })).toThrow(/GONGZHI_PORT/);
    expect(() => loadConfig({ GONGZHI_DATA_DIR: dir, GONGZHI_DATABASE_URL: 'mysql://x' })).toThrow(/GONGZHI_DATABASE_URL/);
    expect(() => loadConfig({ GONGZHI_DATA_DIR: dir, GONGZHI_SECRET_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ GONGZHI_DATA_DIR: dir, GONGZHI_LOG_LEVEL: 'loud' })).toThrow(/GONGZHI_LOG_LEVEL/);
  });

  it('takes PostgreSQL, a port, a key and demo off from the environment', () => {
    const c = loadConfig({
      GONGZHI_DATA_DIR: tmp(),
      GONGZHI_DATABASE_URL: 'postgres://u@db:5432/gz',
      GONGZHI_PORT: '9000',
      GONGZHI_SECRET_KEY: 'ab'.repeat(32),
      GONGZHI_DEMO: 'false',
    });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@db:5432/gz', port: 9000, demo: false });
    expect(c.secretKey.toString('hex')).toBe('ab'.repeat(32));
  });
});
