import i18n from '../i18n/index.js';
import { ApiError } from './api-error.js';

export { ApiError } from './api-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
let csrfToken: string | null = null;
const authLostListeners = new Set<() => void>();

/** Be told when a request finds the session gone (expired, or ended by a password change elsewhere). */
export function onAuthLost(listener: () => void): () => void {
  authLostListeners.add(listener);
  return () => authLostListeners.delete(listener);
}

/** Remember the CSRF token from `GET /me`; every state-changing request sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Build `/api/v1<path>?…`, leaving out empty query values. */
export function apiUrl(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return `/api/v1${path}${s ? `?${s}` : ''}`;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN' };
  // A FormData body sets its own multipart boundary; only JSON bodies name their type here.
  const form = opts.body instanceof FormData;
  if (opts.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(apiUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : form ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network_error', 0, null);
  }
}

async function toError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  const e = body?.error;
  return new ApiError(e?.code ?? 'internal_error', res.status, e?.details ?? null, e?.message ?? '');
}

/** Call the API and return the successful response as it is (for files); rejects with an `ApiError`. */
async function respond(method: string, path: string, opts: RequestOptions): Promise<Response> {
  let res = await send(method, path, opts);
  if (res.status === 403 && !SAFE_METHODS.has(method)) {
    const err = await toError(res);
    if (err.code !== 'csrf_failed') throw err;
    // The token went stale (a new login in another tab): fetch a fresh one and try once more.
    await refreshCsrfToken();
    res = await send(method, path, opts);
  }
  if (!res.ok) {
    const err = await toError(res);
    if (err.code === 'not_authenticated' && path !== '/me') for (const l of authLostListeners) l();
    throw err;
  }
  return res;
}

/** Call the API. Resolves with the JSON body; rejects with an `ApiError`. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await respond(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file the API answered with, and the name its `Content-Disposition` gives (or `fallbackName`). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

function fileNameOf(res: Response, fallbackName: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1]! : fallbackName;
}

/** Fetch a file (a template, an export, a report) so errors show as messages instead of a broken download. */
export async function requestFile(method: string, path: string, opts: RequestOptions & { fallbackName: string }): Promise<DownloadedFile> {
  const res = await respond(method, path, opts);
  return { blob: await res.blob(), fileName: fileNameOf(res, opts.fallbackName) };
}

async function refreshCsrfToken(): Promise<void> {
  const res = await send('GET', '/me', {});
  if (res.ok) setCsrfToken(((await res.json()) as { csrfToken: string }).csrfToken);
}

/** Shorthands for the four verbs the API uses. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Send one file as `multipart/form-data` under `field`. */
  upload: <T>(path: string, file: Blob, fileName: string, query?: Query, field = 'file') => {
    const body = new FormData();
    body.append(field, file, fileName);
    return request<T>('POST', path, { body, query });
  },
};
