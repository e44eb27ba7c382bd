import { parseArgs } from 'node:util';

/** Parse `--flag value` options of one command; unknown flags are an error with the command's usage. */
export function parseCommandArgs<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

/** A whole number flag within [min, max], or `fallback` when absent; anything else is a TypeError naming the flag. */
export function intFlag(value: string | boolean | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new TypeError(`--${flag} must be a whole number from ${min} to ${max}, got "${String(value)}".`);
  return n;
}
