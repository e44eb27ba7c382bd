import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataOfficerRoles, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportJobView, type Locale, type TransferKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { ImportJobRow, PlaceRow } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { planFile } from './import-plan.js';
import { importFilePath, runImport, type RunOptions } from './import-runner.js';
import { findJob, insertJob, interruptImporting, listJobs, updateJobIf } from './jobs.repository.js';
import { kinds } from './kinds/index.js';
import type { RowError } from './kinds/types.js';
import { rowMessage } from './row-messages.js';
import { purgeOldUploads } from './upload-retention.js';
import type { PreparedFile } from './export.service.js';
import { readSheet } from './xlsx/read-sheet.js';
import { writeReport } from './xlsx/report.js';
import { mayTransferIn } from './transfer.policy.js';

/** How many errors a job view carries; the annotated report always has all of them. */
const VIEW_ERRORS = 1000;

const localeOf = (ctx: RequestContext | null, locale?: Locale): Locale => locale ?? ctx?.actor.locale ?? 'zh-CN';

/** A community the actor may import into or export from; anything else answers 404, like a missing one. */
export async function communityFor(deps: AppDeps, ctx: RequestContext | null, id: string): Promise<PlaceRow> {
  const c = await findPlace(deps.db, id);
  if (!c || c.kind !== 'community' || c.retired_at || !mayTransferIn(ctx?.actor ?? null, c.path)) throw notFound();
  return c;
}

/** A job as the API shows it, with each error's column as its Chinese header and its text in `locale`. */
export function jobView(job: ImportJobRow, locale: Locale, maxErrors = VIEW_ERRORS): ImportJobView {
  const def = kinds[job.kind as TransferKind];
  const stored = (job.errors_json ? JSON.parse(job.errors_json) : []) as RowError[];
  return {
    id: job.id,
    communityId: job.community_id,
    kind: job.kind as TransferKind,
    status: job.status as ImportJobView['status'],
    fileName: job.file_name,
    totalRows: job.total_rows,
    processedRows: job.processed_rows,
    createdRows: job.created_rows,
    updatedRows: job.updated_rows,
    unchangedRows: job.unchanged_rows,
    errorRows: job.error_rows,
    errors: stored.slice(0, maxErrors).map((e) => ({
      row: e.row,
      column: e.column === null ? null : (def.columns.find((c) => c.key === e.column)?.zh ?? e.column),
      code: e.code,
      message: rowMessage(e.code, locale, e.params),
    })),
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

/** A job in a community the actor holds; 404 otherwise. */
export async function visibleJob(deps: AppDeps, ctx: RequestContext | null, id: string): Promise<{ job: ImportJobRow; community: PlaceRow }> {
  const job = await findJob(deps.db, id);
  if (!job) throw notFound();
  const community = await findPlace(deps.db, job.community_id);
  if (!community || !mayTransferIn(ctx?.actor ?? null, community.path)) throw notFound();
  return { job, community };
}

/** Only the name of an uploaded file is kept, without folders or control characters. */
const cleanFileName = (name: string) => path.posix.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'upload.xlsx';

export interface ValidateImportInput {
  kind: TransferKind;
  communityId: string;
  fileName: string;
  data: Buffer;
}

/**
 * Check an uploaded file row by row without importing anything: keep the file, record a `validated` job with
 * the counts an import would produce and every row's errors.
 */
export async function validateImport(deps: AppDeps, ctx: RequestContext | null, input: ValidateImportInput, locale?: Locale): Promise<ImportJobView> {
  const community = await communityFor(deps, ctx, input.communityId);
  // A server that runs for weeks still lets old uploads go (start-up does the same).
  await purgeOldUploads(deps);
  if (input.data.length > IMPORT_MAX_BYTES) throw new AppError('payload_too_large', 413, { maxBytes: IMPORT_MAX_BYTES });
  const def = kinds[input.kind];
  const plan = await planFile(deps, ctx, community, def, input.data);
  const now = iso(deps.clock.now());
  const job: ImportJobRow = {
    id: newId(),
    community_id: community.id,
    kind: input.kind,
    status: 'validated',
    file_name: cleanFileName(input.fileName),
    total_rows: plan.plans.length,
    processed_rows: 0,
    created_rows: plan.counts.created,
    updated_rows: plan.counts.updated,
    unchanged_rows: plan.counts.unchanged,
    error_rows: plan.counts.errorRows,
    errors_json: JSON.stringify(plan.errors),
    created_by: ctx?.actor.userId ?? 'cli',
    created_at: now,
    updated_at: now,
    finished_at: null,
  };
  const file = importFilePath(deps, job.id);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, input.data, { mode: 0o600 });
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertJob(trx, job);
      const after = { kind: job.kind, fileName: job.file_name, totalRows: job.total_rows, created: job.created_rows, updated: job.updated_rows, unchanged: job.unchanged_rows, errorRows: job.error_rows };
      await recordAudit(trx, ctx, deps.clock, { action: 'import.validate', targetType: 'import_job', targetId: job.id, communityId: community.id, scopePath: community.path, after });
    });
  } catch (e) {
    await unlink(file).catch(() => undefined);
    throw e;
  }
  return jobView(job, localeOf(ctx, locale));
}

