/** The image types a photo may be, recognised by their first bytes (the name and the declared type prove nothing). */
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type of `data` by its magic bytes, or null when it is none of JPG, PNG or WebP. */
export function sniffImage(data: Buffer): ImageMime | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG)) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** A ledger receipt: a photo, or a PDF (by its `%PDF-` header). */
export type ReceiptMime = ImageMime | 'application/pdf';

/** The type of a receipt's bytes: an image as above, or a PDF; null for anything else. */
export function sniffReceipt(data: Buffer): ReceiptMime | null {
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return sniffImage(data);
}

const extensionOf: Record<ReceiptMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/**
 * A safe stored name: the last path segment of what the phone sent, without control or quoting characters,
 * at most 100 characters, with the extension of the real type.
 */
export function safeFileName(raw: string | undefined, mime: ReceiptMime): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[\u0000-\u001f\u007f"'<>|:*?;%\\]/g, '')
    .trim()
    .slice(0, 90);
  return `${stem || 'photo'}.${extensionOf[mime]}`;
}
