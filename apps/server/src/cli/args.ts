import { parseArgs } from 'node:util';

/** Parse `--flag value` options of one command; unknown flags are an error with the command's usage. */
export function parseCommandArgs<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}
