import { z } from 'zod';
import { idSchema } from './common.js';
import type { Label } from './registers.js';
import { freeText } from './requests.js';
import { listFlag } from './visit-fields.js';

/**
 * The disclosure catalogue (公开目录): what a community discloses, under which law, how often, where, and who
 * answers for it. Periodic items are due a number of days after their period ends (China time); the period
 * helpers here are shared so the console shows the same periods the server checks.
 */

export const disclosureCategories = ['party', 'administration', 'finance', 'service'] as const;
export type DisclosureCategory = (typeof disclosureCategories)[number];
export const disclosureCategoryLabels: Record<DisclosureCategory, Label> = {
  party: { zh: '党务公开', en: 'Party affairs' },
  administration: { zh: '居务(政务)公开', en: 'Administration' },
  finance: { zh: '财务公开', en: 'Finance' },
  service: { zh: '服务公开', en: 'Services' },
};

export const disclosureFrequencies = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'on_change', 'on_event'] as const;
export type DisclosureFrequency = (typeof disclosureFrequencies)[number];
export const disclosureFrequencyLabels: Record<DisclosureFrequency, Label> = {
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  half_yearly: { zh: '每半年', en: 'Half-yearly' },
  yearly: { zh: '每年', en: 'Yearly' },
  on_change: { zh: '变动时', en: 'On change' },
  on_event: { zh: '事项发生时', en: 'On event' },
};

export const disclosureChannels = ['portal', 'notice_board', 'resident_app'] as const;
export type DisclosureChannel = (typeof disclosureChannels)[number];
export const disclosureChannelLabels: Record<DisclosureChannel, Label> = {
  portal: { zh: '网上公开', en: 'Portal' },
  notice_board: { zh: '公开栏', en: 'Notice board' },
  resident_app: { zh: '居民端', en: 'Resident app' },
};

/** Days after a period ends by which its disclosure is due, unless the item says otherwise. */
export const DEFAULT_DISCLOSURE_DUE_DAYS = 10;
/** The owner is reminded this many days before the due date (and again once it is overdue). */
export const DISCLOSURE_REMINDER_LEAD_DAYS = 5;

// ---- periods (China time dates, `YYYY-MM-DD`) --------------------------------------------------------------------

export type PeriodicFrequency = Extract<DisclosureFrequency, 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'>;
export const isPeriodic = (f: DisclosureFrequency): f is PeriodicFrequency => f !== 'on_change' && f !== 'on_event';

/** Period keys: `2026-07` (month), `2026-Q3`, `2026-H2`, `2026` (year). */
export const periodKeySchema = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, 'invalid period');

const months: Record<PeriodicFrequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

function keyOf(f: PeriodicFrequency, year: number, index: number): string {
  if (f === 'monthly') return `${year}-${String(index + 1).padStart(2, '0')}`;
  if (f === 'quarterly') return `${year}-Q${index + 1}`;
  if (f === 'half_yearly') return `${year}-H${index + 1}`;
  return String(year);
}

/** Whether a period key has the form of the frequency (`2026-Q3` for quarterly, …). */
export function periodMatches(f: PeriodicFrequency, key: string): boolean {
  if (f === 'monthly') return /^\d{4}-(?:0[1-9]|1[0-2])$/.test(key);
  if (f === 'quarterly') return /^\d{4}-Q[1-4]$/.test(key);
  if (f === 'half_yearly') return /^\d{4}-H[12]$/.test(key);
  return /^\d{4}$/.test(key);
}

