/** What every benchmark module exports; `bench/registry.ts` lists them. */
export interface Benchmark {
  name: string;
  /** One line, shown by `npm run bench` with an unknown or missing name. */
  description: string;
  /**
   * Run with the command-line arguments that followed the name. Progress goes to stderr (use `progress`);
   * the returned object is printed by run.ts as the last line of stdout.
   */
  run(args: string[]): Promise<BenchOutcome>;
}

export interface BenchOutcome {
  result: Record<string, unknown>;
  /** 0 unless the benchmark wants the command to fail (e.g. `--strict` and a missed target). */
  exitCode: number;
}

/** A failure the user can fix (a database down, a bad flag): run.ts prints the message, no stack, and exits with `exitCode`. */
export class BenchError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A progress line on stderr, so stdout stays a single JSON line. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}
