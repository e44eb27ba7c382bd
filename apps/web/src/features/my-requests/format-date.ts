import i18n from '../../i18n/index.js';

/** A day in the UI's language ("2026年11月26日"), for lists where the time of day does not matter. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(d);
}
