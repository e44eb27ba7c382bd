import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../deps.js';
import { createTestDeps, dialects } from '../../test/dialects.js';
import { inGroupCommit } from './group-commit.js';

describe.each(dialects)('group commit (%s)', (dialect) => {
  let deps: AppDeps;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ deps, cleanup } = await createTestDeps(dialect));
  });
  afterAll(() => cleanup());

  const write = (key: string, fail = false) =>
    inGroupCommit(deps.db, async (trx) => {
      await trx.insertInto('request_counters').values({ key, last: 1 }).execute();
      if (fail) throw new Error(`refused ${key}`);
      return key;
    });
  const keys = async () => (await deps.db.selectFrom('request_counters').select('key').orderBy('key').execute()).map((r) => r.key);

  it('commits requests arriving together in one transaction, rolling back only the one that failed', async () => {
    // The first starts a commit at once; the next three arrive during it and share the following one.
    const results = await Promise.allSettled([write('a'), write('b'), write('c', true), write('d')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('refused c'));
    expect(await keys()).toEqual(['a', 'b', 'd']);
  });

  it('rolls back a lone failing request, and a statement the database refused only for its own request', async () => {
    // On PostgreSQL a refused statement aborts the transaction; rolling back to the savepoint recovers it.
    const lone = await Promise.allSettled([write('e', true)]);
    expect(lone[0]!.status).toBe('rejected');
    const results = await Promise.allSettled([write('f'), write('g'), write('g'), write('h')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await keys()).toEqual(['a', 'b', 'd', 'f', 'g', 'h']);
  });
});
