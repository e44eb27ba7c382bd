import { z } from 'zod';
import { idSchema } from './common.js';
import type { Label } from './registers.js';
import { freeText } from './requests.js';

/**
 * The monthly fee board (收费公示): per estate (小区) and month, what each fee brought in and what was spent from
 * it, in integer fen. Entered by hand or imported from .xlsx into a draft; published boards are immutable and
 * carry a content hash; a correction is a new revision with a reason. Totals are computed, never stored.
 */

export const feeItems = ['property_fee', 'streetlight_fee', 'garbage_fee', 'water_usage', 'parking', 'ev_charging', 'other'] as const;
export type FeeItem = (typeof feeItems)[number];
export const feeItemLabels: Record<FeeItem, Label> = {
  property_fee: { zh: '物业费', en: 'Property fee' },
  streetlight_fee: { zh: '路灯费', en: 'Streetlight fee' },
  garbage_fee: { zh: '垃圾费', en: 'Garbage fee' },
  water_usage: { zh: '用水量', en: 'Water usage' },
  parking: { zh: '车辆停放', en: 'Parking' },
  ev_charging: { zh: '电动车充电', en: 'E-bike charging' },
  other: { zh: '其他', en: 'Other' },
};
/** The items a new board starts with, in the order a board lists them. */
export const standardFeeItems = feeItems.filter((i) => i !== 'other');
/** "An optional free item or two": more than this many `other` lines is refused. */
export const FEE_BOARD_MAX_OTHER = 2;
/** One line's amount at most (¥10,000,000.00): far above any estate's month, and within a 32-bit integer. */
export const FEE_MAX_FEN = 1_000_000_000;

export const feeBoardStatuses = ['draft', 'published', 'superseded'] as const;
export type FeeBoardStatus = (typeof feeBoardStatuses)[number];

/** `YYYY-MM`, January to December. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'fee_board_month_invalid');

export type YuanParse = { ok: true; fen: number } | { ok: false; code: 'fee_board_amount_invalid' | 'fee_board_amount_negative' | 'fee_board_amount_decimals' | 'fee_board_amount_too_large' };

/**
 * Yuan as typed ("1,234.50", "1234.5", "¥80", "0") to integer fen, by string arithmetic (no float rounding).
 * Refuses negative amounts, more than two decimals, anything else that is not a plain amount, and amounts over
 * FEE_MAX_FEN. Thousands separators are accepted only in groups of three.
 */
