import { maskPersonName, type FeeBoardRevisionView, type FeeBoardStatus, type FeeBoardSummary, type FeeBoardView } from '@gongzhi/shared';
import type { FeeBoardLinesTable, FeeBoardsTable } from '../../db/fee-board-tables.js';
import type { Actor } from '../../lib/actor.js';
import { lineView, totalsOf } from './content.js';
import { canEditAt } from './fee-boards.policy.js';
import type { BoardRow } from './fee-boards.repository.js';

/** Presenters: the response schemas decide what leaves; these decide what each field says. */

export function summaryView(b: BoardRow, lines: readonly FeeBoardLinesTable[]): FeeBoardSummary {
  return {
    id: b.id,
    communityId: b.community_id,
    communityName: b.community_name,
    estateId: b.estate_id,
    estateName: b.estate_name,
    month: b.month,
    revision: b.revision,
    status: b.status as FeeBoardStatus,
    totals: totalsOf(lines),
    publishedAt: b.published_at,
    updatedAt: b.updated_at,
  };
}

export const revisionView = (r: FeeBoardsTable): FeeBoardRevisionView => ({
  id: r.id,
  revision: r.revision,
  status: r.status as FeeBoardStatus,
  correctionReason: r.correction_reason,
  publishedAt: r.published_at,
  contentHash: r.content_hash,
});

/** A board in full; `actor` null is the public (publisher's name masked, no drafts among the revisions). */
export function boardView(b: BoardRow, lines: readonly FeeBoardLinesTable[], revisions: readonly FeeBoardsTable[], actor: Actor | null): FeeBoardView {
  const editor = actor !== null && canEditAt(actor, b.estate_path);
  const hasDraft = revisions.some((r) => r.status === 'draft');
  return {
    ...summaryView(b, lines),
    lines: lines.map(lineView),
    correctionReason: b.correction_reason,
    supersedesId: b.supersedes_id,
    supersededById: b.superseded_by_id,
    publishedByName: b.published_by_name === null ? null : actor === null ? maskPersonName(b.published_by_name) : b.published_by_name,
    contentHash: b.content_hash,
    revisions: revisions.filter((r) => actor !== null || r.status !== 'draft').map(revisionView),
    can: {
      edit: editor && b.status === 'draft',
      publish: editor && b.status === 'draft',
      discard: editor && b.status === 'draft',
      correct: editor && b.status === 'published' && !hasDraft,
    },
  };
}
