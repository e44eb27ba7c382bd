import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, loginConsole, loginResident, phone, startHarness, type Harness } from './harness.js';
import {
  acceptAndReply,
  dispatchTo,
  findInQueue,
  openAnalysis,
  openFromQueue,
  photoUpload,
  propertyCompanyOf,
  rateDissatisfied,
  submitFromPhone,
} from './request-steps.js';

/**
 * Issue 4's named flow, end to end and in order: a resident reports on the phone with a photo, staff classify
 * and dispatch it to the property company, the company answers, the resident rates it 不满意 and it reopens,
 * and the dashboard counts it.
 */

const TEXT = '五福苑2栋电梯坏了三天了，老人只能爬楼梯，物业一直没来修（流程测试）';
const REPLY = '物业已请电梯公司更换2栋电梯的门机板，电梯已恢复运行';
const COMMENT = '修好当天晚上电梯又停了，还是不能用';
const PHOTO = 'lift.png';

/** What the dashboard's headline cards say now: received, still being handled, and the satisfaction ratio. */
async function dashboardFigures(page: Page): Promise<{ received: number; open: number; satisfied: number; rated: number }> {
  const received = await page.getByRole('group', { name: '受理量', exact: true }).innerText();
  const satisfaction = await page.getByRole('group', { name: '满意率', exact: true }).innerText();
  // Large counts are shown with thousands separators.
  const plain = (s: string) => s.replaceAll(',', '');
  const total = /受理量\s*(\d+)/.exec(plain(received));
  const open = /其中 (\d+) 件仍在办理/.exec(plain(received));
  const ratio = /(\d+) \/ (\d+)/.exec(plain(satisfaction));
  if (!total || !open || !ratio) throw new Error(`Unexpected headline text: ${received} | ${satisfaction}`);
  return { received: Number(total[1]), open: Number(open[1]), satisfied: Number(ratio[1]), rated: Number(ratio[2]) };
}

describe.each(dialects)('a request from report to dashboard (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('is reported with a photo, classified, dispatched to the property company, answered, rated dissatisfied, reopened and counted', { timeout: 240_000 }, async () => {
    const company = await propertyCompanyOf(h);

    // The community worker notes the dashboard's figures first: the demo may already hold requests.
    const staff = await h.newPage();
    await loginConsole(staff, 'shegong');
    await staff.waitForURL('**/console/requests');
    await openAnalysis(staff);
    const before = await dashboardFigures(staff);

    // The resident reports on the phone: kind, words, a photo and her building.
    const resident = await h.newPage(phone);
    await loginResident(resident, 'jumin');
    await resident.getByRole('link', { name: /我要反映/ }).click();
    await resident.waitForURL('**/m/requests/new');
    const { number } = await submitFromPhone(resident, { kind: '投诉', text: TEXT, photo: photoUpload(PHOTO), place: '我住的楼' });

    // Staff find it waiting for dispatch, with her photo and the model's category and confidence.
    await staff.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '诉求', exact: true }).click();
    await openFromQueue(staff, '待派单', number);
    await staff.getByText(TEXT).waitFor();
    await staff.getByRole('img', { name: PHOTO }).first().waitFor();
    await staff.getByText('预测分类').waitFor();
    await staff.getByText(/^置信度 \d+%$/).first().waitFor();
    await staff.getByText('模型归类').waitFor();
    // Confirming the prediction makes it a staff label (training data for the next model).
    await staff.getByRole('button', { name: /(^|\s)确认分类$/ }).click();
    await staff.getByText('分类已更新').waitFor();
    await staff.getByText('已确认', { exact: true }).waitFor();
    await staff.getByText('工作人员确认').waitFor();

    await dispatchTo(staff, company.name);

    // The property company's representative accepts and answers it.
    const org = await h.newPage();
    await loginConsole(org, 'wuye');
    await acceptAndReply(org, number, REPLY);
    await org.context().close();

    // The resident sees the answer and each step in plain words.
    await resident.getByRole('button', { name: '查看办理进度' }).click();
    await resident.getByRole('region', { name: '社区的答复' }).getByText(REPLY).waitFor();
    await resident.getByText(`负责人：${company.name}`).waitFor();
    const steps = resident.getByRole('list', { name: '办理过程' });
    for (const step of ['社区已收到您的诉求，正在安排', '已交给负责的人或单位', '正在办理', '已答复，请您评价']) {
      await steps.getByRole('listitem').filter({ hasText: step }).first().waitFor();
    }

    // 不满意 with a reason: it is being handled again, and she is told so in plain words.
    await rateDissatisfied(resident, COMMENT);
    await resident.getByRole('status').filter({ hasText: '异议重办' }).waitFor();
    await resident.getByText('您对答复有异议，已重新办理').first().waitFor();
    await resident.getByText(`您说：${COMMENT}`).waitFor();
    expect(await resident.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await resident.context().close();

    // Back in the staff queue's 办理中, marked as an objection.
    await staff.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '诉求', exact: true }).click();
    await staff.getByRole('tab', { name: '办理中' }).click();
    const row = await findInQueue(staff, '办理中', number);
    expect(await row.textContent()).toContain('异议重办');

    // The dashboard counts it: one more received and still being handled, one more rated and not satisfied.
    await openAnalysis(staff);
    const after = await dashboardFigures(staff);
    expect(after).toEqual({ received: before.received + 1, open: before.open + 1, satisfied: before.satisfied, rated: before.rated + 1 });
    await staff.context().close();
  });
});
