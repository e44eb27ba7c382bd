import type { RateView } from '@gongzhi/shared';

/** "93.5%", or "—" when nobody is in the denominator. */
export const percent = (r: RateView): string => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
