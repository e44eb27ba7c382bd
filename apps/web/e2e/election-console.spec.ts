import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleAs, expectShown, phoneAs } from './covenant-steps.js';
import { dialects, startHarness, type Harness } from './harness.js';

/** `YYYY-MM-DD` of China Standard Time, `days` from now. */
const cstDate = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The office prepares an election in the console without typing a single record id: tellers are picked from the
 * community's staff, a voter is registered by finding a resident by name, and a resident's objection filed on a
 * phone (a name, no id) is accepted by picking the voter it concerns, which takes that voter off the list.
 */
describe.each(dialects)('the election console picks people by name (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('creates an election with chosen tellers, registers a resident found by name, and accepts an objection by picking the voter', { timeout: 600_000 }, async () => {
    const office = await consoleAs(h, 'shuji');
    await office.goto('/console/elections');
    await office.getByRole('button', { name: '新建选举' }).click();
    await office.getByLabel('选举名称').fill('第十二届居民委员会换届选举');
    await office.getByLabel('选举日', { exact: true }).fill(cstDate(40));
    await office.getByLabel('网上投票开始').fill(`${cstDate(39)}T08:00`);
    await office.getByLabel('网上投票结束').fill(`${cstDate(39)}T18:00`);
    await office.getByLabel(/选举委员会成员/).fill('沈材政\n王委员');
    // The tellers field offers the office's staff by name (the secretary is already chosen).
    await office.getByLabel(/计票人/).click();
    await office.locator('.ant-select-item-option').filter({ hasText: '李晓梅' }).click();
    await office.keyboard.press('Escape');
    await office.getByRole('button', { name: '创建' }).click();
    await office.waitForURL(/\/console\/elections\/[^/]+$/);
    const electionId = office.url().split('/').pop()!;
    await expectShown(office, office.getByText('李晓梅'));

    await office.getByRole('button', { name: '进入下一阶段：选民登记' }).click();
    await office.getByRole('tab', { name: '选民' }).click();
    // A resident is found by typing part of a name; the option shows the dwelling.
    await office.getByLabel('居民', { exact: true }).click();
    await office.getByLabel('居民', { exact: true }).fill('刘');
    // The option shows the birth year: pick an adult (a child cannot register, and the server would say so).
    const options = office.locator('.ant-select-item-option').filter({ hasText: '刘' });
    await expectShown(office, options);
    const texts = await options.allInnerTexts();
    const adult = texts.findIndex((x) => Number(/（(\d{4})）/.exec(x)?.[1] ?? 9999) <= new Date().getFullYear() - 20);
    expect(adult).toBeGreaterThanOrEqual(0);
    const name = texts[adult]!.split('（')[0]!.trim();
    await options.nth(adult).click();
    await office.getByLabel('依据说明（申请编号等）').fill('人户分离申请 2026-018');
    await office.getByRole('button', { name: '登记选民' }).click();
    const voterRow = office.getByRole('row').filter({ hasText: '人户分离申请 2026-018' });
    await expectShown(office, voterRow);
    expect(await voterRow.innerText()).toContain(name);

    await office.getByRole('button', { name: '进入下一阶段：选民名单公告' }).click();
    await expectShown(office, office.getByText('选民名单公告').first());

    // A resident objects on her phone, naming the person, as anyone reading the posted list would.
    const resident = await phoneAs(h, 'jumin');
    await resident.goto(`/m/elections/${electionId}`);
    await resident.getByText('错登').click();
    await resident.getByLabel('涉及的人').fill(name);
    await resident.getByLabel('理由').fill('已搬离本社区半年');
    await resident.getByRole('button', { name: '提交异议' }).click();
    await expectShown(resident, resident.getByRole('status').filter({ hasText: /已提交|已收到/ }));

    // The office accepts it: the voter with that name is preselected, and accepting takes them off the list.
    await office.reload();
    await office.getByRole('tab', { name: '选民' }).click();
    const objectionRow = office.getByRole('row').filter({ hasText: '已搬离本社区半年' });
    await expectShown(office, objectionRow);
    await expectShown(office, objectionRow.locator('.ant-select').filter({ hasText: name }));
    await objectionRow.getByLabel('答复').fill('经入户核实已迁出，予以移出');
    await objectionRow.getByRole('button', { name: '采纳', exact: true }).click();
    await expectShown(office, office.getByText('已采纳：经入户核实已迁出，予以移出'));
    await expectShown(office, office.getByRole('row').filter({ hasText: '人户分离申请 2026-018' }).getByText(/已移出/));
  });
});
