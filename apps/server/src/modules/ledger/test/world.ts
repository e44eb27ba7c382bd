import type { CreateLedgerEntryBody, FileView, LedgerAccountView, LedgerEntryView } from '@gongzhi/shared';
import { sessionFor } from '../../../test/fixtures.js';
import { as, multipart, ok, png, type T } from '../../requests/test/factories.js';

export type { T };
export { errCode, ok, png } from '../../requests/test/factories.js';

/**
 * The ledger's test world: community A's default chart of accounts, its two keepers (the admin, 书记, and a staff
 * member, 社工), the subdistrict (reads), a grid worker and a resident (no console), and B's admin (another
 * community: 404).
 */
export async function ledgerWorld(t: T) {
  const u = t.world.users;
  const api = async (id: string) => {
    const s = await sessionFor(t.app, id);
    return {
      ...as(t, s),
      receipt: (data: Buffer, name = 'receipt.png') => {
        const { payload, contentType } = multipart(data, name);
        return t.app.inject({ method: 'POST', url: '/api/v1/ledger/receipts', headers: { ...s.headers, 'content-type': contentType }, payload });
      },
    };
  };
  const admin = await api(u.community_admin);
  const staff = await api(u.community_staff);
  const a = t.world.a.id;
  const accounts = ok<{ items: LedgerAccountView[] }>(await admin.post(`/communities/${a}/ledger/accounts/default`), 'chart').items;
  const acct = (code: string) => accounts.find((x) => x.code === code)!.id;
  return {
    a,
    admin,
    staff,
    subdistrict: await api(u.subdistrict_admin),
    grid: await api(u.grid_worker),
    resident: await api(u.resident),
    adminB: await api(t.world.adminB),
    acct,
    accounts,
  };
}
export type LW = Awaited<ReturnType<typeof ledgerWorld>>;

/** An income of `amount` fen into the bank from the subdistrict's grant. */
export const income = (w: LW, amount: number, over: Partial<CreateLedgerEntryBody> = {}): CreateLedgerEntryBody => ({
  kind: 'income',
  date: '2026-11-20',
  amount,
  counterparty: '测试街道办事处',
  counterpartyKind: 'organisation',
  category: '财政拨款',
  purpose: '2026年第四季度社区工作经费拨付',
  lines: [
    { accountId: w.acct('1002'), side: 'debit', amount },
    { accountId: w.acct('4001'), side: 'credit', amount },
  ],
  receipts: [],
  ...over,
});

/** An expense of `amount` fen from the bank for activities. */
export const expense = (w: LW, amount: number, over: Partial<CreateLedgerEntryBody> = {}): CreateLedgerEntryBody => ({
  kind: 'expense',
  date: '2026-11-21',
  amount,
  counterparty: '李四',
  counterpartyKind: 'person',
  category: '活动费',
  purpose: '重阳节敬老活动购买慰问品',
  lines: [
    { accountId: w.acct('5002'), side: 'debit', amount },
    { accountId: w.acct('1002'), side: 'credit', amount },
  ],
  receipts: [],
  ...over,
});

export const post = async (w: LW, body: CreateLedgerEntryBody, by: 'admin' | 'staff' = 'admin') => ok<LedgerEntryView>(await w[by].post(`/communities/${w.a}/ledger/entries`, body), 'entry');
export const upload = async (w: LW, data: Buffer = png(), name?: string) => ok<FileView>(await w.admin.receipt(data, name), 'receipt');
