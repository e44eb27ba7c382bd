import { maskPersonName } from '@gongzhi/shared';
import type { PledgeMethod, PledgeView } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { canRecordAt, readsNamesIn } from './covenant-pledges.policy.js';
import { placeNames, type PledgeRow } from './covenant-pledges.repository.js';

/**
 * Presenters. A household's path names its dwelling's chain (/subdistrict/community/grid/estate/building/
 * entrance/dwelling/), so every address, grid and building name a page needs comes from one query by id.
 */

export const segments = (path: string): string[] => path.split('/').filter(Boolean);

export interface Address {
  /** "第一网格 阳光小区 3栋 1单元 302室" */
  address: string;
  gridName: string | null;
  estateName: string | null;
  buildingName: string | null;
}

/** Addresses for paths, one query for the names along them. */
export async function addressBook(db: Db, paths: Iterable<string>): Promise<Map<string, Address>> {
  const unique = [...new Set(paths)];
  const names = await placeNames(db, unique.flatMap((p) => segments(p).slice(2)));
  return new Map(
    unique.map((p) => {
      const s = segments(p);
      const name = (i: number) => (s[i] ? (names.get(s[i]) ?? null) : null);
      const address = s
        .slice(2)
        .map((id) => names.get(id))
        .filter((n): n is string => n !== undefined)
        .join(' ');
      return [p, { address, gridName: name(2), estateName: name(3), buildingName: name(4) }];
    }),
  );
}

/** Pledges as the actor sees them: signer names whole for the office, the recorder and the signer only. */
export async function pledgeViews(db: Db, actor: Actor, communityPath: string, rows: PledgeRow[]): Promise<PledgeView[]> {
  const book = await addressBook(db, rows.map((r) => r.place_path));
  const office = readsNamesIn(actor, communityPath);
  return rows.map((r) => ({
    id: r.id,
    covenantId: r.covenant_id,
    householdId: r.household_id,
    address: book.get(r.place_path)?.address ?? '',
    method: r.method as PledgeMethod,
    signerName: office || r.recorded_by === actor.userId ? r.signer_name : maskPersonName(r.signer_name),
    signedOn: r.signed_on,
    recordedByName: r.recorded_by_name,
    photoFileId: r.photo_file_id,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    can: { revoke: r.revoked_at === null && canRecordAt(actor, r.place_path) },
  }));
}

/** pledged / households × 100 with one decimal; 0 for none. */
export const rateOf = (pledged: number, households: number): number => (households === 0 ? 0 : Math.round((pledged * 1000) / households) / 10);
