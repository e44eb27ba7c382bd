import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, dialects, getJson, loginConsole, loginResident, phone, startHarness, type Harness } from './harness.js';
import { photoUpload, rateDissatisfied, submitFromPhone } from './request-steps.js';

const TEXT = '五福苑1栋2单元楼道灯坏了一个星期，晚上老人上下楼看不见（测试）';
const REPLY = '物业已更换1栋2单元楼道灯泡，请您看看现在亮不亮';
const COMMENT = '换了以后第二天又不亮了，线路可能有问题';

/** A larger phone than the harness default, as many residents now have. */
const bigPhone = { ...phone, viewport: { width: 390, height: 844 } };

/** POST as a logged-in API client, with its CSRF token, failing loudly. */
async function postJson(api: APIRequestContext, csrf: string, url: string, data?: unknown): Promise<void> {
  const res = await api.post(url, { headers: { 'x-csrf-token': csrf }, ...(data === undefined ? {} : { data }) });
  if (!res.ok()) throw new Error(`POST ${url} answered ${res.status()}: ${await res.text()}`);
}

const popups = (page: Page) => page.locator('.adm-dialog, .adm-modal, .adm-toast-mask, .adm-mask, .adm-popup').count();

describe.each(dialects)('a resident reports a matter on the phone, follows it and disputes the answer (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('shows an empty list with a way to report, refuses a photo that is too large before sending it, and withdraws inline', async () => {
    const page = await h.newPage(phone);
    // Before the next test, this resident has reported nothing yet.
    await loginResident(page, 'jumin');
    await page.getByRole('link', { name: /我的诉求/ }).waitFor();
    await page.goto('/m/requests');
    await page.getByText('您还没有反映过事情').waitFor();
    await page.getByRole('button', { name: /我要反映/ }).click();
    await page.waitForURL('**/m/requests/new');
    const uploads: string[] = [];
    page.on('request', (r) => r.url().includes('/api/v1/files') && uploads.push(r.url()));
    await page.getByLabel('从相册选').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
    await page.getByRole('alert').filter({ hasText: '这张照片太大' }).waitFor();
    expect(uploads).toEqual([]);

    // A place elsewhere in the community, then a change of mind: withdrawn after an inline confirmation.
    await page.getByRole('radio', { name: /咨询/ }).click();
    await page.getByRole('textbox', { name: /具体情况/ }).fill('想问问社区老年食堂几点开门，怎么办卡（测试）');
    await page.getByRole('radio', { name: '社区里别的地方' }).click();
    await page.getByLabel('请选择地点').fill('3栋');
    await page.getByRole('radiogroup', { name: '找到的地点' }).getByRole('radio').first().click();
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/\/submitted$/);
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.getByText(/地点：.*3栋/).waitFor();
    await page.getByRole('button', { name: '撤回这件事' }).click();
    await page.getByText('撤回后社区就不再办理这件事了。确定要撤回吗？').waitFor();
    await page.getByRole('button', { name: '确定撤回' }).click();
    await page.locator('.gz-now').filter({ hasText: '已撤回' }).waitFor();
    expect(await page.getByRole('button', { name: '撤回这件事' }).count()).toBe(0);
    await page.context().close();
  });

  it('submits with a photo, sees the reply, rates it dissatisfied inline in elder mode, is told in 消息, and is shown it as a duplicate', async () => {
    const page = await h.newPage(bigPhone);
    await loginResident(page, 'jumin');
    await page.getByRole('link', { name: /我要反映/ }).click();
    await page.waitForURL('**/m/requests/new');

    // Submitting with nothing chosen says what is missing, on the page.
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('alert').filter({ hasText: '请先选一类' }).first().waitFor();

    const { id, number } = await submitFromPhone(page, { kind: '求助', text: TEXT, photo: photoUpload('light.png'), place: '我住的楼', anonymous: true });

    // The success page gives the number, what happens next and the deadline.
    await page.getByText('接下来').waitFor();
    await page.getByText(/社区会在 .+ 之前答复您/).waitFor();

    // 我的诉求 lists it with its number and plain status.
    await page.getByRole('link', { name: '我的诉求' }).click();
    const row = page.getByRole('link').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain('已受理');

    // The detail shows the photo and the first step of the timeline.
    await row.click();
    await page.getByRole('heading', { name: '办理过程' }).waitFor();
    await page.getByRole('link', { name: '查看第 1 张照片' }).waitFor();
    await page.getByText('社区已收到您的诉求，正在安排').first().waitFor();

    // Community staff dispatch it to themselves, take it on and answer, through the API.
    const staff = await apiAs(h, 'shegong');
    const me = await getJson<{ id: string; csrfToken: string }>(staff.api, '/api/v1/me');
    await postJson(staff.api, me.csrfToken, `/api/v1/requests/${id}/dispatch`, { assignees: [{ kind: 'user', userId: me.id, lead: true }] });
    await postJson(staff.api, me.csrfToken, `/api/v1/requests/${id}/accept`);
    await postJson(staff.api, me.csrfToken, `/api/v1/requests/${id}/reply`, { text: REPLY });
    await staff.close();

    // Elder mode on; from here nothing may pop up.
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    await page.getByRole('switch', { name: '长辈版' }).click();
    await page.getByRole('switch', { name: '长辈版', checked: true }).waitFor();

    // The tab bar says there are unread messages.
    const messagesTab = page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: /消息/ });
    await page.reload();
    await expect.poll(async () => (await messagesTab.textContent()) ?? '').toMatch(/条未读/);

    await page.goto(`/m/requests/${id}`);
    await page.getByRole('heading', { name: '社区的答复' }).waitFor();
    await page.locator('.gz-reply-card').filter({ hasText: REPLY }).waitFor();

    // Dissatisfied without a reason: told why, inline.
    await page.getByRole('radio', { name: '不满意' }).click();
    await page.getByRole('radio', { name: '没解决' }).click();
    await page.getByText('您不满意，请说说原因，社区会据此重新办理').waitFor();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByRole('alert').filter({ hasText: '请说说哪里不满意' }).waitFor();
    expect(await popups(page)).toBe(0);

    await rateDissatisfied(page, COMMENT);
    // In elder mode the notice stays on the page instead of a passing toast.
    await page.getByRole('status').filter({ hasText: '已收到，社区会重新办理' }).waitFor();
    expect(await popups(page)).toBe(0);
    // It is being handled again: the status, the plain line, and the timeline say so.
    await page.locator('.gz-now').filter({ hasText: '异议重办' }).waitFor();
    await page.getByText('您对答复有异议，已重新办理').first().waitFor();
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await page.getByText(`您说：${COMMENT}`).waitFor();

    // 消息 lists the answer; opening it marks it read and leads to the request.
    await messagesTab.click();
    await page.waitForURL('**/m/messages');
    const message = page.getByRole('button').filter({ hasText: `您的诉求 ${number}：已答复` });
    await message.waitFor();
    expect(await message.textContent()).toContain('未读');
    await message.click();
    await page.waitForURL(`**/m/requests/${id}`);
    await page.getByRole('heading', { name: '社区的答复' }).waitFor();
    await messagesTab.click();
    await page.getByRole('button').filter({ hasText: `您的诉求 ${number}：已答复` }).waitFor();
    expect(await page.getByRole('button').filter({ hasText: `您的诉求 ${number}：已答复` }).textContent()).not.toContain('未读');

    await page.getByRole('button', { name: '全部已读' }).click();
    await page.getByRole('status').filter({ hasText: '已全部标为已读' }).waitFor();
    expect(await page.locator('.gz-message-unread').count()).toBe(0);
    expect(await popups(page)).toBe(0);

    // Reporting the same thing again: the open request is offered as a near-duplicate, and shown on the page.
    await page.goto('/m/requests/new');
    await page.getByRole('textbox', { name: /具体情况/ }).fill(TEXT);
    const similar = page.getByRole('region', { name: '相似的诉求' });
    await similar.getByText('已经有人反映过几乎一样的事，社区正在办理。').waitFor();
    await similar.getByRole('button', { name: '这就是我要说的' }).first().click();
    await page.getByRole('status').filter({ hasText: '社区已经在办这件事' }).filter({ hasText: number }).waitFor();
    expect(await popups(page)).toBe(0);
    await page.context().close();
  });

  it('lets a resident on the phone and a staff member in the console have messages sent by email too', async () => {
    const page = await h.newPage(phone);
    await loginResident(page, 'jumin');
    await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的' }).click();
    await page.getByRole('link', { name: '通知方式' }).click();
    await page.getByText('现在：只在站内提醒').waitFor();
    await page.getByRole('switch', { name: '同时发到邮箱' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('要发到邮箱，请先填写邮箱地址').waitFor();
    await page.getByLabel('邮箱地址').fill('liu.nainai@example.org');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(/现在：站内提醒并发邮件到 \S+@example\.org/).waitFor();
    // The address is never shown back in full.
    expect(await page.getByText('liu.nainai@example.org').count()).toBe(0);
    await page.context().close();

    const staff = await h.newPage();
    await loginConsole(staff, 'shegong');
    await staff.getByRole('button', { name: /消息通知/ }).click();
    await staff.getByRole('dialog').getByText('我的消息').waitFor();
    await staff.keyboard.press('Escape');
    await staff.getByRole('button', { name: /李晓梅/ }).click();
    await staff.getByRole('menuitem', { name: '通知方式' }).click();
    const dialog = staff.getByRole('dialog').filter({ hasText: '通知方式' });
    await dialog.getByLabel('邮箱地址').fill('li.xiaomei@example.org');
    await dialog.getByRole('switch').click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const prefs = await staff.evaluate(async () => (await fetch('/api/v1/me/notification-preferences')).json());
    expect(prefs).toMatchObject({ emailEnabled: true, emailMasked: expect.stringMatching(/@example\.org$/) });
    await staff.context().close();
  });
});
