import { PHOTO_MAX_BYTES, PHOTOS_PER_REQUEST, type FileView } from '@gongzhi/shared';
import { ApiError } from '../../api/api-error.js';
import i18n from '../../i18n/index.js';

/** The server's limits, said to the resident before anything is sent. */
export const MAX_PHOTOS = PHOTOS_PER_REQUEST;
export const MAX_PHOTO_BYTES = PHOTO_MAX_BYTES;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * Upload one photo to `POST /api/v1/files` with progress. fetch cannot report upload progress, so this is the
 * one XMLHttpRequest of the app; it sends the same CSRF token and language as the API client.
 */
export function uploadPhoto(file: File, csrfToken: string, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<FileView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language || 'zh-CN');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below as an error
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        onProgress(100);
        resolve(body as FileView);
        return;
      }
      const e = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      reject(new ApiError(e?.code ?? 'internal_error', xhr.status, e?.details ?? null, e?.message ?? ''));
    };
    xhr.onerror = () => reject(new ApiError('network_error', 0, null));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name || 'photo.jpg');
    xhr.send(form);
  });
}
