import { createHash } from 'node:crypto';
import { PHOTO_MAX_BYTES, type FileView } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { requestFileVisible } from '../requests/requests.access.js';
import { pledgeFileVisible } from '../covenant-pledges/covenant-pledges.access.js';
import { ledgerReceiptVisible } from '../ledger/ledger.access.js';
import * as repo from './files.repository.js';
import { safeFileName, sniffImage, sniffReceipt } from './image-type.js';

/**
 * Photos: uploaded first (unattached, visible to the uploader only), then attached by id to what they belong
 * to inside that record's transaction; from then on whoever may see the record may see the photo. Uploads
 * nobody attached within a day are purged.
 */

/** What a file can belong to; each kind names how its visibility is decided. */
export const fileOwners = { request: 'request', requestStep: 'request_step', covenantPledge: 'covenant_pledge', ledgerEntry: 'ledger_entry' } as const;
export type FileOwnerKind = (typeof fileOwners)[keyof typeof fileOwners];

export const UNATTACHED_HOURS = 24;

export const fileUrl = (id: string): string => `/api/v1/files/${id}`;

export function fileViewOf(f: repo.FileMeta): FileView {
  return { id: f.id, fileName: f.file_name, mime: f.mime, size: f.size, url: fileUrl(f.id) };
}

/** Store an uploaded photo (JPG, PNG or WebP by its bytes, at most 5 MB), unattached; `receipt` also takes a PDF. */
export async function uploadPhoto(deps: AppDeps, ctx: RequestContext, input: { fileName: string | undefined; data: Buffer }, accept: 'photo' | 'receipt' = 'photo'): Promise<FileView> {
  if (input.data.length > PHOTO_MAX_BYTES) throw new AppError('file_too_large', 413, { maxBytes: PHOTO_MAX_BYTES });
  const mime = accept === 'receipt' ? sniffReceipt(input.data) : sniffImage(input.data);
  if (!mime) throw badRequest('file_invalid', { field: 'file' });
  const row = {
    id: newId(),
    community_id: null,
    owner_kind: null,
    owner_id: null,
    file_name: safeFileName(input.fileName, mime),
    mime,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    content: input.data,
    created_by: ctx.actor.userId,
    created_at: iso(deps.clock.now()),
    attached_at: null,
  };
  await repo.insertFile(deps.db, row);
  return fileViewOf(row);
}

/**
 * Attach the uploader's own unattached files to a record, inside the record's transaction. Any other id
 * (someone else's, already attached, unknown) refuses the whole write with 400 file_unavailable.
 */
export async function attachFiles(
  db: Db,
  ids: readonly string[],
  o: { uploaderId: string | null; ownerKind: FileOwnerKind; ownerId: string; communityId: string | null; now: string },
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const attached = await repo.attachFileRows(db, unique, o);
  if (attached !== unique.length) throw badRequest('file_unavailable', { field: 'photoIds' });
}

/** Views of the files of some owners, grouped by owner id. */
export async function filesByOwner(db: Db, ownerKind: FileOwnerKind, ownerIds: string[]): Promise<Map<string, FileView[]>> {
  const out = new Map<string, FileView[]>();
  for (const f of await repo.filesOfOwners(db, ownerKind, ownerIds)) {
    const list = out.get(f.owner_id!) ?? [];
    list.push(fileViewOf(f));
    out.set(f.owner_id!, list);
  }
  return out;
}

/** Whether the actor may see this file: its uploader while unattached, then whoever may see its owner. */
async function visible(deps: AppDeps, actor: Actor, f: repo.FileMeta): Promise<boolean> {
  if (f.owner_kind === null) return f.created_by !== null && f.created_by === actor.userId;
  if (f.owner_kind === fileOwners.request || f.owner_kind === fileOwners.requestStep) {
    return requestFileVisible(deps, actor, f.owner_kind, f.owner_id!);
  }
  if (f.owner_kind === fileOwners.covenantPledge) return pledgeFileVisible(deps, actor, f.owner_id!);
  if (f.owner_kind === fileOwners.ledgerEntry) return ledgerReceiptVisible(deps, actor, f.owner_id!);
  return false;
}

/** A file's bytes for a download; invisible and missing ones answer 404 alike. */
export async function openFile(deps: AppDeps, actor: Actor, id: string): Promise<{ meta: repo.FileMeta; content: Buffer }> {
  const meta = await repo.findFileMeta(deps.db, id);
  if (!meta || !(await visible(deps, actor, meta))) throw notFound();
  const row = await repo.readFileContent(deps.db, id);
  if (!row) throw notFound();
  return { meta, content: Buffer.from(row.content) };
}

/** Delete uploads nobody attached within a day (a photo picked and then abandoned); returns how many went. */
export async function purgeUnattachedFiles(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const before = iso(new Date(deps.clock.now().getTime() - UNATTACHED_HOURS * 3_600_000));
  return repo.deleteUnattachedBefore(deps.db, before);
}
