/**
 * Personal data in text meant for the public (公示, 公开, the ledger's purposes): ID numbers, mobile numbers and
 * bank card numbers. The server refuses to publish text with any of them; the web runs the same check as the
 * author types, and offers the masked text. Shared so both sides agree on every character.
 *
 * Landline numbers are not flagged: published text routinely carries the community office's number.
 */

export const personalDataKinds = ['id_number', 'phone', 'bank_card'] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the checked text: `text.slice(start, end)` is the number as written. */
  start: number;
  end: number;
  /** What the number looks like masked, e.g. `138****5678`. */
  masked: string;
}

// A run of digits that may be written in groups ("6222 0202 …", "138-1234-5678"), not glued to letters or digits.
// Full-width digits are folded to ASCII first (one UTF-16 unit each, so offsets stay true).
const candidate = /(?<![0-9A-Za-z])(?:\+?86[ -]?)?[0-9](?:[0-9]|[ -](?=[0-9])){10,22}[0-9Xx]?(?![0-9A-Za-z])/g;

function foldDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (c) => (c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function plausibleDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ID number as residents write it, typos in the check digit included: a mistyped ID is still someone's. */
function looksLikeIdNumber(n: string): boolean {
  if (/^\d{17}[\dX]$/.test(n)) return plausibleDate(Number(n.slice(6, 10)), Number(n.slice(10, 12)), Number(n.slice(12, 14)));
  if (/^\d{15}$/.test(n)) return plausibleDate(1900 + Number(n.slice(6, 8)), Number(n.slice(8, 10)), Number(n.slice(10, 12)));
  return false;
}

function luhn(n: string): boolean {
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    let d = Number(n[n.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function classify(digits: string): PersonalDataKind | null {
  if (looksLikeIdNumber(digits)) return 'id_number';
  const mobile = digits.replace(/^86(?=1[3-9]\d{9}$)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return 'phone';
  if (/^\d{16,19}$/.test(digits) && luhn(digits)) return 'bank_card';
  return null;
}

function maskDigits(kind: PersonalDataKind, digits: string): string {
  if (kind === 'phone') {
    const m = digits.slice(-11);
    return `${m.slice(0, 3)}****${m.slice(-4)}`;
  }
  if (kind === 'id_number') return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** Every ID, mobile or bank card number in the text, in order. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const folded = foldDigits(text);
  const found: PersonalDataFinding[] = [];
  for (const m of folded.matchAll(candidate)) {
    const digits = m[0].replace(/^\+/, '').replace(/[ -]/g, '').toUpperCase();
    const kind = classify(digits);
    if (kind) found.push({ kind, start: m.index, end: m.index + m[0].length, masked: maskDigits(kind, digits) });
  }
  return found;
}

/** The text with every finding replaced by its masked form. */
export function maskPersonalData(text: string): string {
  let out = '';
  let at = 0;
  for (const f of findPersonalData(text)) {
    out += text.slice(at, f.start) + f.masked;
    at = f.end;
  }
  return out + text.slice(at);
}

/** "张三" → "张*", "欧阳明月" → "欧*": a person's name where others read it; one star hides the name's length too. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? name.trim() : `${chars[0]}*`;
}
