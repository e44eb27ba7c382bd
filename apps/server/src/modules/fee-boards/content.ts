import { createHash } from 'node:crypto';
import { FEE_BOARD_MAX_OTHER, feeItemLabels, feeItems, type ErrorCode, type FeeBoardLineInput, type FeeBoardLineView, type FeeBoardTotals, type FeeItem } from '@gongzhi/shared';
import type { FeeBoardLinesTable, FeeBoardsTable } from '../../db/fee-board-tables.js';
import { badRequest } from '../../lib/app-error.js';

/**
 * What a board says, independent of where it is stored: the rules a set of lines must meet, the totals, and the
 * canonical content its hash is taken over.
 */

export type LineValues = Omit<FeeBoardLinesTable, 'board_id' | 'position'>;

export interface LineProblem {
  index: number;
  field: 'item' | 'label';
  code: ErrorCode;
}

/** Each standard item at most once, an `other` item named and at most FEE_BOARD_MAX_OTHER of them (each name once). */
export function lineProblems(lines: readonly Pick<FeeBoardLineInput, 'item' | 'label'>[]): LineProblem[] {
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  let others = 0;
  lines.forEach((l, index) => {
    const label = l.item === 'other' ? (l.label?.trim() ?? '') : '';
    if (l.item === 'other') {
      others++;
      if (!label) problems.push({ index, field: 'label', code: 'fee_board_other_label_required' });
      else if (others > FEE_BOARD_MAX_OTHER) problems.push({ index, field: 'item', code: 'fee_board_too_many_other' });
    }
    const key = l.item === 'other' ? `other:${label}` : l.item;
    if ((l.item !== 'other' || label) && seen.has(key)) problems.push({ index, field: 'item', code: 'fee_board_item_duplicate' });
    seen.add(key);
  });
  return problems;
}

/** The lines as stored, in the board's order (standard items first, in their order, then the free items as given). */
export function normaliseLines(lines: readonly FeeBoardLineInput[]): LineValues[] {
  const problems = lineProblems(lines);
  if (problems.length) throw badRequest(problems[0]!.code, problems.map((p) => ({ field: `lines.${p.index}.${p.field}`, code: p.code })));
  const rank = (i: FeeItem) => feeItems.indexOf(i);
  return [...lines]
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rank(a.l.item) - rank(b.l.item) || a.i - b.i)
    .map(({ l }) => ({
      item: l.item,
      label: l.item === 'other' ? (l.label?.trim() ?? null) : null,
      collected_fen: l.collectedFen,
      spent_fen: l.spentFen,
      quantity: l.quantity?.trim() || null,
      unit: l.unit?.trim() || (l.item === 'water_usage' && l.quantity ? 'm³' : null),
      note: l.note?.trim() || null,
    }));
}

export const lineView = (l: LineValues): FeeBoardLineView => ({
  item: l.item as FeeItem,
  label: l.label ?? feeItemLabels[l.item as FeeItem]?.zh ?? l.item,
  collectedFen: l.collected_fen,
  spentFen: l.spent_fen,
  quantity: l.quantity,
  unit: l.unit,
  note: l.note,
});

export function totalsOf(lines: readonly LineValues[]): FeeBoardTotals {
  const collectedFen = lines.reduce((s, l) => s + l.collected_fen, 0);
  const spentFen = lines.reduce((s, l) => s + l.spent_fen, 0);
  return { collectedFen, spentFen, balanceFen: collectedFen - spentFen };
}

/** Whether two sets of lines say the same (a re-import of a published month changes nothing). */
export const sameLines = (a: readonly LineValues[], b: readonly LineValues[]): boolean => JSON.stringify(a.map(lineKey)) === JSON.stringify(b.map(lineKey));
const lineKey = (l: LineValues) => [l.item, l.label, l.collected_fen, l.spent_fen, l.quantity, l.unit, l.note];

export const CANONICAL_FORMAT = 'gongzhi-fee-board/1';

/**
 * The canonical content of a published board: JSON with exactly these keys in this order, no whitespace, lines in
 * board order, amounts in integer fen, absent values as null, strings as JSON.stringify writes them (UTF-8).
 * Ids, not names, so renaming an estate never changes a past hash. Its sha256 (hex) is the board's content hash;
 * anyone can recompute it from the public page: `printf '%s' "$CANONICAL" | sha256sum`.
 */
export function canonicalContent(b: Pick<FeeBoardsTable, 'community_id' | 'estate_id' | 'month' | 'revision' | 'supersedes_id' | 'correction_reason' | 'published_at'>, lines: readonly LineValues[]): string {
  return JSON.stringify({
    format: CANONICAL_FORMAT,
    communityId: b.community_id,
    estateId: b.estate_id,
    month: b.month,
    revision: b.revision,
    supersedesId: b.supersedes_id,
    correctionReason: b.correction_reason,
    publishedAt: b.published_at,
    lines: lines.map((l) => ({
      item: l.item,
      label: l.label,
      collectedFen: l.collected_fen,
      spentFen: l.spent_fen,
      quantity: l.quantity,
      unit: l.unit,
      note: l.note,
    })),
  });
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The text fields the public will read, with where each came from (for the personal-data check). */
export function publicTexts(b: Pick<FeeBoardsTable, 'correction_reason'>, lines: readonly LineValues[]): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  if (b.correction_reason) out.push({ field: 'correctionReason', text: b.correction_reason });
  lines.forEach((l, i) => {
    for (const [k, v] of [['label', l.label], ['unit', l.unit], ['note', l.note]] as const) if (v) out.push({ field: `lines.${i}.${k}`, text: v });
  });
  return out;
}
