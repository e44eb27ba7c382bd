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

/** Dates are kept in China Standard Time; one definition for every module (lib/clock.ts). */
export { localDate as localToday, addYears } from '../../lib/clock.js';

export { isUniqueViolation } from '../../db/unique-violation.js';
