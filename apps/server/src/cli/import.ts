import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { transferKinds, type TransferKind } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { AppError } from '../lib/app-error.js';
import { commitImport, validateImport } from '../modules/transfer/imports.service.js';
import { parseCommandArgs } from './args.js';

/**
 * `import --kind K --community ID FILE [--check]`: check every row, print the errors, then import the valid rows
 * with a progress line per batch. Exit 0 when every row went in, 3 when some rows were refused, 1 on failure.
 */
export async function importCommand(deps: AppDeps, argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { kind: { type: 'string' }, community: { type: 'string' }, check: { type: 'boolean' } });
  const kind = values.kind as TransferKind | undefined;
  if (!kind || !transferKinds.includes(kind) || !values.community || positionals.length !== 1) {
    console.error(`import needs --kind (${transferKinds.join(' | ')}), --community ID and one FILE.`);
    return 1;
  }
  const communityId = await communityArg(deps, values.community);
  if (!communityId) return 1;
  const file = positionals[0]!;
  const started = Date.now();
  try {
    const job = await validateImport(deps, null, { kind, communityId, fileName: path.basename(file), data: await readFile(file) });
    console.log(`Checked ${job.totalRows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s: ${job.createdRows} new, ${job.updatedRows} changed, ${job.unchangedRows} unchanged, ${job.errorRows} refused.`);
    for (const e of job.errors.slice(0, 50)) console.log(`  row ${e.row}${e.column ? ` ${e.column}` : ''}: ${e.message}`);
    if (job.errors.length > 50) console.log(`  … and more (job ${job.id}; GET /api/v1/imports/${job.id}/report.xlsx has them all)`);
    if (values.check) return job.errorRows ? 3 : 0;
    const done = await commitImport(deps, null, job.id, {
      onProgress: (p) => console.log(`  imported ${p.processed}/${p.total} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    });
    console.log(`Import ${done.status} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${done.createdRows} created, ${done.updatedRows} updated, ${done.unchangedRows} unchanged, ${done.errorRows} refused.`);
    if (done.status !== 'done') {
      for (const e of done.errors.filter((x) => x.row === 0)) console.error(`  ${e.message}`);
      return 1;
    }
    return done.errorRows ? 3 : 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`Refused: ${e.code}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`);
      return 1;
    }
    throw e;
  }
}

/** A community named on the command line by id or by its exact name; null (after saying why) when there is none. */
export async function communityArg(deps: AppDeps, value: string): Promise<string | null> {
  const byId = await deps.db.selectFrom('places').select('id').where('id', '=', value).where('kind', '=', 'community').executeTakeFirst();
  if (byId) return byId.id;
  const byName = await deps.db.selectFrom('places').select('id').where('name', '=', value).where('kind', '=', 'community').where('retired_at', 'is', null).execute();
  if (byName.length === 1) return byName[0]!.id;
  console.error(byName.length ? `Several communities are named ${value}; give its id.` : `No community with id or name ${value}.`);
  return null;
}
