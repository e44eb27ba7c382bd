import type { ErrorCode } from '@gongzhi/shared';
import { AppError } from '../../lib/app-error.js';

/**
 * One thing wrong with a draft (an API body or an import row): the error code, its HTTP status, the field
 * (a body key, which the import maps to its column) and, for `validation_failed`, what is wrong in English.
 * Validators return every problem instead of throwing, so an import can report all of a row's errors at once.
 */
export interface Problem {
  code: ErrorCode;
  status: 400 | 404 | 409;
  field: string;
  message?: string;
}

export const invalid = (field: string, message: string): Problem => ({ code: 'validation_failed', status: 400, field, message });

/**
 * The API answer for a list of problems: the first one with its own code (it says more than "invalid"), else
 * `validation_failed` listing every invalid field the way zod errors do.
 */
export function throwProblems(problems: Problem[]): void {
  if (problems.length === 0) return;
  const specific = problems.find((p) => p.code !== 'validation_failed');
  if (specific) throw new AppError(specific.code, specific.status, { field: specific.field, ...(specific.message ? { reason: specific.message } : {}) });
  throw new AppError('validation_failed', 400, problems.map((p) => ({ field: `body.${p.field}`, code: 'custom', message: p.message ?? p.code })));
}

/** Community registers keep dates in China Standard Time (UTC+8 all year), so "today" is the date there. */
export function localToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0); // rolled into March: step back to the month's end
  return target.toISOString().slice(0, 10);
}

/** Whether a database error is a unique-index violation (two writers raced past the check before it). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (typeof err?.message === 'string' && err.message.includes('UNIQUE constraint failed'));
}
