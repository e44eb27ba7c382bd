/** Teardown steps, run last-in first-out; a failing step is reported and the rest still run. */
export class Cleanup {
  private readonly steps: Array<{ what: string; fn: () => unknown }> = [];

  add(what: string, fn: () => unknown): void {
    this.steps.push({ what, fn });
  }

  async run(): Promise<void> {
    while (this.steps.length) {
      const { what, fn } = this.steps.pop()!;
      try {
        await fn();
      } catch (e) {
        process.stderr.write(`cleanup: ${what} failed: ${(e as Error).message}\n`);
      }
    }
  }

  /**
   * Run `body`, then the cleanup, also when Ctrl-C or SIGTERM arrives (so no throw-away database or temp
   * directory is left behind; the process then exits 130).
   */
  async guard<T>(body: () => Promise<T>): Promise<T> {
    const onSignal = () => {
      process.stderr.write('\ninterrupted: cleaning up…\n');
      void this.run().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      return await body();
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await this.run();
    }
  }
}
