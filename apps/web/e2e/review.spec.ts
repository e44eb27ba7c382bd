import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PublicReviewList, ReviewResults, ReviewRoundSummary } from '@gongzhi/shared';
import { popups } from './covenant-resident-steps.js';
import { consoleAs, phoneAs } from './covenant-steps.js';
import { apiAs, dialects, getJson, phone, startHarness, type Harness } from './harness.js';

/**
 * Democratic review (民主评议) as its people see it: 刘奶奶, a residents' representative, rates this year's round on
 * a 375 px phone (no pop-ups, one form only), the secretary closes it and publishes the results with the
 * comments, and anyone reads them on the portal without a login, names masked, in Chinese and English. The demo's
 * earlier year carries the "unfit twice running" flag.
 */

const COMMENT = '希望多组织老年人活动（测试）';

async function noSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

describe.each(dialects)('a democratic review from the phone form to the portal (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('takes a representative’s secret form, closes, publishes and shows the results to anyone', { timeout: 600_000 }, async () => {
    const staff = await apiAs(h, 'shuji');
    const rounds = await getJson<{ items: ReviewRoundSummary[] }>(staff.api, '/api/v1/reviews');
    const open = rounds.items.find((r) => r.status === 'open')!;
    expect(open).toBeDefined();
    const before = open.turnout.returned;

    // 1. 刘奶奶 rates every subject on her phone; the first (a committee member) 不称职, with a comment.
    const m = await phoneAs(h, 'jumin');
    await m.getByRole('link', { name: /民主评议/ }).first().click();
    await m.getByRole('link', { name: new RegExp(open.title) }).click();
    await m.getByText('评议不记名').waitFor();
    const groups = m.getByRole('radiogroup');
    const n = await groups.count();
    expect(n).toBeGreaterThan(3);
    await groups.nth(0).getByRole('radio', { name: '不称职' }).click();
    await m.getByRole('textbox').first().fill(COMMENT);
    // Returning it half-filled is refused on the page, not in a dialog.
    await m.getByRole('button', { name: '提交评议表' }).click();
    await m.getByText(/还有 \d+ 项没有评价/).waitFor();
    for (let i = 1; i < n; i++) await groups.nth(i).getByRole('radio').first().click();
    await m.getByRole('button', { name: '提交评议表' }).click();
    await m.getByText('提交后不能修改。确认提交吗？').waitFor();
    expect(await popups(m)).toBe(0);
    await noSideScroll(m);
    await m.getByRole('button', { name: '确认提交' }).click();
    await m.getByText('已提交，谢谢！').waitFor();
    // A second visit finds the form returned: one form per representative.
    await m.reload();
    await m.getByText('您已提交评议表，谢谢！').waitFor();

    // 2. The secretary sees the turnout, closes the round and publishes it with the comments.
    const c = await consoleAs(h, 'shuji');
    await c.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '民主评议', exact: true }).click();
    await c.getByRole('link', { name: open.title }).click();
    await c.getByText(new RegExp(`回收 ${before + 1} 份`)).waitFor();
    await c.getByRole('button', { name: '截止评议' }).click();
    await c.getByRole('button', { name: /确\s*定|OK/ }).click();
    await c.getByRole('button', { name: '公布结果' }).waitFor();
    await c.getByRole('checkbox', { name: /同时公布意见/ }).check();
    await c.getByRole('button', { name: '公布结果' }).click();
    await c.getByRole('button', { name: /确\s*定|OK/ }).click();
    await c.getByRole('link', { name: '在公开栏查看' }).waitFor();
    await c.getByText(/^计算规则/).waitFor();

    // 3. Anyone reads it on the portal: the count includes her 不称职, her comment, no rater, names masked.
    const results = await getJson<ReviewResults>(staff.api, `/api/v1/public/reviews/${open.id}`);
    const first = results.subjects[0]!;
    expect(first.counts.poor).toBeGreaterThanOrEqual(1);
    expect(first.comments).toContain(COMMENT);
    const p = await h.newPage(phone);
    await p.goto(`/communities/${open.communityId}/reviews`);
    await p.getByRole('heading', { name: /民主评议/ }).waitFor();
    await p.getByRole('link', { name: open.title }).click();
    await p.getByRole('heading', { name: open.title }).waitFor();
    // Published comments fold under each subject; hers is under the first.
    await p.locator('details summary').first().click();
    await p.getByText(COMMENT).waitFor();
    const list = p.getByRole('list', { name: '评议结果' });
    await list.getByRole('heading', { name: new RegExp(`^${first.name.replace(/\*/g, '\\*')}`) }).first().waitFor();
    expect(first.name).toMatch(/\*/);
    const body = await p.locator('main').innerText();
    expect(body).not.toContain('刘奶奶');
    await p.getByRole('img', { name: '各评议对象评价比例条形图' }).waitFor();
    await noSideScroll(p);
    // The earlier year: the member judged unfit twice running is flagged, neutrally.
    const published = await getJson<PublicReviewList>(staff.api, `/api/v1/public/communities/${open.communityId}/reviews`);
    const flaggedRound = published.items.find((r) => r.flagged > 0)!;
    expect(flaggedRound).toBeDefined();
    await p.goto(`/reviews/${flaggedRound.id}`);
    await p.getByText('连续两次不称职').first().waitFor();
    await p.getByText(/可依法提出罢免或撤换/).waitFor();
    // And in English.
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByText('Unfit twice running').first().waitFor();
    await staff.close();
  });
});
