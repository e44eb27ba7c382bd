import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TransferKind } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { AuditRow, ImportJobRow } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { auditEntry, recordAudit, type AuditInput } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { planFile, sortErrors } from './import-plan.js';
import { findJob, updateJobIf } from './jobs.repository.js';
import { kinds } from './kinds/index.js';
import type { RowError, RowPlan } from './kinds/types.js';
import { applyWrites } from './writes.repository.js';

/** Rows per transaction: large enough that commits are few, small enough that other requests barely wait. */
export const BATCH_ROWS = 500;

export interface RunOptions {
  /** Aborted when the server shuts down: the current batch finishes, the job becomes `interrupted`. */
  signal?: AbortSignal;
  /** Called after each batch (the command line prints it). */
  onProgress?: (p: { processed: number; total: number }) => void;
}

/** Where an upload is kept, for the commit and the report. */
export const importFilePath = (deps: AppDeps, jobId: string) => path.join(deps.config.dataDir, 'imports', `${jobId}.xlsx`);

/** The entry recordAudit would write, so a batch's entries go in one INSERT with its rows. */
const auditRow = (deps: AppDeps, ctx: RequestContext | null, input: AuditInput): AuditRow => auditEntry(ctx, deps.clock, input);

class Interrupted extends Error {}

/** What the database said when it refused one row, in words a report can carry. */
function rowFailure(row: number, e: unknown): RowError {
  const text = e instanceof Error ? e.message : String(e);
  if (/id_number/i.test(text) && /unique|duplicate/i.test(text)) return { row, column: 'idNumber', code: 'id_number_taken' };
  return { row, column: null, code: 'row_failed', params: { value: text.split('\n')[0]!.slice(0, 160) } };
}

/**
 * Commit a job whose status was just set to `importing`: read its file again, validate again against the
 * database as it is now, then write the valid rows in batches of BATCH_ROWS, each batch one transaction that
 * also moves the job's progress. If a batch fails, its rows are retried one transaction each, so a bad row is
 * refused whole and the others still go in. Never rejects: the job ends `done`, `interrupted` or `failed`.
 */
export async function runImport(deps: AppDeps, ctx: RequestContext | null, job: ImportJobRow, opts: RunOptions = {}): Promise<ImportJobRow | undefined> {
  const id = job.id;
  const def = kinds[job.kind as TransferKind];
  const counts = { created: 0, updated: 0, unchanged: 0, errorRows: 0, processed: 0 };
  const errors: RowError[] = [];
  const progress = (c = counts) => ({
    processed_rows: c.processed,
    created_rows: c.created,
    updated_rows: c.updated,
    unchanged_rows: c.unchanged,
    error_rows: c.errorRows,
    updated_at: iso(deps.clock.now()),
  });
  try {
    const community = await findPlace(deps.db, job.community_id);
    if (!community) throw new Error('community not found');
    const plan = await planFile(deps, ctx, community, def, await readFile(importFilePath(deps, id)));
    errors.push(...plan.errors);
    counts.errorRows = counts.processed = plan.counts.errorRows;
    const valid = plan.plans.filter((p) => p.outcome !== 'error').sort((a, b) => a.order - b.order || a.row - b.row);
    await updateJobIf(deps.db, id, ['importing'], { ...progress(), total_rows: plan.plans.length });

    const write = async (rows: RowPlan[]) => {
      const next = { ...counts };
      for (const p of rows) {
        next.processed++;
        if (p.outcome !== 'error') next[p.outcome]++;
      }
      await deps.db.transaction().execute(async (trx) => {
        if (!(await updateJobIf(trx, id, ['importing'], progress(next)))) throw new Interrupted();
        const writes = rows.flatMap((p) => (p.writes ? [p.writes] : []));
        await applyWrites(trx, writes, writes.map((w) => auditRow(deps, ctx, w.audit)));
      });
      Object.assign(counts, next);
    };

    for (let i = 0; i < valid.length; i += BATCH_ROWS) {
      if (opts.signal?.aborted) {
        await updateJobIf(deps.db, id, ['importing'], { ...progress(), status: 'interrupted', finished_at: iso(deps.clock.now()) });
        return findJob(deps.db, id);
      }
      const batch = valid.slice(i, i + BATCH_ROWS);
      try {
        await write(batch);
      } catch (e) {
        if (e instanceof Interrupted) return findJob(deps.db, id);
        for (const p of batch) {
          try {
            await write([p]);
          } catch (rowError) {
            if (rowError instanceof Interrupted) return findJob(deps.db, id);
            errors.push(rowFailure(p.row, rowError));
            counts.errorRows++;
            counts.processed++;
          }
        }
      }
      opts.onProgress?.({ processed: counts.processed, total: plan.plans.length });
    }

    const finishedAt = iso(deps.clock.now());
    await deps.db.transaction().execute(async (trx) => {
      const done = await updateJobIf(trx, id, ['importing'], { ...progress(), status: 'done', errors_json: JSON.stringify(sortErrors(def, errors)), finished_at: finishedAt });
      if (!done) return;
      const after = { kind: job.kind, fileName: job.file_name, created: counts.created, updated: counts.updated, unchanged: counts.unchanged, errorRows: counts.errorRows };
      await recordAudit(trx, ctx, deps.clock, { action: 'import.commit', targetType: 'import_job', targetId: id, communityId: community.id, scopePath: community.path, after });
    });
  } catch (e) {
    const reason = e instanceof AppError ? e.code : e instanceof Error ? e.message : String(e);
    const failed: RowError = { row: 0, column: null, code: 'import_failed', params: { value: reason.slice(0, 200) } };
    await updateJobIf(deps.db, id, ['importing'], { ...progress(), status: 'failed', errors_json: JSON.stringify([failed, ...errors]), finished_at: iso(deps.clock.now()) }).catch(() => false);
  }
  return findJob(deps.db, id).catch(() => undefined);
}
