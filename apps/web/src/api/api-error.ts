import { errorMessages, type ErrorCode } from '@gongzhi/shared';

/** One field-level problem from a validation error: `field` is the server's path, e.g. `body.roles.0.placeId`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error answer from the API (`{ error: { code, message, details } }`), or a network failure (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly details: unknown,
    /** The server's own text, already in the caller's language. */
    readonly serverMessage: string = '',
  ) {
    super(serverMessage || code);
    this.name = 'ApiError';
  }

  /** True for codes the shared list knows, so the web can give its own text for them. */
  get known(): boolean {
    return isErrorCode(this.code);
  }

  /** Field problems of a validation error, with the `body.` / `querystring.` prefix removed. */
  get fieldProblems(): FieldProblem[] {
    // Business errors name one field: `{ field: 'name' }` with the error's own code as the message.
    const d = this.details as { field?: unknown } | null;
    if (d && !Array.isArray(d) && typeof d.field === 'string') return [{ field: d.field, message: this.code }];
    if (!Array.isArray(this.details)) return [];
    return this.details
      .filter((d): d is FieldProblem => typeof d === 'object' && d !== null && typeof d.field === 'string')
      .map((d) => ({ field: d.field.replace(/^(body|querystring|params)\.?/, ''), message: String(d.message ?? '') }));
  }
}

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorMessages, code);
