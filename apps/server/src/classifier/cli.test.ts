import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifierCommand } from '../cli/classifier.js';
import { deserializeModel } from './serialize.js';
import { syntheticRequests } from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
let dir = '';

/** `npx tsx apps/server/src/cli/main.ts classifier …` from the repository root, as a user would run it. */
function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'apps/server/src/cli/main.ts', 'classifier', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gz-classifier-cli-'));
  const lines = (n: number, seed: string) => syntheticRequests(n, seed).map((e) => JSON.stringify({ content: e.text, category: e.label })).join('\n');
  await writeFile(path.join(dir, 'train.jsonl'), lines(300, 'cli-train'));
  await writeFile(path.join(dir, 'test.jsonl'), lines(150, 'cli-test'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run gongzhi -- classifier', () => {
  it('trains a model file, then evaluates it on another file', async () => {
    const model = path.join(dir, 'model.json');
    const train = cli('train', '--input', path.join(dir, 'train.jsonl'), '--text-field', 'content', '--label-field', 'category', '--out', model, '--folds', '2');
    expect(train.stderr).toBe('');
    expect(train.code).toBe(0);
    const trained = JSON.parse(train.stdout) as { examples: number; labels: { label: string; count: number }[]; trainSeconds: number; cv: { folds: number; macroF1: number } };
    expect(trained.examples).toBe(300);
    expect(trained.labels.reduce((s, l) => s + l.count, 0)).toBe(300);
    expect(trained.trainSeconds).toBeGreaterThan(0);
    expect(trained.cv.folds).toBe(2);
    expect(trained.cv.macroF1).toBeGreaterThan(0.5);
    expect(deserializeModel(await readFile(model, 'utf8')).trainedOn).toBe(300);

    const evaluated = cli('eval', '--model', model, '--input', path.join(dir, 'test.jsonl'), '--text-field', 'content', '--label-field', 'category');
    expect(evaluated.code).toBe(0);
    const report = JSON.parse(evaluated.stdout) as { count: number; accuracy: number; macroF1: number; perClass: { f1: number }[]; messagesPerSecond: number };
    expect(report.count).toBe(150);
    expect(report.accuracy).toBeGreaterThan(0.7);
    expect(report.perClass.length).toBeGreaterThan(10);
    expect(report.messagesPerSecond).toBeGreaterThan(0);
  }, 60_000);

  it('exits 2 with one line and no output on a missing field', () => {
    const missingField = cli('cv', '--input', path.join(dir, 'train.jsonl'), '--text-field', 'content', '--label-field', 'nope');
    expect(missingField.code).toBe(2);
    expect(missingField.stdout).toBe('');
    expect(missingField.stderr.trim()).toBe('classifier: train.jsonl line 1 has no field "nope"');
  }, 60_000);
});

describe('classifierCommand errors (in process)', () => {
  /** Run the command, collecting what it prints. */
  async function run(...argv: string[]) {
    const err: string[] = [];
    const out: string[] = [];
    const e = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void err.push(String(m)));
    const o = vi.spyOn(console, 'log').mockImplementation((m: unknown) => void out.push(String(m)));
    try {
      return { code: await classifierCommand(argv), err, out };
    } finally {
      e.mockRestore();
      o.mockRestore();
    }
  }

  it.each([
    [['cv', '--input', 'NONE', '--text-field', 'a', '--label-field', 'b'], /^classifier: no such file: .*none\.jsonl$/],
    [['train', '--input', 'TRAIN', '--text-field', 'content', '--label-field', 'category'], /^classifier: train needs --out$/],
    [['cv', '--input', 'TRAIN', '--text-field', 'content', '--label-field', 'category', '--folds', 'x'], /^classifier: --folds must be a whole number/],
    [['cv', '--input', 'TRAIN', '--text-field', 'content', '--label-field', 'category', '--bogus'], /^classifier: Unknown option '--bogus'$/],
    [['cv', '--input', 'EMPTY', '--text-field', 'a', '--label-field', 'b'], /^classifier: .*empty\.jsonl holds no labelled examples$/],
    [['eval', '--model', 'TRAIN', '--input', 'TRAIN', '--text-field', 'content', '--label-field', 'category'], /not a valid classifier model/],
    [['frob'], /^classifier: unknown subcommand "frob"/],
    [[], /^classifier: a subcommand is needed/],
  ])('%j → exit 2, one line', async (argv, message) => {
    await writeFile(path.join(dir, 'empty.jsonl'), '');
    const files: Record<string, string> = { NONE: path.join(dir, 'none.jsonl'), TRAIN: path.join(dir, 'train.jsonl'), EMPTY: path.join(dir, 'empty.jsonl') };
    const r = await run(...argv.map((a) => files[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]!.split('\n')).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
  });
});
