import { afterAll, beforeAll, describe, it } from 'vitest';
import { dialects, startHarness, type Harness } from './harness.js';
import { publishQuarterlyFinance, residentAsksOnNotice } from './disclosure-steps.js';

/** A quarterly finance disclosure from the overdue list to the portal, with a second pair of eyes (disclosure-steps.ts). */
describe.each(dialects)('publish a quarterly finance disclosure with approval (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('is drafted, blocked for a phone number, masked, approved by another, published and public', { timeout: 240_000 }, () => publishQuarterlyFinance(h));
  it('takes a resident\'s question on a public notice on a phone, answered in public with her name masked', { timeout: 180_000 }, () => residentAsksOnNotice(h));
});