export async function getImport(deps: AppDeps, ctx: RequestContext | null, id: string, locale?: Locale): Promise<ImportJobView> {
  return jobView((await visibleJob(deps, ctx, id)).job, localeOf(ctx, locale));
}

/** Recent jobs in the communities the actor holds (or one of them), newest first; each with its first errors. */
export async function listImports(deps: AppDeps, ctx: RequestContext, q: { communityId?: string; limit: number }, locale?: Locale): Promise<ImportJobView[]> {
  const held = [...new Set(ctx.actor.roles.filter((r) => dataOfficerRoles.includes(r.role) && r.communityId).map((r) => r.communityId!))];
  const ids = q.communityId ? held.filter((c) => c === q.communityId) : held;
  return (await listJobs(deps.db, ids, q.limit)).map((j) => jobView(j, localeOf(ctx, locale), 20));
}

/**
 * Start importing a validated (or interrupted, or failed) job: it turns `importing` before this returns, and
 * `done` resolves when the import has ended, however it ended. Two commits of one job cannot both start.
 */
export async function startImport(deps: AppDeps, ctx: RequestContext | null, id: string, opts: RunOptions = {}, locale?: Locale) {
  const { job } = await visibleJob(deps, ctx, id);
  const now = iso(deps.clock.now());
  const started = await updateJobIf(deps.db, id, ['validated', 'interrupted', 'failed'], { status: 'importing', processed_rows: 0, updated_at: now, finished_at: null });
  if (!started) throw new AppError('import_not_ready', 409, { status: job.status });
  const importing: ImportJobRow = { ...job, status: 'importing', processed_rows: 0, updated_at: now, finished_at: null };
  const done = runImport(deps, ctx, importing, opts).then((row) => jobView(row ?? importing, localeOf(ctx, locale)));
  return { job: jobView(importing, localeOf(ctx, locale)), done };
}

/** Import a validated job and resolve when it has ended (for the command line and benchmarks). */
export async function commitImport(deps: AppDeps, ctx: RequestContext | null, id: string, opts: RunOptions = {}): Promise<ImportJobView> {
  return (await startImport(deps, ctx, id, opts)).done;
}

/** Jobs a stopped server left `importing` become `interrupted` (they can be committed again: imports are idempotent). */
export function interruptAbandonedImports(deps: AppDeps): Promise<number> {
  return interruptImporting(deps.db, iso(deps.clock.now()));
}

/** The uploaded file annotated with the job's errors (see writeReport). */
export async function prepareReport(deps: AppDeps, ctx: RequestContext | null, id: string, locale?: Locale): Promise<PreparedFile> {
  const { job } = await visibleJob(deps, ctx, id);
  const def = kinds[job.kind as TransferKind];
  const data = await readFile(importFilePath(deps, job.id)).catch(() => {
    throw notFound();
  });
  const { rows } = await readSheet(data, def.columns, IMPORT_MAX_ROWS);
  const errors = (job.errors_json ? JSON.parse(job.errors_json) : []) as RowError[];
  const base = job.file_name.replace(/\.xlsx$/i, '');
  return {
    fileName: `${base}-错误报告.xlsx`,
    asciiName: `import-report-${job.created_at.slice(0, 10).replace(/-/g, '')}.xlsx`,
    write: (out) => writeReport(def, rows, errors, localeOf(ctx, locale), out),
  };
}
