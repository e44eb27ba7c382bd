/**
 * Text normalisation shared by the tokenizer and the character n-grams: full-width forms to half-width, lower
 * case, every run of digits to a single "0" (a house number or a date says nothing about the category, and
 * collapsing them keeps the vocabulary small), and whitespace runs to one space.
 */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms; digits collapsed; lower case. */
export function normaliseText(text: string): string {
  let out = '';
  let inDigits = false;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x30 && c <= 0x39) {
      if (!inDigits) out += '0';
      inDigits = true;
      inSpace = false;
      continue;
    }
    inDigits = false;
    // Tabs, line breaks, NBSP and the like all become one space.
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x2028 || c === 0x2029) {
      if (!inSpace) out += ' ';
      inSpace = true;
      continue;
    }
    inSpace = false;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCharCode(c);
  }
  // Letters beyond ASCII (Greek, Cyrillic, accented Latin) are rare here; one pass of toLowerCase covers them.
  return /[^\x00-\x7f]/.test(out) ? out.toLowerCase().trim() : out.trim();
}

/** A letter, digit or CJK ideograph: what counts as content (everything else is punctuation or a symbol). */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The text the character n-grams are taken from: normalised, with every run of punctuation or symbols turned
 * into a space, so "电梯！！！坏了" and "电梯坏了" share their n-grams except at the break.
 */
export function contentText(text: string): string {
  return normaliseText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
