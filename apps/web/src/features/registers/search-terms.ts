/** What one search box can mean in the residents register. */
export type SearchTerms = { q: string } | { phoneTail: string } | { idNumber: string } | Record<string, never>;
export type SearchKind = 'name' | 'phoneTail' | 'idNumber' | 'none';

/**
 * One box for everything a worker types: 18 characters of digits (an X last) are an ID number, found exactly
 * through the blind index; 2 to 11 digits are the end of a phone number; anything else is part of a name.
 */
export function parseSearch(input: string): { kind: SearchKind; terms: SearchTerms } {
  const compact = input.replace(/\s+/g, '');
  if (!compact) return { kind: 'none', terms: {} };
  if (/^\d{17}[\dXx]$/.test(compact)) return { kind: 'idNumber', terms: { idNumber: compact.toUpperCase() } };
  if (/^\d{2,11}$/.test(compact)) return { kind: 'phoneTail', terms: { phoneTail: compact } };
  return { kind: 'name', terms: { q: input.trim().slice(0, 50) } };
}