export function parseYuan(input: string): YuanParse {
  const t = input.trim().replace(/^[¥￥]\s*/, '');
  if (/^[-−－(（]/.test(t)) return { ok: false, code: 'fee_board_amount_negative' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return { ok: false, code: 'fee_board_amount_invalid' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, code: 'fee_board_amount_decimals' };
  const whole = m[1]!.replace(/,/g, '');
  if (whole.length > 10) return { ok: false, code: 'fee_board_amount_too_large' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return fen > FEE_MAX_FEN ? { ok: false, code: 'fee_board_amount_too_large' } : { ok: true, fen };
}

/** 123450 → "1,234.50" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

// ---- inputs ----

const fen = z.number().int().min(0).max(FEE_MAX_FEN);
/** A quantity (water in m³, parking spaces, charging sessions): a plain decimal with up to three places. */
export const quantitySchema = z.string().trim().regex(/^\d{1,9}(\.\d{1,3})?$/, 'fee_board_quantity_invalid');

export const feeBoardLineInput = z.object({
  item: z.enum(feeItems),
  /** The name of an `other` item (e.g. 电梯维保费); ignored for the standard items. */
  label: freeText(1, 30).nullable().optional(),
  collectedFen: fen,
  spentFen: fen,
  quantity: quantitySchema.nullable().optional(),
  unit: freeText(1, 12).nullable().optional(),
  note: freeText(1, 200).nullable().optional(),
});
export type FeeBoardLineInput = z.infer<typeof feeBoardLineInput>;

/** The draft of one estate and month, replaced whole each time it is saved. */
export const saveFeeBoardDraftBody = z.object({
  estateId: idSchema,
  month: monthSchema,
  lines: z.array(feeBoardLineInput).min(1).max(12),
  /** Required when the draft corrects a published board: shown publicly as "第2版，更正了…". */
  correctionReason: freeText(2, 300).nullable().optional(),
});
export type SaveFeeBoardDraftBody = z.infer<typeof saveFeeBoardDraftBody>;

export const listFeeBoardsQuery = z.object({ estateId: idSchema.optional(), month: monthSchema.optional() });
export type ListFeeBoardsQuery = z.infer<typeof listFeeBoardsQuery>;

export const feeBoardPosterQuery = z.object({ size: z.enum(['A3', 'A4']).default('A3') });
export type FeeBoardPosterQuery = z.infer<typeof feeBoardPosterQuery>;
export const publicFeeBoardsParams = z.object({ communityId: idSchema });

// ---- views ----

export const feeBoardLineView = z.object({
  item: z.enum(feeItems),
  /** The item's Chinese name: the standard label, or the free item's own name. */
  label: z.string(),
  collectedFen: z.number(),
  spentFen: z.number(),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  note: z.string().nullable(),
});
export type FeeBoardLineView = z.infer<typeof feeBoardLineView>;

export const feeBoardTotals = z.object({ collectedFen: z.number(), spentFen: z.number(), balanceFen: z.number() });
export type FeeBoardTotals = z.infer<typeof feeBoardTotals>;

export const feeBoardRevisionView = z.object({
  id: z.string(),
  revision: z.number(),
  status: z.enum(feeBoardStatuses),
  correctionReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  contentHash: z.string().nullable(),
});
export type FeeBoardRevisionView = z.infer<typeof feeBoardRevisionView>;

export const feeBoardSummary = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  estateId: z.string(),
  estateName: z.string(),
  month: z.string(),
  revision: z.number(),
  status: z.enum(feeBoardStatuses),
  totals: feeBoardTotals,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type FeeBoardSummary = z.infer<typeof feeBoardSummary>;
export const feeBoardList = z.object({ items: z.array(feeBoardSummary) });
export type FeeBoardList = z.infer<typeof feeBoardList>;

export const feeBoardView = feeBoardSummary.extend({
  lines: z.array(feeBoardLineView),
  correctionReason: z.string().nullable(),
  supersedesId: z.string().nullable(),
  /** The board that replaced this one (a superseded revision); null otherwise. */
  supersededById: z.string().nullable(),
  /** Masked ("张*") on the public side. */
  publishedByName: z.string().nullable(),
  contentHash: z.string().nullable(),
  /** Every revision of this estate and month, oldest first (drafts only in the console). */
  revisions: z.array(feeBoardRevisionView),
  can: z.object({ edit: z.boolean(), publish: z.boolean(), discard: z.boolean(), correct: z.boolean() }),
});
export type FeeBoardView = z.infer<typeof feeBoardView>;

/** A published board as the public reads it, with the exact text its hash is taken over. */
export const publicFeeBoardView = feeBoardView.omit({ can: true }).extend({
  /** The canonical content (docs/decisions.md): sha256 of its UTF-8 bytes, in hex, is `contentHash`. */
  canonicalContent: z.string(),
  /** The id of the current revision of this estate and month (this one unless it was corrected). */
  currentId: z.string(),
});
export type PublicFeeBoardView = z.infer<typeof publicFeeBoardView>;

export const feeBoardEstateOption = z.object({ id: z.string(), name: z.string(), communityId: z.string(), communityName: z.string() });
export type FeeBoardEstateOption = z.infer<typeof feeBoardEstateOption>;
export const feeBoardEstateList = z.object({ items: z.array(feeBoardEstateOption) });

/** The public overview of a community: each estate with its current boards of the last 12 months, newest first. */
export const publicFeeBoardEstates = z.object({
  communityId: z.string(),
  communityName: z.string(),
  estates: z.array(
    z.object({
      estateId: z.string(),
      estateName: z.string(),
      months: z.array(z.object({ id: z.string(), month: z.string(), revision: z.number(), totals: feeBoardTotals, publishedAt: z.string() })),
    }),
  ),
});
export type PublicFeeBoardEstates = z.infer<typeof publicFeeBoardEstates>;

/** One refused cell (or row, `column` null) of an import, with its text in the caller's language. */
export const feeBoardImportError = z.object({ row: z.number(), column: z.string().nullable(), code: z.string(), message: z.string() });
export type FeeBoardImportError = z.infer<typeof feeBoardImportError>;

export const feeBoardImportResult = z.object({
  boards: z.array(z.object({ id: z.string().nullable(), estateName: z.string(), month: z.string(), lines: z.number(), outcome: z.enum(['draft_saved', 'unchanged']) })),
});
export type FeeBoardImportResult = z.infer<typeof feeBoardImportResult>;
