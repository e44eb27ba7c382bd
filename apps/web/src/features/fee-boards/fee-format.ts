import { feeItemLabels, formatYuan, type FeeBoardLineView } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';
import i18n from '../../i18n/index.js';

export { formatYuan };

/** "2026-10" → "2026年10月" / "October 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Fen as the amount field shows it for editing ("1234.50"), without grouping. */
export const yuanInput = (fen: number): string => (fen / 100).toFixed(2);

/** This month in China Standard Time, `YYYY-MM`. */
export const thisMonth = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** The twelve months ending with `last`, oldest first. */
export function twelveMonths(last: string): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const n = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

/** A line's name in the UI's language: the standard items' own labels; a free item keeps the name staff gave it. */
export function useLineName(): (l: Pick<FeeBoardLineView, 'item' | 'label'>) => string {
  const label = useLabel();
  return (l) => (l.item === 'other' ? l.label : label(feeItemLabels[l.item]) || l.label);
}
