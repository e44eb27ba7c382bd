import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliberationMeetingDetail, TopicDetail } from '@gongzhi/shared';
import { staffApi, tableCovenantMotion } from './covenant-steps.js';
import { send } from './covenant-resident-steps.js';
import { apiAs, desktop, dialects, getJson, loginConsole, loginResident, phone, startHarness, type Harness } from './harness.js';

/**
 * A residents' meeting from notice to vote: staff draft the notice in the console, publish it and open the
 * meeting; a resident signs in on a 375 px phone through the QR link (no pop-ups); the chair sees the count
 * move, puts a motion to a secret ballot and, with one household of thousands present, records no quorum.
 */

const TITLE = '加装电梯居民会议（浏览器测试）';
const TOPIC = '三号楼加装电梯（浏览器测试）';

describe.each(dialects)('a deliberation meeting from notice to vote (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('publishes a notice, signs a resident in by QR link on a phone, and records a secret vote on a topic and a named vote, both without quorum', { timeout: 240_000 }, async () => {
    // A topic on the agenda, which the meeting's motion will decide.
    const topicStaff = await staffApi(h, 'shegong');
    const topic = await send<TopicDetail>(topicStaff, 'POST', '/api/v1/topics', { title: TOPIC, description: '三号楼居民提出加装电梯，请议事会议决定是否推进。' });
    await send(topicStaff, 'POST', `/api/v1/topics/${topic.id}/agenda`, { consultationEndsAt: '2026-12-20T10:00:00.000Z' });

    const staff = await h.newPage(desktop);
    await loginConsole(staff, 'shegong');
    await staff.getByRole('menuitem', { name: '议事会议' }).click();
    // The quorum rules of each meeting kind sit below the list, at the law's default until changed.
    const rules = staff.getByRole('table', { name: '法定人数与表决规则' });
    const denominator = rules.getByRole('row').filter({ hasText: '居民代表会议' }).getByLabel('到会比例分母');
    await denominator.waitFor();
    expect(await denominator.inputValue()).toBe('2');
    await staff.getByRole('button', { name: '新建会议通知' }).click();
    await staff.getByLabel('会议名称').fill(TITLE);
    await staff.getByLabel('会议时间').fill('2026-12-01 19:00');
    await staff.getByLabel('会议时间').press('Enter');
    await staff.getByLabel('会议地点').fill('社区议事厅');
    await staff.getByLabel('主持人').fill('沈书记');
    await staff.getByLabel('议程 1').fill('审议加装电梯方案');
    await staff.getByRole('button', { name: '保存为草稿' }).click();
    // Drawing some 3,000 households into the list takes a moment on a busy machine.
    await staff
      .getByRole('heading', { name: TITLE })
      .waitFor({ timeout: 60_000 })
      .catch(async (e: unknown) => {
        const problems = await staff.locator('.ant-form-item-explain-error, .ant-alert').allInnerTexts();
        throw new Error(`The notice was not saved: ${problems.join(' | ')} (${String(e)})`);
      });
    await staff.getByRole('button', { name: '发布会议通知' }).click();
    await staff.getByRole('button', { name: /^确\s?定$/ }).click();
    await staff.getByRole('button', { name: '宣布开会' }).click();
    await staff.getByRole('button', { name: '宣布散会' }).waitFor();
    const id = staff.url().split('/').pop()!;

    const { api, close } = await apiAs(h, 'shegong');
    const meeting = await getJson<DeliberationMeetingDetail>(api, `/api/v1/deliberation-meetings/${id}`);
    await close();
    expect(meeting.attendance.present).toBe(0);
    expect(meeting.attendance.eligible).toBeGreaterThan(1000);

    const resident = await h.newPage(phone);
    await loginResident(resident, 'jumin');
    await resident.waitForURL(/\/m$/);
    await resident.goto(`/m/meetings/${id}/sign-in?t=${meeting.signInToken}`);
    await resident.getByRole('heading', { name: TITLE }).waitFor();
    await resident.getByRole('button', { name: '确认签到' }).click();
    await resident.getByText('签到成功').waitFor();
    expect(await resident.locator('.adm-dialog, .adm-modal, .adm-toast-mask, .adm-mask, .adm-popup').count()).toBe(0);
    const width = await resident.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);

    // The chair's panel polls: the resident appears as present.
    await staff.getByRole('tab', { name: '签到' }).click();
    await staff.getByRole('tabpanel').getByText('已签到', { exact: true }).click();
    await staff.getByText(/已签到 \d\d:\d\d/).first().waitFor({ timeout: 20_000 });

    await staff.getByRole('tab', { name: '表决' }).click();
    await tableCovenantMotion(staff, '同意加装电梯方案', `议题：${TOPIC}`);
    await staff.getByLabel('赞成票').fill('1');
    await staff.getByRole('button', { name: '结束表决并计票' }).click();
    await staff.getByText('不足法定人数').waitFor();
    await staff.getByText('可在更多人签到后重新提交表决').waitFor();
    // The topic heard the result in the vote's transaction: still on the agenda, with the meeting in its trail.
    const after = await getJson<TopicDetail>(topicStaff.api, `/api/v1/topics/${topic.id}`);
    await topicStaff.close();
    expect(after.status).toBe('on_agenda');
    expect(after.events.map((e) => e.kind)).toContain('meeting_no_quorum');

    // A named vote: the chair finds the present voter by name in the paged list and records the choice.
    await staff.getByLabel('表决事项').fill('会后在各楼栋张贴会议纪要');
    await staff.getByRole('radio', { name: '记名表决' }).check();
    await staff.getByRole('button', { name: '提交表决' }).click();
    const named = staff.locator('.ant-card').filter({ hasText: '会后在各楼栋张贴会议纪要' }).filter({ hasText: '表决中' });
    const office = await apiAs(h, 'shegong');
    const present = (await getJson<{ items: { name: string }[] }>(office.api, `/api/v1/deliberation-meetings/${id}/invitees?present=yes&eligible=yes`)).items;
    await office.close();
    expect(present.length).toBe(1);
    await named.getByRole('searchbox', { name: '按姓名或房号查找' }).fill(present[0]!.name);
    await named.getByRole('searchbox', { name: '按姓名或房号查找' }).press('Enter');
    await named.getByRole('radiogroup', { name: present[0]!.name }).getByText('赞成').click();
    await named.getByText('已记录 1 人').waitFor();
    await named.getByRole('button', { name: '结束表决并计票' }).click();
    await staff.locator('.ant-card').filter({ hasText: '会后在各楼栋张贴会议纪要' }).getByText('不足法定人数').waitFor();
  });
});
