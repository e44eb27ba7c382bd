import { afterAll, beforeAll, describe, it } from 'vitest';
import { dialects, startHarness, type Harness } from './harness.js';
import { topicRoundTrip } from './topics-steps.js';

/** A deliberation topic from the console to the phone and back (topics-steps.ts). */
describe.each(dialects)('a deliberation topic from the console to the phone (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('is started by staff, commented on a phone with a side, and counted', { timeout: 180_000 }, () => topicRoundTrip(h));
});