/** First and last day of a period. */
export function periodBounds(key: string): { start: string; end: string } {
  const year = Number(key.slice(0, 4));
  const rest = key.slice(5);
  let first = 1;
  let span = 12;
  if (/^\d{2}$/.test(rest)) [first, span] = [Number(rest), 1];
  else if (rest.startsWith('Q')) [first, span] = [(Number(rest[1]) - 1) * 3 + 1, 3];
  else if (rest.startsWith('H')) [first, span] = [(Number(rest[1]) - 1) * 6 + 1, 6];
  const start = new Date(Date.UTC(year, first - 1, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(year, first - 1 + span, 0)).toISOString().slice(0, 10);
  return { start, end };
}

/** `date` plus whole days. */
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The period containing `date`, `back` periods earlier (0: the current one). */
export function periodOf(f: PeriodicFrequency, date: string, back = 0): string {
  const n = months[f];
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1;
  const abs = y * (12 / n) + Math.floor(m / n) - back;
  const per = 12 / n;
  return keyOf(f, Math.floor(abs / per), ((abs % per) + per) % per);
}

/**
 * The period a periodic item is expected to have disclosed by now: the last one that has ended (the current
 * period is still running). Its disclosure is due `dueDays` after the period's last day.
 */
export function expectedPeriod(f: PeriodicFrequency, today: string, dueDays: number): { period: string; dueOn: string } {
  const period = periodOf(f, today, 1);
  return { period, dueOn: addDays(periodBounds(period).end, dueDays) };
}

/** `2026-Q3` → 2026年第三季度 / Q3 2026. */
export function periodLabel(key: string, locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const y = key.slice(0, 4);
  const rest = key.slice(5);
  const en = locale === 'en-US';
  if (rest === '') return en ? `Year ${y}` : `${y}年度`;
  if (rest.startsWith('Q')) return en ? `${rest} ${y}` : `${y}年第${'一二三四'[Number(rest[1]) - 1]}季度`;
  if (rest.startsWith('H')) return en ? `${rest === 'H1' ? 'First' : 'Second'} half of ${y}` : `${y}年${rest === 'H1' ? '上' : '下'}半年`;
  return en ? `${y}-${rest}` : `${y}年${Number(rest)}月`;
}

// ---- catalogue items ---------------------------------------------------------------------------------------------

export const disclosureDueStatuses = ['not_periodic', 'upcoming', 'due', 'overdue', 'published'] as const;
export type DisclosureDueStatus = (typeof disclosureDueStatuses)[number];

const channelsSchema = z.array(z.enum(disclosureChannels)).min(1).max(3).refine((c) => new Set(c).size === c.length, 'duplicate channel');

export const disclosureItemBody = z.object({
  communityId: idSchema.optional(),
  category: z.enum(disclosureCategories),
  title: freeText(1, 120),
  content: freeText(1, 1000),
  legalBasis: freeText(1, 500),
  frequency: z.enum(disclosureFrequencies),
  channels: channelsSchema,
  ownerUserId: idSchema.nullable().optional(),
  dueDays: z.number().int().min(0).max(90).optional(),
});
export type DisclosureItemBody = z.infer<typeof disclosureItemBody>;
export const disclosureItemPatch = disclosureItemBody.omit({ communityId: true }).partial();
export type DisclosureItemPatch = z.infer<typeof disclosureItemPatch>;

export const disclosureItemsQuery = z.object({ communityId: idSchema.optional(), includeRetired: listFlag });
export type DisclosureItemsQuery = z.infer<typeof disclosureItemsQuery>;
export const disclosureCommunityBody = z.object({ communityId: idSchema.optional() });

export const disclosureDue = z.object({
  status: z.enum(disclosureDueStatuses),
  period: z.string().nullable(),
  dueOn: z.string().nullable(),
  daysOverdue: z.number().int(),
  publicationId: z.string().nullable(),
});
export type DisclosureDue = z.infer<typeof disclosureDue>;

export const disclosureItemView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  category: z.enum(disclosureCategories),
  title: z.string(),
  content: z.string(),
  legalBasis: z.string(),
  frequency: z.enum(disclosureFrequencies),
  channels: z.array(z.enum(disclosureChannels)),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDays: z.number().int(),
  fromDefaults: z.boolean(),
  retiredAt: z.string().nullable(),
  due: disclosureDue,
  updatedAt: z.string(),
});
export type DisclosureItemView = z.infer<typeof disclosureItemView>;
export const disclosureItemList = z.object({ items: z.array(disclosureItemView), today: z.string() });
export type DisclosureItemList = z.infer<typeof disclosureItemList>;
/** The catalogue as anyone reads it on the portal: what is disclosed, on what basis, how often, and whether it was. */
export const publicCatalogueItem = disclosureItemView.pick({ id: true, category: true, title: true, content: true, legalBasis: true, frequency: true, channels: true, due: true });
export type PublicCatalogueItem = z.infer<typeof publicCatalogueItem>;
export const publicCatalogue = z.object({ communityName: z.string(), today: z.string(), items: z.array(publicCatalogueItem) });
export type PublicCatalogue = z.infer<typeof publicCatalogue>;
export const loadDefaultsResponse = z.object({ added: z.number().int(), items: z.array(disclosureItemView) });

export const overdueRow = z.object({
  itemId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  category: z.enum(disclosureCategories),
  title: z.string(),
  period: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type OverdueRow = z.infer<typeof overdueRow>;
export const overdueList = z.object({ items: z.array(overdueRow), today: z.string() });
export type OverdueList = z.infer<typeof overdueList>;

export const disclosureOwnerList = z.object({ items: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string() })) });
