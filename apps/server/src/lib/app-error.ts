import type { ErrorCode } from '@gongzhi/shared';

/** The one error type. `code` is stable and mapped to text by the web; `details` names fields and reasons. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 404);
export const forbidden = () => new AppError('forbidden', 403);
export const conflict = (code: ErrorCode, details?: unknown) => new AppError(code, 409, details);
export const badRequest = (code: ErrorCode, details?: unknown) => new AppError(code, 400, details);
