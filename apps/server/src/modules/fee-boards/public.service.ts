import type { PublicFeeBoardEstates, PublicFeeBoardView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../lib/app-error.js';
import { localDate } from '../../lib/clock.js';
import { canonicalContent, totalsOf } from './content.js';
import * as repo from './fee-boards.repository.js';
import { presentBoard } from './fee-boards.service.js';

/** What the portal reads without a login: published boards only; drafts answer 404 like a missing board. */

/** `YYYY-MM` n months before `month`. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** A community's estates, each with its current boards of the last 12 months (newest first). */
export async function publicFeeBoards(deps: AppDeps, communityId: string): Promise<PublicFeeBoardEstates> {
  const community = await repo.findPlace(deps.db, communityId);
  if (!community || community.kind !== 'community' || community.retired_at) throw notFound();
  const thisMonth = localDate(deps.clock.now()).slice(0, 7);
  const [estates, boards] = await Promise.all([repo.estatesOfCommunity(deps.db, communityId), repo.publishedSince(deps.db, communityId, monthsBefore(thisMonth, 11))]);
  const lines = await repo.linesOf(deps.db, boards.map((b) => b.id));
  return {
    communityId,
    communityName: community.name,
    estates: estates.map((e) => ({
      estateId: e.id,
      estateName: e.name,
      months: boards
        .filter((b) => b.estate_id === e.id)
        .map((b) => ({ id: b.id, month: b.month, revision: b.revision, totals: totalsOf(lines.get(b.id) ?? []), publishedAt: b.published_at ?? '' })),
    })),
  };
}

/** A published (or superseded) board with its revision history and the canonical content its hash is taken over. */
export async function publicFeeBoard(deps: AppDeps, id: string): Promise<PublicFeeBoardView> {
  const b = await repo.findBoard(deps.db, id);
  if (!b || b.status === 'draft') throw notFound();
  // The response schema leaves `can` out.
  const view = await presentBoard(deps.db, b, null);
  const lines = (await repo.linesOf(deps.db, [id])).get(id) ?? [];
  const current = view.revisions.find((r) => r.status === 'published');
  return { ...view, canonicalContent: canonicalContent(b, lines), currentId: current?.id ?? id };
}
