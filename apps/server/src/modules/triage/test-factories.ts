import { tokenize } from '../../classifier/index.js';
import type { AppDeps } from '../../deps.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { requestRow } from '../../test/request-row.js';

/**
 * Rows written straight into the tables, as the requests module's intake would write them (this module reads
 * requests; requests/ keeps them): the request, its FTS row on SQLite, assignments, organisations.
 */

let counter = 0;

export interface RequestSeed {
  placeId: string;
  title: string;
  text?: string;
  status?: string;
  categoryId?: string | null;
  categorySource?: 'model' | 'staff' | 'resident' | null;
  /** Minutes before the clock's now. */
  ageMinutes?: number;
  submittedBy?: string | null;
}

/** A request at a place (its community and grid taken from the place tree). */
export async function addRequest(deps: AppDeps, s: RequestSeed): Promise<{ id: string; number: string }> {
  const place = await deps.db.selectFrom('places').select(['id', 'path', 'kind', 'community_id']).where('id', '=', s.placeId).executeTakeFirstOrThrow();
  const segs = place.path.split('/').filter(Boolean);
  const created = iso(new Date(deps.clock.now().getTime() - (s.ageMinutes ?? 0) * 60_000));
  const text = s.text ?? s.title;
  const id = newId();
  counter++;
  const number = `GZ-2026-${String(counter).padStart(6, '0')}-${id.slice(-6)}`;
  const tokens = tokenize(`${s.title} ${text}`).join(' ');
  await deps.db
    .insertInto('requests')
    .values(
      requestRow(
        { id, number, community_id: place.community_id!, place_path: place.path, title: s.title, text, tokens, created_at: created },
        {
          place_id: place.kind === 'community' ? null : place.id,
          grid_id: segs.length >= 3 ? segs[2]! : null,
          submitted_by: s.submittedBy ?? null,
          kind: 'complaint',
          category_id: s.categoryId ?? null,
          category_confidence: s.categorySource === 'model' ? 0.5 : null,
          category_source: s.categoryId ? (s.categorySource ?? 'staff') : null,
          status: s.status ?? 'received',
        },
      ),
    )
    .execute();
  return { id, number };
}

/** A lead (or co-) assignment of a request to a user or an organisation. */
export async function addAssignment(deps: AppDeps, requestId: string, a: { userId?: string; organisationId?: string; lead?: boolean; assignedBy: string }): Promise<void> {
  const r = await deps.db.selectFrom('requests').select('community_id').where('id', '=', requestId).executeTakeFirstOrThrow();
  await deps.db
    .insertInto('request_assignments')
    .values({
      id: newId(),
      request_id: requestId,
      community_id: r.community_id,
      assignee_kind: a.userId ? 'user' : 'organisation',
      user_id: a.userId ?? null,
      organisation_id: a.organisationId ?? null,
      is_lead: a.lead === false ? 0 : 1,
      status: 'active',
      assigned_by: a.assignedBy,
      assigned_at: iso(deps.clock.now()),
      accepted_at: null,
      finished_at: null,
      note: null,
    })
    .execute();
}

/** An organisation of the community (property company unless said otherwise). */
export async function addOrganisation(deps: AppDeps, o: { communityId: string; name: string; kind?: string; retired?: boolean }): Promise<string> {
  const id = newId();
  const now = iso(deps.clock.now());
  await deps.db
    .insertInto('organisations')
    .values({
      id,
      community_id: o.communityId,
      kind: o.kind ?? 'property_company',
      party_level: null,
      parent_id: null,
      name: o.name,
      place_id: null,
      credit_code: null,
      contact_name: null,
      contact_phone_cipher: null,
      address: null,
      term_start_on: null,
      term_end_on: null,
      dual_reporting_on: null,
      note: null,
      retired_at: o.retired ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A place's materialised path (the world's place views do not carry it). */
export async function pathOf(deps: AppDeps, placeId: string): Promise<string> {
  return (await deps.db.selectFrom('places').select('path').where('id', '=', placeId).executeTakeFirstOrThrow()).path;
}
