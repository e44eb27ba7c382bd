import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CovenantView, QuestionView, VersionView } from '@gongzhi/shared';
import { apiAs, getJson, loginResident, phone, type Harness } from './harness.js';

/**
 * Steps of the covenant on the resident's phone that more than one spec walks: staff open a consultation
 * through the API, and a resident supports / opposes articles, comments on one and answers a question.
 */

export const DRAFT = [
  '# 五福苑社区居民公约',
  '',
  '## 第一章 总则',
  '第一条 本公约适用于本社区全体居民。',
  '第二条 居民应当爱护公共设施，不在楼道堆放杂物。',
  '',
  '## 第二章 邻里',
  '第三条 邻里之间互相帮助，文明养犬，牵绳出行。',
].join('\n');

/** An API client with its CSRF token, for writes. */
export interface StaffApi {
  api: APIRequestContext;
  csrf: string;
}

/** Call the API with the CSRF token, failing loudly. */
export async function send<T>(s: StaffApi, method: 'POST' | 'PUT', url: string, data: unknown): Promise<T> {
  const res = await s.api.fetch(url, { method, headers: { 'x-csrf-token': s.csrf }, data });
  if (!res.ok()) throw new Error(`${method} ${url} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * As staff (`shegong`): a covenant whose consultation runs until 10 December, with version 1 (three articles in
 * two chapters) and one single-choice question, moved on to consultation.
 */
export async function covenantInConsultation(
  h: Harness,
  opts: { title: string; question: string; options: string[]; markdown?: string },
): Promise<{ covenant: CovenantView; version: VersionView }> {
  const staff = await apiAs(h, 'shegong');
  try {
    const { csrfToken } = await getJson<{ csrfToken: string }>(staff.api, '/api/v1/me');
    const s = { api: staff.api, csrf: csrfToken };
    const c = await send<CovenantView>(s, 'POST', '/api/v1/covenants', {
      title: opts.title,
      phases: [{ phase: 'consultation', plannedStartOn: '2026-11-20', plannedEndOn: '2026-12-10' }],
    });
    await send(s, 'POST', `/api/v1/covenants/${c.id}/advance`, { to: 'drafting' });
    const version = await send<VersionView>(s, 'POST', `/api/v1/covenants/${c.id}/versions`, { markdown: opts.markdown ?? DRAFT });
    await send(s, 'POST', `/api/v1/covenants/${c.id}/questions`, { versionId: version.id, text: opts.question, options: opts.options });
    const covenant = await send<CovenantView>(s, 'POST', `/api/v1/covenants/${c.id}/advance`, { to: 'consultation' });
    return { covenant, version };
  } finally {
    await staff.close();
  }
}

/** Pop-ups of the component library; the resident pages use none (elder mode forbids them). */
export const popups = (page: Page) => page.locator('.adm-dialog, .adm-modal, .adm-toast-mask, .adm-mask, .adm-popup').count();

/** On a covenant's page: press 支持 or 反对 on an article (第一条…) and wait until the page shows it pressed. */
export async function takeStance(page: Page, article: string, stance: '支持' | '反对'): Promise<void> {
  const card = page.getByRole('article', { name: article });
  await card.getByRole('button', { name: new RegExp(`^${stance}`) }).click();
  await card.getByRole('button', { name: new RegExp(`^${stance}`), pressed: true }).waitFor();
}

/** On a covenant's page: pick one option of a question and send it; wait for the results with my choice. */
export async function answerQuestion(page: Page, question: string, option: string): Promise<void> {
  const q = page.getByRole('region', { name: question });
  await q.getByRole('radio', { name: option }).click();
  await q.getByRole('button', { name: '提交回答' }).click();
  await q.getByRole('listitem').filter({ hasText: option }).getByText('我的选择').waitFor();
}

/** On a covenant's page: 提意见 on an article opens its page; send the comment and see it listed as mine. */
export async function commentOnArticle(page: Page, article: string, text: string): Promise<void> {
  await page.getByRole('article', { name: article }).getByRole('link', { name: /提意见/ }).click();
  await page.waitForURL(/\/m\/covenants\/[^/]+\/articles\/[^/]+$/);
  await page.getByRole('heading', { name: article, level: 1 }).waitFor();
  await page.getByRole('textbox', { name: '您的意见' }).fill(text);
  await page.getByRole('button', { name: '提交意见' }).click();
  await page.getByText('已提交，谢谢您！').waitFor();
  const mine = page.getByRole('listitem').filter({ hasText: text });
  await mine.getByText('我', { exact: true }).waitFor();
  expect(await mine.getByText('待处理').count()).toBe(1);
}

/** The page as wide as the phone: nothing sticks out sideways (no horizontal scrolling on 375 px). */
const fitsThePhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * The whole consultation on a 375 px phone as `jumin`: open the covenant from the home page, support 第一条,
 * oppose 第二条 (after changing her mind twice), answer the question, comment on 第三条, and check the server.
 */
export async function consultOnPhone(h: Harness, o: { title: string; question: string; comment: string }): Promise<{ covenantId: string }> {
  const { covenant, version } = await covenantInConsultation(h, { title: o.title, question: o.question, options: ['两周', '一个月', '两个月'] });
  const page = await h.newPage(phone);
  await loginResident(page, 'jumin');

  // From the home page to the community's covenants, where the phase says until when.
  await page.getByRole('link', { name: /居民公约/ }).click();
  await page.waitForURL('**/m/covenants');
  // By its address: a community may hold other covenants with similar titles.
  const row = page.locator(`a[href="/m/covenants/${covenant.id}"]`);
  await row.getByText(o.title).waitFor();
  await row.getByText('征求意见中，至 12月10日').waitFor();
  await row.click();
  await page.waitForURL(`**/m/covenants/${covenant.id}`);

  // The banner says where it stands and what the resident may do now; the draft comes in its chapters.
  const banner = page.getByRole('status', { name: '现在进行到哪一步' });
  await banner.getByText('征求意见中，至 12月10日').waitFor();
  await banner.getByText('逐条表示支持或反对、提意见、回答问题').waitFor();
  await page.getByRole('heading', { name: '第一章 总则' }).waitFor();
  await page.getByRole('heading', { name: '第二章 邻里' }).waitFor();

  // 支持 第一条, 反对 第二条; each press shows the count and that it is mine.
  await takeStance(page, '第一条', '支持');
  const first = page.getByRole('article', { name: '第一条' });
  await first.getByRole('button', { name: '支持 1 人', pressed: true }).waitFor();
  await takeStance(page, '第二条', '反对');
  const second = page.getByRole('article', { name: '第二条' });
  await second.getByRole('button', { name: '反对 1 人', pressed: true }).waitFor();
  await second.getByText('您反对这一条。', { exact: false }).waitFor();

  // A change of mind moves the stance; pressing the chosen one again takes it back.
  await takeStance(page, '第二条', '支持');
  await second.getByRole('button', { name: '反对 0 人', pressed: false }).waitFor();
  await second.getByRole('button', { name: /^支持/ }).click();
  await second.getByRole('button', { name: '支持 0 人', pressed: false }).waitFor();
  await takeStance(page, '第二条', '反对');

  // The question: one big option, then the results.
  await answerQuestion(page, o.question, '一个月');
  await page.getByRole('region', { name: o.question }).getByText('共 1 人回答').waitFor();
  expect(await fitsThePhone(page)).toBe(true);

  // 提意见 on 第三条 opens the article's own page with the comment form.
  await commentOnArticle(page, '第三条', o.comment);
  expect(await fitsThePhone(page)).toBe(true);
  expect(await popups(page)).toBe(0);

  // Back on the covenant, 第三条 counts the comment; the server holds the stances, the answer and the comment.
  await page.goBack();
  await page.waitForURL(`**/m/covenants/${covenant.id}`);
  await page.getByRole('article', { name: '第三条' }).getByText('已有 1 条意见').waitFor();
  const staff = await apiAs(h, 'shegong');
  try {
    const v = await getJson<VersionView>(staff.api, `/api/v1/covenants/${covenant.id}/versions/${version.id}`);
    expect(v.articles.map((a) => [a.number, a.support, a.oppose, a.comments])).toEqual([
      [1, 1, 0, 0],
      [2, 0, 1, 0],
      [3, 0, 0, 1],
    ]);
    const q = await getJson<{ items: QuestionView[] }>(staff.api, `/api/v1/covenants/${covenant.id}/questions?versionId=${version.id}`);
    expect(q.items[0]!.options.map((o) => o.count)).toEqual([0, 1, 0]);
  } finally {
    await staff.close();
  }
  await page.context().close();
  return { covenantId: covenant.id };
}

/** As staff: answer every comment and opinion of a covenant the same way, through the API. */
export async function handleAll(h: Harness, covenantId: string, handling: 'adopted' | 'partly' | 'not', reason: string): Promise<void> {
  const staff = await apiAs(h, 'shegong');
  try {
    const { csrfToken } = await getJson<{ csrfToken: string }>(staff.api, '/api/v1/me');
    const s = { api: staff.api, csrf: csrfToken };
    const comments = await getJson<{ items: { id: string }[] }>(staff.api, `/api/v1/covenants/${covenantId}/comments?limit=100`);
    for (const c of comments.items) await send(s, 'POST', `/api/v1/covenants/${covenantId}/comments/${c.id}/handling`, { handling, reason });
    const opinions = await getJson<{ items: { id: string }[] }>(staff.api, `/api/v1/covenants/${covenantId}/opinions`);
    for (const op of opinions.items) await send(s, 'POST', `/api/v1/covenants/${covenantId}/opinions/${op.id}/handling`, { handling, reason });
  } finally {
    await staff.close();
  }
}

/** As staff: move a covenant on to its next phase. */
export async function advanceTo(h: Harness, covenantId: string, to: string): Promise<CovenantView> {
  const staff = await apiAs(h, 'shegong');
  try {
    const { csrfToken } = await getJson<{ csrfToken: string }>(staff.api, '/api/v1/me');
    return await send<CovenantView>({ api: staff.api, csrf: csrfToken }, 'POST', `/api/v1/covenants/${covenantId}/advance`, { to });
  } finally {
    await staff.close();
  }
}
