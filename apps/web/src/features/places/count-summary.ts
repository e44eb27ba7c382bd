import type { TFunction } from 'i18next';
import { placeKinds, type PlaceKind } from '@gongzhi/shared';

/** Kinds that can sit below another place, so can be counted. */
export type CountedKind = Exclude<PlaceKind, 'subdistrict'>;

// Entrances add little when reading a tree; the detail view lists them with everything else.
const summaryKinds: CountedKind[] = ['community', 'grid', 'estate', 'building', 'dwelling'];

/** "2 小区 4 楼栋 48 户": counts of places below, largest kinds first, leaving out zeros and `self`. */
export function countSummary(
  t: TFunction,
  counts: Partial<Record<string, number>>,
  opts: { kinds?: CountedKind[]; exclude?: PlaceKind } = {},
): string {
  return (opts.kinds ?? summaryKinds)
    .filter((k) => k !== opts.exclude && (counts[k] ?? 0) > 0)
    .sort((a, b) => placeKinds.indexOf(a) - placeKinds.indexOf(b))
    .map((k) => t(`counts.${k}`, { count: counts[k] ?? 0 }))
    .join(t('counts.separator'));
}
