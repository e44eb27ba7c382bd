import type { DownloadedFile } from './client.js';

/** Hand a fetched file to the browser's download (the object URL is freed once the click is taken). */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save a value as a pretty-printed JSON file. */
export function saveJson(value: unknown, fileName: string): void {
  saveFile({ blob: new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName });
}
