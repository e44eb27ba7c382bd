import { useTranslation } from 'react-i18next';
import type { Label } from '@gongzhi/shared';

/**
 * Enumerations (relations, tags, organisation kinds …) carry their own zh/en labels in the shared package,
 * where the Excel templates read them too; the web picks the one for the UI's language.
 */
export function useLabel(): (label: Label | undefined | null) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  return (label) => (label ? (english ? label.en : label.zh) : '');
}

/** Select options from a list of values and their labels, in the list's order. */
export function labelOptions<V extends string>(values: readonly V[], labels: Record<V, Label>, pick: (l: Label) => string) {
  return values.map((value) => ({ value, label: pick(labels[value]) }));
}
