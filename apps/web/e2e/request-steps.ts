/// <reference types="node" />
import { crc32, deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MembershipView, Me, OrganisationView } from '@gongzhi/shared';
import { apiAs, getJson, type Harness } from './harness.js';

/**
 * Steps of the request flow (接诉即办) that more than one browser spec walks: the resident's report on the
 * phone, dispatch and the organisation's answer in the console, the resident's rating, and the dashboard.
 */

/** A readable request number as the pages show it. */
export const NUMBER = /GZ-\d{4}-\d{6}/;

/** A file as the browser's file chooser hands it over. */
export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** An 8×8 red PNG, built byte by byte so the specs carry no binary file. */
export function pngBytes(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const size = 8;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [200, 30, 30]).flat())]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A photo a resident might attach: the PNG above. */
export const photoUpload = (name = 'photo.png'): Upload => ({ name, mimeType: 'image/png', buffer: pngBytes() });

/**
 * Type into a searchable select and take the first match with Enter: a click can land while the drop-down is
 * still moving in with its dialog, and then picks nothing.
 */
export async function choose(page: Page, select: Locator, search: string, match = search): Promise<void> {
  await select.fill(search);
  // Enter takes the highlighted option: wait until it is the one we want (remote lists arrive late).
  await page.locator('.ant-select-item-option-active').filter({ hasText: match }).waitFor();
  await page.keyboard.press('Enter');
}

/** The property company a demo organisation account (`wuye`) represents, read through the API as facts. */
export async function propertyCompanyOf(h: Harness, account = 'wuye'): Promise<OrganisationView> {
  const rep = await apiAs(h, account);
  const user = await getJson<Me>(rep.api, '/api/v1/me');
  await rep.close();
  const staff = await apiAs(h, 'shegong');
  try {
    const companies = await getJson<{ items: OrganisationView[] }>(staff.api, '/api/v1/organisations?kind=property_company');
    for (const o of companies.items) {
      const { members } = await getJson<{ members: MembershipView[] }>(staff.api, `/api/v1/organisations/${o.id}`);
      if (members.some((m) => m.userId === user.id && !m.endedAt)) return o;
    }
  } finally {
    await staff.close();
  }
  throw new Error(`No property company has ${account} as a current member`);
}

export interface PhoneReport {
  /** The kind as the resident reads it, e.g. 求助. */
  kind: string;
  text: string;
  photo: Upload;
  /** The place choice as the resident reads it, e.g. 我住的楼. */
  place: string;
  anonymous?: boolean;
}

/**
 * On the resident app's 我要反映 page: pick the kind, describe it, attach a photo, pick the place and submit.
 * Returns the request's id and number from the success page.
 */
export async function submitFromPhone(page: Page, r: PhoneReport): Promise<{ id: string; number: string }> {
  await page.getByRole('radio', { name: r.kind }).click();
  expect(await page.getByRole('radio', { name: r.kind }).getAttribute('aria-checked')).toBe('true');
  await page.getByRole('textbox', { name: /具体情况/ }).fill(r.text);
  await page.getByLabel('从相册选').setInputFiles(r.photo);
  await page.getByRole('img', { name: '第 1 张照片' }).waitFor();
  // Submitting before the upload finished would send the request without its photo.
  await page.locator('.gz-thumb-done').waitFor();
  await page.getByRole('radio', { name: r.place }).click();
  if (r.anonymous) await page.getByRole('switch', { name: '不让邻居看到我的名字' }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await page.waitForURL(/\/m\/requests\/[^/]+\/submitted$/);
  const numberLine = await page.getByText(/编号：GZ-\d{4}-\d{6}/).textContent();
  const number = NUMBER.exec(numberLine ?? '')![0];
  const id = /\/m\/requests\/([^/]+)\/submitted$/.exec(page.url())![1]!;
  return { id, number };
}

/**
 * In the console's queue, on the tab the page shows (it must be `tab`), find the request by its number with the
 * search box (the demo may hold pages of other requests) and return its row.
 */
export async function findInQueue(page: Page, tab: string, number: string): Promise<Locator> {
  await page.getByRole('tab', { name: tab, selected: true }).waitFor();
  const search = page.getByLabel('搜索诉求');
  await search.fill(number);
  await search.press('Enter');
  const row = page.getByRole('row').filter({ hasText: number });
  await row.waitFor();
  return row;
}

/** In the console's queue, on the tab the page shows (it must be `tab`), open the request with this number. */
export async function openFromQueue(page: Page, tab: string, number: string): Promise<void> {
  const row = await findInQueue(page, tab, number);
  await row.getByRole('link', { name: number }).click();
}

/** On a request's console page: dispatch it to one organisation, which becomes its lead handler. */
export async function dispatchTo(page: Page, organisation: string): Promise<void> {
  // Buttons carry an icon whose label comes first ("send 派单"): match the word at the end.
  await page.getByRole('button', { name: /(^|\s)派单$/ }).click();
  const dispatch = page.getByRole('dialog', { name: '派单' });
  await choose(page, dispatch.getByLabel('承办方'), organisation.slice(0, 4), organisation);
  await dispatch.getByText(`${organisation} 为首接负责方。`).waitFor();
  await dispatch.getByRole('button', { name: '派单', exact: true }).click();
  await dispatch.waitFor({ state: 'hidden' });
  await page.getByText('已派单', { exact: true }).first().waitFor();
  await page.getByRole('listitem').filter({ hasText: organisation }).filter({ hasText: '首接负责' }).waitFor();
}

/** A handler just logged in to the console: find the request under 待我办理, accept it and answer it. */
export async function acceptAndReply(page: Page, number: string, reply: string): Promise<void> {
  await page.waitForURL('**/console/requests');
  await openFromQueue(page, '待我办理', number);
  await page.getByRole('button', { name: '接单' }).click();
  await page.getByText('已接单').waitFor();
  await page.getByRole('button', { name: /(^|\s)答复$/ }).click();
  const dialog = page.getByRole('dialog', { name: '答复' });
  await dialog.getByLabel('答复内容').fill(reply);
  await dialog.getByRole('button', { name: '发送答复' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(reply).first().waitFor();
}

/**
 * On the resident's request page: rate the answer 不满意, not solved, with a comment, and wait until the page
 * shows the rating (the "we will handle it again" notice is a passing toast outside elder mode).
 */
export async function rateDissatisfied(page: Page, comment: string): Promise<void> {
  await page.getByRole('radio', { name: '不满意' }).click();
  await page.getByRole('radio', { name: '没解决' }).click();
  await page.getByRole('textbox', { name: '想说的话' }).fill(comment);
  await page.getByRole('button', { name: '提交评价' }).click();
  await page.getByText('您的评价：不满意').waitFor();
}

/** From anywhere in the console: open 分析 from the menu and wait for the dashboard. */
export async function openAnalysis(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '功能菜单' }).getByRole('link', { name: '分析' }).click();
  await page.waitForURL('**/console/analysis');
  await page.getByRole('heading', { name: '诉求分析' }).waitFor();
}
