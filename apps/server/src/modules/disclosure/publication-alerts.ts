import { disclosureEditorRoles, maskPersonalData } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { enqueueNotification, notifyRole } from '../notifications/outbox.js';
import type { PublicationRow } from './publications.repository.js';

/**
 * Who is told what in a publication's life, written in the transaction of the step itself: the community's
 * editors when one waits for approval (not its author, who cannot approve it), the author when it is returned or
 * a resident objects or asks. The link opens the publication in the console.
 */
type What = 'publication_submitted' | 'publication_returned' | 'publication_objection' | 'publication_question';

const message = (p: PublicationRow, what: What, note: string | null, key: string) => ({
  template: 'openness_alert' as const,
  // A message may go out by mail: numbers a resident typed are masked there, as on the portal.
  params: { what, title: p.title.slice(0, 200), note: note === null ? null : maskPersonalData(note).slice(0, 1000) },
  event: `publication.${what.slice('publication_'.length)}`,
  link: `/console/publications/${p.id}`,
  dedupeKey: `publication:${p.id}:${key}`,
});

export async function tellEditors(trx: Db, deps: Pick<AppDeps, 'clock'>, p: PublicationRow, what: What, key: string): Promise<void> {
  await notifyRole(trx, deps, { ...message(p, what, null, key), placePath: p.community_path, roles: disclosureEditorRoles, communityId: p.community_id, except: p.author_user_id });
}

export async function tellAuthor(trx: Db, deps: Pick<AppDeps, 'clock'>, p: PublicationRow, what: What, note: string | null, key: string): Promise<void> {
  await enqueueNotification(trx, deps, { ...message(p, what, note, key), communityId: p.community_id, recipientUserId: p.author_user_id });
}
