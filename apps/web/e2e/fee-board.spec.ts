import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicFeeBoardView } from '@gongzhi/shared';
import { consoleAs, expectShown, pdfText } from './covenant-steps.js';
import { dialects, getJson, startHarness, type Harness } from './harness.js';

/**
 * A month's fee board from the console to the estate gate: the social worker enters the demo estate 五福苑's
 * board for this month by hand (a mistyped amount is refused first), publishes it after the inline
 * confirmation, and a visitor without a login finds it on the community's public page, opens it, checks the
 * hash against its canonical content, and prints the A3 poster, whose text layer holds the estate, the month
 * and an amount.
 */

const ESTATE = '五福苑';
/** This month where the community is (China Standard Time): the demo leaves it empty. */
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const monthZh = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** An .xlsx with the template's headers and these rows. */
async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收费公示');
  ws.addRow(['小区', '月份', '项目', '收取金额(元)', '支出金额(元)', '用量', '单位', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const xlsx = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

describe.each(dialects)('a fee board entered, published and printed (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('enters a month by hand, publishes it, and prints the poster the public page links to', { timeout: 600_000 }, async () => {
    const staff = await consoleAs(h, 'shegong');
    await staff.goto(`${h.baseUrl}/console/fee-boards`);
    await staff.getByRole('heading', { name: '收费公示' }).waitFor();
    const estate = staff.getByRole('combobox', { name: '小区' });
    await estate.click();
    await estate.fill(ESTATE);
    // The search leaves the one estate of that name active; Enter picks it.
    await staff.locator('.ant-select-item-option-active').filter({ hasText: ESTATE }).waitFor();
    await estate.press('Enter');
    expect(await staff.getByLabel('月份', { exact: true }).inputValue()).toBe(month);

    // The editor starts with the six items; a third decimal is refused before anything is sent.
    await expectShown(staff, staff.getByLabel('物业费 收取金额(元)'));
    await staff.getByLabel('物业费 收取金额(元)').fill('12,345.60');
    await staff.getByLabel('物业费 支出金额(元)').fill('8000');
    await staff.getByLabel('路灯费 收取金额(元)').fill('1.005');
    await staff.getByRole('button', { name: '保存草稿' }).click();
    await expectShown(staff, staff.getByText('金额最多两位小数（精确到分）'));
    await staff.getByLabel('路灯费 收取金额(元)').fill('1,200');
    await staff.getByLabel('路灯费 支出金额(元)').fill('980.50');
    await staff.getByLabel('用水量 收取金额(元)').fill('5678.90');
    await staff.getByLabel('用水量 支出金额(元)').fill('5678.90');
    await staff.getByLabel('用水量 用量').fill('1234.5');
    await staff.getByRole('button', { name: '保存草稿' }).click();

    // The draft's preview, then publication behind an inline confirmation.
    await expectShown(staff, staff.locator('.ant-tag').filter({ hasText: '草稿' }));
    await expectShown(staff, staff.getByRole('cell', { name: '19,224.50' }));
    await staff.getByRole('button', { name: '公示', exact: true }).click();
    await staff.getByRole('button', { name: '确认公示' }).click();
    await expectShown(staff, staff.locator('.ant-tag').filter({ hasText: '已公示' }));
    const hash = (await staff.locator('.fee-hash').first().innerText()).trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // The public side, in a fresh context without a login: the community's page, then the month.
    const visitor = await h.newPage({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const { items } = await getJson<{ items: { id: string; name: string }[] }>(visitor.request, `${h.baseUrl}/api/v1/public/communities`);
    await visitor.goto(`${h.baseUrl}/communities/${items[0]!.id}/fee-boards`);
    const section = visitor.getByRole('region', { name: ESTATE });
    await expectShown(visitor, section);
    await section.getByRole('link', { name: monthZh }).click();
    await expectShown(visitor, visitor.getByRole('heading', { name: `${ESTATE} ${monthZh} 收费公示` }));
    await expectShown(visitor, visitor.getByRole('cell', { name: '12,345.60' }));
    expect((await visitor.getByTestId('fee-board-hash').innerText()).trim()).toBe(hash);
    const id = new URL(visitor.url()).pathname.split('/').pop()!;
    const board = await getJson<PublicFeeBoardView>(visitor.request, `${h.baseUrl}/api/v1/public/fee-boards/${id}`);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(board.canonicalContent, 'utf8').digest('hex')).toBe(hash);

    // The poster the page links to: its text holds the estate, the month and an amount, and the hash.
    const href = await visitor.getByRole('link', { name: 'A3 海报' }).getAttribute('href');
    expect(href).toContain('size=A3');
    const poster = await visitor.request.get(`${h.baseUrl}${href!}`);
    expect(poster.status()).toBe(200);
    expect(poster.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(await poster.body()).replace(/\s+/g, '');
    expect(text).toContain(ESTATE);
    expect(text).toContain(`${monthZh}收费公示`);
    expect(text).toContain('12,345.60');
    expect(text).toContain(hash);
  });

  it('imports a month from .xlsx: a wrong file is reported row by row, the corrected one becomes a draft', { timeout: 300_000 }, async () => {
    const staff = await consoleAs(h, 'shegong');
    await staff.goto(`${h.baseUrl}/console/fee-boards`);
    const input = staff.locator('input[type=file]');
    await input.setInputFiles(xlsx('bad.xlsx', await workbook([[ESTATE, month, '垃圾费', '-30', '0', '', '', '']])));
    await expectShown(staff, staff.getByText('文件有错误，未写入任何内容'));
    const row = staff.getByRole('row').filter({ hasText: '金额不能为负数' });
    await expectShown(staff, row);
    expect(await row.innerText()).toMatch(/2\s+收取金额\(元\)/);
    await input.setInputFiles(xlsx('good.xlsx', await workbook([[ESTATE, month, '垃圾费', '2,400.00', '2400', '', '', '生活垃圾清运']])));
    await expectShown(staff, staff.getByText(`已导入：${ESTATE} ${monthZh}`));
  });
});
