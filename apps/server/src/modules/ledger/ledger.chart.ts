import type { LedgerAccountKind } from '@gongzhi/shared';

/**
 * The default chart of accounts for an urban community (社区): the funds a community office holds, and the income
 * and expense categories its disclosure uses. Codes follow the usual numbering: 1xxx funds, 4xxx income,
 * 5xxx expense. Created on demand; a community adds or retires accounts afterwards.
 */
export const defaultChart: { code: string; name: string; kind: LedgerAccountKind }[] = [
  { code: '1001', name: '库存现金', kind: 'fund' },
  { code: '1002', name: '银行存款', kind: 'fund' },
  { code: '1101', name: '社区工作经费', kind: 'fund' },
  { code: '1102', name: '为民服务专项经费', kind: 'fund' },
  { code: '1103', name: '物业费资金', kind: 'fund' },
  { code: '1104', name: '专项资金', kind: 'fund' },
  { code: '4001', name: '财政拨款收入', kind: 'income' },
  { code: '4002', name: '上级补助收入', kind: 'income' },
  { code: '4003', name: '捐赠收入', kind: 'income' },
  { code: '4004', name: '物业费收入', kind: 'income' },
  { code: '4009', name: '其他收入', kind: 'income' },
  { code: '5001', name: '办公费', kind: 'expense' },
  { code: '5002', name: '活动费', kind: 'expense' },
  { code: '5003', name: '维修维护费', kind: 'expense' },
  { code: '5004', name: '慰问救助支出', kind: 'expense' },
  { code: '5005', name: '环境整治费', kind: 'expense' },
  { code: '5009', name: '其他支出', kind: 'expense' },
];
