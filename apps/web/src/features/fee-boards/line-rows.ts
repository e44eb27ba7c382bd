import { parseYuan, standardFeeItems, type ErrorCode, type FeeBoardLineInput, type FeeBoardLineView, type FeeItem } from '@gongzhi/shared';
import { yuanInput } from './fee-format.js';

/** One line as the editor holds it: amounts as typed, in yuan. */
export interface LineRow {
  key: string;
  item: FeeItem;
  label: string;
  collected: string;
  spent: string;
  quantity: string;
  unit: string;
  note: string;
}

let seq = 0;
const nextKey = () => `l${++seq}`;

export const blankRow = (item: FeeItem): LineRow => ({ key: nextKey(), item, label: '', collected: '', spent: '', quantity: '', unit: item === 'water_usage' ? 'm³' : '', note: '' });

/** A new board's rows: the six standard items, empty. */
export const standardRows = (): LineRow[] => standardFeeItems.map(blankRow);

/** Rows from a saved board, for editing a draft or starting a correction. */
export const rowsOf = (lines: FeeBoardLineView[]): LineRow[] =>
  lines.map((l) => ({
    key: nextKey(),
    item: l.item,
    label: l.item === 'other' ? l.label : '',
    collected: yuanInput(l.collectedFen),
    spent: yuanInput(l.spentFen),
    quantity: l.quantity ?? '',
    unit: l.unit ?? '',
    note: l.note ?? '',
  }));

export type RowErrors = Record<string, Partial<Record<'collected' | 'spent' | 'label', ErrorCode>>>;

/**
 * The lines to send, or the error code of each bad field. A standard row left entirely blank is left out (not
 * every estate has parking); a blank amount next to a filled one counts as 0.
 */
export function toLines(rows: LineRow[]): { lines: FeeBoardLineInput[]; errors: RowErrors } {
  const errors: RowErrors = {};
  const lines: FeeBoardLineInput[] = [];
  for (const r of rows) {
    const blank = !r.collected.trim() && !r.spent.trim() && !r.quantity.trim() && !r.note.trim() && (r.item !== 'other' || !r.label.trim());
    if (blank) continue;
    const amount = (v: string, field: 'collected' | 'spent'): number => {
      if (!v.trim()) return 0;
      const p = parseYuan(v);
      if (p.ok) return p.fen;
      errors[r.key] = { ...errors[r.key], [field]: p.code };
      return 0;
    };
    const collectedFen = amount(r.collected, 'collected');
    const spentFen = amount(r.spent, 'spent');
    if (r.item === 'other' && !r.label.trim()) errors[r.key] = { ...errors[r.key], label: 'fee_board_other_label_required' };
    lines.push({
      item: r.item,
      label: r.item === 'other' ? r.label.trim() : null,
      collectedFen,
      spentFen,
      quantity: r.quantity.trim() || null,
      unit: r.unit.trim() || null,
      note: r.note.trim() || null,
    });
  }
  return { lines, errors };
}
