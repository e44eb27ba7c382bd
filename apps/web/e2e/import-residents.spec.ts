import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar, type HouseholdView } from '@gongzhi/shared';
import { apiAs, dialects, getJson, loginConsole, startHarness, type Harness } from './harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid ID number (region 430104, Changsha Yuelu) for a birth date and a 3-digit sequence. */
const idNumber = (birth: string, seq: string) => `430104${birth}${seq}${idNumberCheckChar(`430104${birth}${seq}`)}`;
/** The same number with a check character that is wrong. */
const withWrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

interface Person {
  name: string;
  idNumber: string;
  address: string[];
}

/** A downloaded workbook, opened. */
async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  return wb;
}

/** The template's header texts (required ones carry a star, which the import ignores). */
function templateHeaders(wb: ExcelJS.Workbook): string[] {
  const row = wb.worksheets[0]!.getRow(1);
  const out: string[] = [];
  row.eachCell((cell) => {
    const v = cell.value as { richText?: { text: string }[] } | string;
    out.push(typeof v === 'string' ? v : (v.richText ?? []).map((r) => r.text).join(''));
  });
  return out;
}

/** A workbook as a community worker would fill it in: the template's headers, one person a row. */
async function sheetOf(headers: string[], people: Person[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民');
  ws.addRow(headers);
  const col = (h: string) => headers.findIndex((x) => x.replace(/\*$/, '') === h);
  for (const p of people) {
    const cells: (string | null)[] = headers.map(() => null);
    const set = (h: string, v: string) => {
      expect(col(h), `template column ${h}`).toBeGreaterThanOrEqual(0);
      cells[col(h)] = v;
    };
    set('姓名', p.name);
    set('身份证号', p.idNumber);
    set('居住类型', '常住');
    ['网格', '小区', '楼栋', '单元', '房号'].forEach((h, i) => set(h, p.address[i]!));
    set('与户主关系', '其他');
    ws.addRow(cells);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, file: Buffer): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name: '居民导入.xlsx', mimeType: XLSX, buffer: file });
  await page.getByRole('heading', { name: '“居民导入.xlsx”的校验结果' }).waitFor();
}

const counts = (page: Page) => page.getByRole('group', { name: '校验结果' });

async function importValidRows(page: Page, valid: number): Promise<void> {
  await page.getByRole('button', { name: `导入 ${valid} 行有效数据` }).click();
  await page.getByText('导入完成').waitFor({ timeout: 60_000 });
}

describe.each(dialects)('importing residents from Excel (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('reports two bad rows, imports the rest, takes the fixed file again without duplicates', async () => {
    // Six dwellings where a household lives, read from the demo as the address columns spell them.
    const staff = await apiAs(h, 'shegong');
    const households = await getJson<{ items: HouseholdView[] }>(staff.api, '/api/v1/households?limit=6');
    await staff.close();
    const addresses = households.items.map((x) => x.placeLabel.split(' '));
    expect(addresses.every((a) => a.length === 5)).toBe(true);

    const people: Person[] = ['甲', '乙', '丙', '丁', '戊', '己'].map((c, i) => ({
      name: `测试导入${c}`,
      idNumber: idNumber(`1990010${i + 1}`, `9${i}1`),
      address: addresses[i]!,
    }));
    // Row 4 (the third person): a wrong check character. Row 6 (the fifth): a room that does not exist.
    const bad = people.map((p) => ({ ...p, address: [...p.address] }));
    bad[2]!.idNumber = withWrongCheck(bad[2]!.idNumber);
    bad[4]!.address[4] = '9999室';

    const page = await h.newPage();
    await loginConsole(page, 'shegong');
    await page.waitForURL('**/console/requests');
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '导入导出' }).click();
    await page.getByRole('radio', { name: '居民' }).check();
    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载模板' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const headers = templateHeaders(await workbookOf(template));
    expect(headers.map((x) => x.replace(/\*$/, ''))).toEqual(expect.arrayContaining(['姓名', '身份证号', '网格', '小区', '楼栋', '单元', '房号']));

    await page.getByRole('button', { name: '下一步：上传文件' }).click();
    await upload(page, await sheetOf(headers, bad));
    await counts(page).getByText('新增 4 行').waitFor();
    await counts(page).getByText('有错误 2 行').waitFor();
    const errors = page.getByRole('region', { name: '错误明细' });
    const idRow = errors.getByRole('row').filter({ has: page.getByRole('cell', { name: '4', exact: true }) });
    await idRow.waitFor();
    expect(await idRow.getByRole('cell', { name: '身份证号', exact: true }).count()).toBe(1);
    const placeRow = errors.getByRole('row').filter({ has: page.getByRole('cell', { name: '6', exact: true }) });
    await placeRow.waitFor();
    expect(((await placeRow.textContent()) ?? '').length).toBeGreaterThan(3);
    expect(await errors.getByRole('row').count()).toBe(3);

    // The annotated report says the same in the file itself.
    const reportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载标注后的报告 (.xlsx)' }).click();
    const report = await workbookOf(await reportDownload);
    const sheet = report.worksheets[0]!;
    const lastHeader = sheet.getRow(1).cellCount;
    expect(String(sheet.getRow(1).getCell(lastHeader).value)).toBe('错误说明');
    expect(String(sheet.getRow(4).getCell(lastHeader).value ?? '')).not.toBe('');
    expect(String(sheet.getRow(2).getCell(lastHeader).value ?? '')).toBe('');

    await importValidRows(page, 4);
    await counts(page).getByText('新增 4 行').waitFor();

    // Fix the two rows and bring the whole file again: the four already imported do not change.
    await page.getByRole('button', { name: '再导入一个文件' }).click();
    await upload(page, await sheetOf(headers, people));
    await counts(page).getByText('新增 2 行').waitFor();
    await counts(page).getByText('未变 4 行').waitFor();
    await counts(page).getByText('有错误 0 行').waitFor();
    await page.getByText('所有行都通过了校验。').waitFor();
    await importValidRows(page, 6);

    // Each person is in the register exactly once.
    await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '居民', exact: true }).click();
    for (const p of people) {
      const loaded = page.waitForResponse((r) => r.url().includes('/api/v1/residents?') && r.ok());
      await page.getByLabel('搜索居民').fill(p.name);
      await page.getByRole('button', { name: '搜索' }).click();
      await loaded;
      await page.getByText('共 1 人').waitFor();
      expect(await page.getByRole('link', { name: p.name, exact: true }).count()).toBe(1);
    }
    // Found by the full ID number too, through the blind index.
    await page.getByLabel('搜索居民').fill(people[2]!.idNumber);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('link', { name: people[2]!.name, exact: true }).waitFor();
    await page.context().close();
  });
});
