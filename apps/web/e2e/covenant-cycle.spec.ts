import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageRow } from '@gongzhi/shared';
import { commentOnArticle, popups, takeStance } from './covenant-resident-steps.js';
import {
  absentInvitees,
  addressOf,
  advance,
  consoleAs,
  covenantOf,
  expectShown,
  handleComment,
  openTab,
  pdfText,
  phoneAs,
  staffApi,
  tableCovenantMotion,
  tick,
  twoChars,
  verifiedResident,
  writeVersion,
} from './covenant-steps.js';
import { dialects, getJson, startHarness, type Harness } from './harness.js';
import { photoUpload } from './request-steps.js';

/**
 * A covenant from the first draft to household pledges, as the people who do each step see it: staff write
 * three versions in the console, two residents comment and take sides on their phones, the subdistrict returns
 * the text once and then approves it, a representative assembly first lacks a quorum and then adopts it, the
 * subdistrict files it, staff publish it, households pledge, and the A3 poster carries the right Chinese text.
 */

const TITLE = '五福苑社区居民公约（全流程）';
const ART1 = '本公约适用于本社区全体居民。';
const V1 = [
  '# 第一章 总则',
  '',
  `第一条 ${ART1}`,
  '',
  '第二条 居民应当爱护公共设施。',
  '',
  '# 第二章 邻里',
  '',
  '第三条 邻里之间互相帮助，文明养犬。',
].join('\n');
const V2 = [
  '# 第一章 总则',
  '',
  `第一条 ${ART1}`,
  '',
  '第二条 居民应当爱护公共设施，不在楼道堆放杂物。',
  '',
  '# 第二章 邻里',
  '',
  '第三条 邻里之间互相帮助，文明养犬，出门牵绳。',
  '',
  '第四条 晚上十点以后不在室内大声喧哗。',
].join('\n');
const V3 = V2.replace('第四条 晚上十点以后不在室内大声喧哗。', '第四条 晚上十点以后不大声喧哗，装修避开午休时间。');
const COMMENT_JUMIN = '楼道里堆的东西太多了，老人走路容易绊倒（测试）';
const COMMENT_SECOND = '遛狗应该牵绳，小区里孩子多（测试）';
const RETURN_NOTES = '第四条应写明装修时间的约定，请修改后再报（测试）';

