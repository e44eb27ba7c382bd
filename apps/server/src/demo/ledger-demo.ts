import type { CreateLedgerEntryBody } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { localDate } from '../lib/clock.js';
import { createDefaultChart } from '../modules/ledger/index.js';
import { approveEntry, createEntry, reverseEntry } from '../modules/ledger/ledger.service.js';
import { demoContext } from './demo-actor.js';

/**
 * The demo community's public ledger, through the services: the default chart of accounts, a year of grants
 * coming in each quarter and modest spending each month (entered by the social worker 社工, approved by the
 * secretary 书记), one receipt-less expense to a person (masked on the portal), and one reversal of a duplicate.
 */
export async function seedLedgerDemo(deps: AppDeps, communityId: string): Promise<{ entries: number }> {
  const shuji = await demoContext(deps, 'shuji');
  const shegong = await demoContext(deps, 'shegong');
  const chart = await createDefaultChart(deps, shuji, communityId, shuji.actor.userId!);
  const id = (code: string) => chart.items.find((a) => a.code === code)!.id;
  const today = localDate(deps.clock.now());
  // The 10th of the month `back` months ago (or today, when that is earlier).
  const dayOf = (back: number): string => {
    const d = new Date(`${today.slice(0, 7)}-10T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back);
    const s = d.toISOString().slice(0, 10);
    return s > today ? today : s;
  };
  const line = (debit: string, credit: string, amount: number) => [
    { accountId: id(debit), side: 'debit' as const, amount },
    { accountId: id(credit), side: 'credit' as const, amount },
  ];
  let entries = 0;
  const income = async (back: number, amount: number, source: string, counterparty: string, purpose: string) => {
    const body: CreateLedgerEntryBody = { kind: 'income', date: dayOf(back), amount, counterparty, counterpartyKind: 'organisation', category: '拨款', purpose, lines: line('1002', source, amount), receipts: [] };
    entries++;
    return createEntry(deps, shuji, communityId, body);
  };
  const expense = async (back: number, amount: number, category: string, account: string, counterparty: string, purpose: string, person = false) => {
    const e = await createEntry(deps, shegong, communityId, {
      kind: 'expense',
      date: dayOf(back),
      amount,
      counterparty,
      counterpartyKind: person ? 'person' : 'organisation',
      category,
      purpose,
      lines: line(account, '1002', amount),
      receipts: [],
    });
    entries++;
    return approveEntry(deps, shuji, e.id);
  };

  for (const back of [11, 8, 5, 2]) {
    await income(back, 5_000_000, '4001', '街道办事处', '社区工作经费季度拨付');
    await income(back, 2_000_000, '4002', '区民政局', '为民服务专项经费拨付');
  }
  const spending: [string, string, string, string][] = [
    ['办公费', '5001', '文具办公用品商店', '购买打印纸、墨盒等办公用品'],
    ['活动费', '5002', '社区文化活动中心', '居民文化节场地布置和道具'],
    ['维修维护费', '5003', '安居物业服务有限公司', '小区路灯和楼道灯维修'],
    ['环境整治费', '5005', '城市环境服务公司', '背街小巷环境整治和垃圾清运'],
  ];
  for (let back = 11; back >= 0; back--) {
    const [category, account, who, purpose] = spending[back % spending.length]!;
    await expense(back, 80_000 + ((back * 37_000) % 250_000), category, account, who, purpose);
  }
  await expense(1, 60_000, '慰问救助支出', '5004', '王秀英', '重阳节走访慰问独居老人', true);
  const duplicate = await expense(0, 45_000, '办公费', '5001', '文具办公用品商店', '购买档案盒（重复录入）');
  await reverseEntry(deps, shuji, duplicate.id, '与上月同一张发票重复录入，冲正');
  return { entries: entries + 1 };
}
