import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CovenantView } from '@gongzhi/shared';
import { advanceTo, consultOnPhone, handleAll, popups, send } from './covenant-resident-steps.js';
import { apiAs, dialects, getJson, loginResident, phone, startHarness, type Harness } from './harness.js';

/**
 * A resident takes part in a covenant's consultation on a 375 px phone: supports one article, opposes another,
 * comments on a third on its own page and answers a question. Staff set the covenant up through the API.
 */

const TITLE = '五福苑社区居民公约（手机测试）';
const COMMENT = '建议写明晚上几点以后遛狗要特别注意，别吓着老人孩子（测试）';
const QUESTION = '公约草案征求意见多久比较合适？';
const OPINION = '希望公约写上：电动车不进楼道，不在楼道里充电（测试）';
const REASON = '已在第三条补充夜间遛狗的要求';

describe.each(dialects)('a resident takes part in the covenant consultation on a phone (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('supports one article, opposes another, comments on a third, answers a question, then reads how the comment was handled', { timeout: 240_000 }, async () => {
    const { covenantId } = await consultOnPhone(h, { title: TITLE, question: QUESTION, comment: COMMENT });

    // Staff answer the comment and move on to revision: the resident reads the answer first thing on the page.
    await handleAll(h, covenantId, 'partly', REASON);
    await advanceTo(h, covenantId, 'revision');
    const page = await h.newPage(phone);
    await loginResident(page, 'jumin');
    // The home page shows once the login has gone through; going elsewhere sooner would cancel it.
    await page.getByRole('link', { name: /居民公约/ }).waitFor();
    await page.goto(`/m/covenants/${covenantId}`);
    await page.getByRole('status', { name: '现在进行到哪一步' }).getByText('修改完善中').waitFor();
    const mine = page.getByRole('region', { name: '我的意见处理情况' }).getByRole('listitem').filter({ hasText: COMMENT });
    await mine.getByText('部分采纳').waitFor();
    await mine.getByText(`社区答复：${REASON}`).waitFor();
    await mine.getByText('第三条（第 1 稿）').waitFor();
    // Consultation is over: the counts stay, the buttons no longer take a stance.
    expect(await page.getByRole('article', { name: '第一条' }).getByRole('button', { name: /^支持/ }).isDisabled()).toBe(true);
    await page.context().close();
  });

  it('gives an opinion in elder mode with nothing popping up, and sees it answered', { timeout: 180_000 }, async () => {
    const staff = await apiAs(h, 'shegong');
    const { csrfToken } = await getJson<{ csrfToken: string }>(staff.api, '/api/v1/me');
    const c = await send<CovenantView>({ api: staff.api, csrf: csrfToken }, 'POST', '/api/v1/covenants', {
      title: `${TITLE}（征集）`,
      phases: [{ phase: 'opinion_collection', plannedEndOn: '2026-12-05' }],
    });
    await staff.close();

    const page = await h.newPage(phone);
    await loginResident(page, 'jumin');
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    const elder = page.getByRole('switch', { name: '长辈版' });
    await elder.waitFor();
    if ((await elder.getAttribute('aria-checked')) !== 'true') await elder.click();
    await page.getByRole('switch', { name: '长辈版', checked: true }).waitFor();

    await page.goto(`/m/covenants/${c.id}`);
    await page.getByRole('status', { name: '现在进行到哪一步' }).getByText('征集意见中，至 12月5日').waitFor();
    // Sending nothing says so on the page.
    await page.getByRole('button', { name: '提交想法' }).click();
    await page.getByRole('alert').filter({ hasText: '请至少写 2 个字' }).waitFor();
    await page.getByRole('textbox', { name: '您希望公约写些什么' }).fill(OPINION);
    await page.getByRole('button', { name: '提交想法' }).click();
    await page.getByText('已提交，谢谢您！社区起草时会认真考虑。').waitFor();
    const mine = page.getByRole('region', { name: '我的意见' }).getByRole('listitem').filter({ hasText: OPINION });
    await mine.getByText('待处理').waitFor();
    expect(await popups(page)).toBe(0);

    await handleAll(h, c.id, 'adopted', '已写入第二条');
    await page.reload();
    await mine.getByText('已采纳').waitFor();
    await mine.getByText('社区答复：已写入第二条').waitFor();
    expect(await popups(page)).toBe(0);
    await page.context().close();
  });
});