describe.each(dialects)('a covenant from the first draft to household pledges (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('goes through three versions, a return, a failed and a passed vote, filing, publication, pledges and the poster', { timeout: 900_000 }, async () => {
    await verifiedResident(h, 'linju2');

    // 1. The community secretary starts the covenant, writes version 1 and opens consultation.
    const staff = await consoleAs(h, 'shuji');
    await staff.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '居民公约', exact: true }).click();
    await staff.waitForURL('**/console/covenants');
    await staff.getByRole('button', { name: '新建居民公约' }).click();
    await staff.getByLabel('公约名称').fill(TITLE);
    await staff.getByRole('button', { name: twoChars('创建') }).click();
    await staff.waitForURL(/\/console\/covenants\/[^/]+$/);
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    const covenantId = staff.url().split('/').pop()!;
    await advance(staff, '起草草案');
    await openTab(staff, '文本与版本');
    await staff.getByRole('button', { name: '新版本' }).click();
    await staff.getByLabel('公约文本（Markdown）').fill(V1);
    await staff.getByRole('region', { name: '预览：拆分后的章和条' }).getByText('共 2 章、3 条').waitFor();
    await staff.getByRole('button', { name: '保存新版本' }).click();
    await expectShown(staff, staff.getByText('第 1 版文本'));
    await advance(staff, '征求意见');

    // 2. Two residents on their phones: 刘奶奶 supports 第一条, opposes 第二条 and comments on it; the second
    //    resident supports 第一条 too, opposes 第三条 and comments on it.
    const jumin = await phoneAs(h, 'jumin');
    await jumin.goto(`/m/covenants/${covenantId}`);
    await jumin.getByRole('status', { name: '现在进行到哪一步' }).getByText(/征求意见中/).waitFor();
    await takeStance(jumin, '第一条', '支持');
    await takeStance(jumin, '第二条', '反对');
    await commentOnArticle(jumin, '第二条', COMMENT_JUMIN);
    expect(await jumin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await popups(jumin)).toBe(0);
    await jumin.context().close();

    const neighbour = await phoneAs(h, 'linju2');
    await neighbour.goto(`/m/covenants/${covenantId}`);
    await neighbour.getByRole('heading', { name: '第二章 邻里' }).waitFor();
    await takeStance(neighbour, '第一条', '支持');
    await neighbour.getByRole('article', { name: '第一条' }).getByRole('button', { name: '支持 2 人', pressed: true }).waitFor();
    await takeStance(neighbour, '第三条', '反对');
    await commentOnArticle(neighbour, '第三条', COMMENT_SECOND);
    expect(await neighbour.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await popups(neighbour)).toBe(0);
    await neighbour.context().close();

    // 3. Revision: version 2 with a changelog, each comment answered, and the article-level diff.
    await staff.reload();
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await advance(staff, '修改完善');
    await writeVersion(staff, 2, V2, '第二条加上不在楼道堆放杂物；第三条加上出门牵绳；新增第四条。');
    const diff = staff.getByRole('region', { name: '版本对比' });
    await diff.locator('ins').filter({ hasText: '，不在楼道堆放杂物' }).waitFor();
    await diff.getByText('新增', { exact: true }).waitFor();
    await diff.getByText('1 条未改动', { exact: false }).or(diff.getByText('第一条未改动', { exact: false })).first().waitFor();
    await openTab(staff, '征求意见');
    await handleComment(staff, COMMENT_JUMIN, '已采纳', '第二条已写明不在楼道堆放杂物');
    await handleComment(staff, COMMENT_SECOND, '部分采纳', '第三条已加上出门牵绳');
    await staff.getByRole('row').filter({ hasText: COMMENT_JUMIN }).getByText('见第 2 版').waitFor();

    // 4. Legality review: the subdistrict returns version 2 with notes, staff write version 3, it is approved.
    await advance(staff, '合法性审查');
    const jiedao = await consoleAs(h, 'jiedao');
    await jiedao.goto(`/console/covenants/${covenantId}`);
    await jiedao.getByRole('heading', { name: TITLE }).waitFor({ timeout: 60_000 });
    await jiedao.getByText('审查第 2 版').waitFor();
    await jiedao.getByLabel('审查意见').fill(RETURN_NOTES);
    await jiedao.getByRole('button', { name: '退回修改' }).click();
    // Back in revision the page turns to the text; the review's record stays on its tab.
    await openTab(jiedao, '合法性审查');
    await expectShown(jiedao, jiedao.getByRole('table', { name: '审查记录' }).getByText(RETURN_NOTES));

    await staff.reload();
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await staff.getByRole('button', { name: '进入下一阶段：合法性审查' }).waitFor();
    await writeVersion(staff, 3, V3, '按街道审查意见，第四条写明装修避开午休时间。');
    await diff.locator('ins').filter({ hasText: '装修避开午休时间' }).waitFor();
    await staff.getByRole('listitem').filter({ hasText: '按街道审查意见' }).getByText('第 3 版').waitFor();
    await advance(staff, '合法性审查');

    await jiedao.reload();
    await jiedao.getByText('审查第 3 版').waitFor();
    await jiedao.getByRole('button', { name: '审查通过' }).click();
    await jiedao.getByRole('button', { name: twoChars('确定') }).click();
    // The page keeps the review tab (the address names it): the record shows version 3 approved.
    const reviews = jiedao.getByRole('table', { name: '审查记录' });
    await expectShown(jiedao, reviews.getByRole('row').filter({ hasText: '第 3 版' }).getByText('审查通过'));

    const approved = await covenantOf(h, covenantId);
    expect(approved.phase).toBe('vote');
    expect(approved.versions.map((v) => v.number).sort()).toEqual([1, 2, 3]);
    const v3 = approved.versions.find((v) => v.number === 3)!;
    expect(approved.currentVersionId).toBe(v3.id);

    // 5. A representative assembly: the notice in the console, one representative present → no quorum; more
    //    sign in → adopted, and the covenant moves to filing.
    await staff.goto('/console/deliberation/meetings/new');
    await staff.getByLabel('会议类型').click();
    await staff.locator('.ant-select-item-option').filter({ hasText: '居民代表会议' }).click();
    await staff.getByLabel('会议名称').fill('表决居民公约的居民代表会议（测试）');
    await staff.getByLabel('会议时间').fill('2026-12-20 19:00');
    await staff.getByLabel('会议时间').press('Enter');
    await staff.getByLabel('会议地点').fill('社区议事厅');
    await staff.getByLabel('主持人').fill('沈材政');
    await staff.getByLabel('议程 1').fill('表决《五福苑社区居民公约》第 3 版');
    await staff.getByRole('button', { name: '保存为草稿' }).click();
    await staff.getByRole('heading', { name: '表决居民公约的居民代表会议（测试）' }).waitFor({ timeout: 60_000 });
    const meetingId = staff.url().split('/').pop()!;
    await staff.getByRole('button', { name: '发布会议通知' }).click();
    await staff.getByRole('button', { name: twoChars('确定') }).click();
    await staff.getByRole('button', { name: '宣布开会' }).click();
    await staff.getByRole('button', { name: '宣布散会' }).waitFor();

    const reps = await absentInvitees(h, meetingId);
    expect(reps.length).toBeGreaterThanOrEqual(3);
    // A woman first, so the women's attendance has someone to count.
    const ordered = [...reps.filter((r) => r.gender === 'female'), ...reps.filter((r) => r.gender !== 'female')];
    const few = await tick(h, meetingId, ordered.slice(0, 1));
    expect(few.attendance.quorumMet).toBe(false);
    const motion = '通过《五福苑社区居民公约》第 3 版';
    await staff.getByRole('tab', { name: '表决' }).click();
    await tableCovenantMotion(staff, motion, `${TITLE} 第 3 版`);
    await staff.getByLabel('赞成票').fill('1');
    await staff.getByRole('button', { name: '结束表决并计票' }).click();
    await staff.getByText('不足法定人数').first().waitFor();
    await staff.getByText('可在更多人签到后重新提交表决').waitFor();
    expect((await covenantOf(h, covenantId)).phase).toBe('vote');

    const needed = few.attendance.quorumNeeded;
    const full = await tick(h, meetingId, ordered.slice(1, Math.min(ordered.length, needed + 1)));
    expect(full.attendance.quorumMet).toBe(true);
    expect(full.attendance.womenPresent).toBeGreaterThanOrEqual(1);
    await tableCovenantMotion(staff, motion, `${TITLE} 第 3 版`);
    await staff.getByLabel('赞成票').fill(String(full.attendance.present));
    await staff.getByRole('button', { name: '结束表决并计票' }).click();
    const adopted = staff.locator('.ant-card').filter({ hasText: `2. ${motion}` });
    await adopted.getByText('通过', { exact: true }).waitFor();
    await adopted.getByText(`实到 ${full.attendance.present}（女性 ${full.attendance.womenPresent}）`, { exact: false }).waitFor();
    await staff.getByText('其中女性').waitFor();

    await staff.goto(`/console/covenants/${covenantId}?tab=vote`);
    const votes = staff.getByRole('table', { name: '表决记录' });
    await votes.getByText('不足法定人数').waitFor();
    await votes.getByRole('row').filter({ hasText: '通过' }).getByText(String(full.attendance.womenPresent), { exact: true }).first().waitFor();
    expect((await covenantOf(h, covenantId)).phase).toBe('filing');

    // 6. The subdistrict records the filing; staff publish.
    await jiedao.goto(`/console/covenants/${covenantId}`);
    await jiedao.getByRole('heading', { name: TITLE }).waitFor({ timeout: 60_000 });
    await jiedao.getByLabel('备案文号').fill('五福街备〔2026〕7号');
    await jiedao.getByRole('button', { name: '登记备案' }).click();
    await expectShown(jiedao, jiedao.getByText('备案完成，等待社区公布。'));
    await jiedao.getByText('五福街备〔2026〕7号').waitFor();
    await jiedao.context().close();

    await staff.reload();
    await staff.getByRole('heading', { name: TITLE }).waitFor();
    await openTab(staff, '备案与公布');
    await staff.getByText('五福街备〔2026〕7号').waitFor();
    await staff.getByRole('button', { name: '公布公约' }).click();
    await staff.getByRole('button', { name: twoChars('确定') }).click();
    await expectShown(staff, staff.getByRole('link', { name: /下载 A3 海报/ }));

    // 7. Pledges: 刘奶奶 signs for her household on the phone; staff record 赵秀英's paper form with a photo.
    const pledger = await phoneAs(h, 'jumin');
    await pledger.goto(`/m/covenants/${covenantId}/pledge`);
    await pledger.getByRole('button', { name: '我家承诺遵守' }).click();
    await pledger.getByText('您家已签字承诺').waitFor();
    expect(await popups(pledger)).toBe(0);
    await pledger.context().close();

    await staff.goto(`/console/covenants/${covenantId}?tab=pledges`);
    await staff.getByRole('button', { name: '登记纸质承诺' }).first().click();
    const paper = staff.getByRole('dialog', { name: '登记纸质承诺书' });
    // The list masks householders' names (赵**): pick 赵秀英's household by its address from the register.
    const leaderHome = await addressOf(h, '赵秀英');
    await paper.getByLabel('家庭').fill('赵秀英');
    await staff.locator('.ant-select-item-option').filter({ hasText: leaderHome }).click();
    await paper.getByTitle(leaderHome, { exact: false }).or(paper.getByText(leaderHome, { exact: false })).first().waitFor();
    await paper.getByLabel('签字人姓名').fill('赵秀英');
    await paper.locator('input[type="file"]').setInputFiles(photoUpload('承诺书.png'));
    await paper.getByRole('img', { name: '承诺书.png' }).waitFor();
    await paper.getByRole('button', { name: twoChars('登记') }).click();
    await paper.waitFor({ state: 'hidden' });
    const coverage = staff.locator('.ant-statistic').filter({ hasText: '已承诺' });
    await coverage.getByText('2', { exact: true }).waitFor();
    const pledgeList = staff.getByRole('table', { name: '承诺记录' });
    await pledgeList.getByRole('row').filter({ hasText: '赵秀英' }).waitFor();
    {
      const s = await staffApi(h, 'shuji');
      const c = await getJson<{ rows: CoverageRow[]; total: { pledged: number } }>(s.api, `/api/v1/covenants/${covenantId}/coverage?by=building`);
      await s.close();
      expect(c.total.pledged).toBe(2);
    }

    // 8. The A3 poster from the page's link: its text layer holds the title and an article, exactly.
    await openTab(staff, '备案与公布');
    const href = await staff.getByRole('link', { name: /下载 A3 海报/ }).getAttribute('href');
    expect(href).toContain('size=A3');
    const poster = await staff.request.get(href!);
    expect(poster.status()).toBe(200);
    expect(poster.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(await poster.body());
    expect(text).toContain(TITLE);
    expect(text).toContain(ART1);
  });
});
