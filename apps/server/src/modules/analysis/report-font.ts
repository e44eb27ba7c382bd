import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { AppError } from '../../lib/app-error.js';

/** WenQuanYi Micro Hei from Debian's fonts-wqy-microhei: TrueType outlines, which subset cleanly (CFF CJK fonts do not). */
export const DEFAULT_REPORT_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
export const REPORT_FONT_PACKAGE = 'fonts-wqy-microhei';
/** The member of the collection to embed (the other one is the monospaced variant). */
const POSTSCRIPT_NAME = 'WenQuanYiMicroHei';

/** The font file's bytes; a missing or unreadable file answers 503 naming the Debian package that provides it. */
export async function readReportFont(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new AppError('service_unavailable', 503, {
      reason: 'report_font_missing',
      font: path,
      debianPackage: REPORT_FONT_PACKAGE,
      hint: `apt-get install ${REPORT_FONT_PACKAGE}`,
      error: (e as NodeJS.ErrnoException).code ?? 'unreadable',
    });
  }
}

/**
 * Embed the report font, subset to the glyphs used. A .ttc is a collection of fonts; pdf-lib hands the bytes to
 * `fontkit.create` without a name, which returns the collection itself (no glyphs, no `createSubset`), so the
 * registered fontkit asks for the member by its PostScript name. A plain .ttf answers to that name or, failing
 * that, is taken as it is.
 */
export async function embedReportFont(doc: PDFDocument, bytes: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit({ create: (buf: Uint8Array) => fontkit.create(buf, POSTSCRIPT_NAME) ?? fontkit.create(buf) });
  try {
    return await doc.embedFont(bytes, { subset: true });
  } catch (e) {
    throw new AppError('service_unavailable', 503, { reason: 'report_font_unusable', debianPackage: REPORT_FONT_PACKAGE, error: (e as Error).message });
  }
}
