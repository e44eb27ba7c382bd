import { termKinds, type OrganisationView } from '@gongzhi/shared';
import type { z } from 'zod';
import type { createOrganisationBody, updateOrganisationBody } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db, OrganisationRow } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { maskPhone } from '../../lib/personal-data.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlace } from '../places/places.repository.js';
import { activeMembershipsOf } from './memberships.repository.js';
import { closeMembership } from './memberships.service.js';
import { countActiveMembers } from './party-members.repository.js';
import { assertManages } from './organisations.policy.js';
import * as repo from './organisations.repository.js';
import { checkOrganisation, type OrganisationDraft } from './organisations.rules.js';
import { toOrganisationView, visibleOrganisation } from './organisations.service.js';
import { invalid, isUniqueViolation, localToday, throwProblems, type Problem } from './problems.js';

type Columns = Omit<OrganisationRow, 'id' | 'created_at' | 'updated_at' | 'retired_at'>;

function draftFromRow(deps: AppDeps, r: OrganisationRow): OrganisationDraft {
  return {
    communityId: r.community_id,
    kind: r.kind as OrganisationDraft['kind'],
    name: r.name,
    partyLevel: r.party_level as OrganisationDraft['partyLevel'],
    parentId: r.parent_id,
    placeId: r.place_id,
    creditCode: r.credit_code,
    contactName: r.contact_name,
    contactPhone: r.contact_phone_cipher ? deps.vault.decrypt(r.contact_phone_cipher) : null,
    address: r.address,
    termStartOn: r.term_start_on,
    termEndOn: r.term_end_on,
    dualReportingOn: r.dual_reporting_on,
    note: r.note,
  };
}

/** Load what a draft points at and run the rules; `selfId` is the organisation being changed, if any. */
export async function prepareOrganisation(deps: AppDeps, db: Db, draft: OrganisationDraft, selfId: string | null) {
  const parent = draft.parentId ? await repo.findOrganisation(db, draft.parentId) : undefined;
  const place = draft.placeId ? await findPlace(db, draft.placeId) : undefined;
  const childLevels = selfId ? (await repo.activeChildren(db, selfId)).map((c) => c.party_level as NonNullable<OrganisationDraft['partyLevel']>) : [];
  return checkOrganisation(draft, { selfId, parent, place, childLevels }, localToday(deps.clock.now()));
}

/** Table columns for a checked draft; an unchanged contact phone keeps its ciphertext. */
function columnsOf(deps: AppDeps, d: OrganisationDraft, previous?: OrganisationRow): Columns {
  const samePhone = previous?.contact_phone_cipher && d.contactPhone && deps.vault.decrypt(previous.contact_phone_cipher) === d.contactPhone;
  return {
    community_id: d.communityId,
    kind: d.kind,
    party_level: d.partyLevel,
    parent_id: d.parentId,
    name: d.name,
    place_id: d.placeId,
    credit_code: d.creditCode,
    contact_name: d.contactName,
    contact_phone_cipher: samePhone ? previous!.contact_phone_cipher : d.contactPhone ? deps.vault.encrypt(d.contactPhone) : null,
    address: d.address,
    term_start_on: d.termStartOn,
    term_end_on: d.termEndOn,
    dual_reporting_on: d.dualReportingOn,
    note: d.note,
  };
}

const changedColumns = (before: OrganisationRow, after: Columns) => (Object.keys(after) as (keyof Columns)[]).filter((k) => before[k] !== after[k]);

async function assertNameFree(db: Db, communityId: string, name: string, selfId: string | null) {
  const other = await repo.findOrganisationByName(db, communityId, name);
  if (other && other.id !== selfId) throw new AppError('organisation_name_taken', 409, { field: 'name' });
}

/** Writes that race past the name check meet the unique index; answer them as the check would have. */
async function nameGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('organisation_name_taken', 409, { field: 'name' });
    throw e;
  }
}

export async function createOrganisation(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof createOrganisationBody>): Promise<OrganisationView> {
  const community = await findPlace(deps.db, body.communityId);
  assertManages(ctx.actor, community?.kind === 'community' ? community.path : undefined, 'communityId');
  if (community!.retired_at) throw new AppError('place_retired', 409, { field: 'communityId' });
  const { draft, problems } = await prepareOrganisation(deps, deps.db, { ...emptyDraft, ...stripUndefined(body) }, null);
  throwProblems(problems);
  const now = iso(deps.clock.now());
  const row: OrganisationRow = { id: newId(), ...columnsOf(deps, draft), retired_at: null, created_at: now, updated_at: now };
  await nameGuard(() =>
    deps.db.transaction().execute(async (trx) => {
      await assertNameFree(trx, row.community_id, row.name, null);
      await repo.insertOrganisation(trx, row);
      await audit(deps, trx, ctx, 'organisation.created', row, community!.path, undefined, forAudit(draft));
    }),
  );
  return toOrganisationView(deps, (await repo.findOrganisation(deps.db, row.id))!);
}

const emptyDraft: Omit<OrganisationDraft, 'communityId' | 'kind' | 'name'> = {
  partyLevel: null,
  parentId: null,
  placeId: null,
  creditCode: null,
  contactName: null,
  contactPhone: null,
  address: null,
  termStartOn: null,
  termEndOn: null,
  dualReportingOn: null,
  note: null,
};

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

function audit(deps: AppDeps, trx: Db, ctx: RequestContext | null, action: string, row: OrganisationRow, scopePath: string, before: unknown, after: unknown) {
  return recordAudit(trx, ctx, deps.clock, { action, targetType: 'organisation', targetId: row.id, communityId: row.community_id, scopePath, before, after });
}

export async function updateOrganisation(deps: AppDeps, ctx: RequestContext, id: string, patch: z.infer<typeof updateOrganisationBody>): Promise<OrganisationView> {
  const existing = await visibleOrganisation(deps, ctx.actor, id);
  assertManages(ctx.actor, existing.community_path);
  if (existing.retired_at) throw new AppError('organisation_retired', 409);
  const before = draftFromRow(deps, existing);
  const merged: OrganisationDraft = { ...before, ...stripUndefined(patch) };
  // A new term start without an end starts a fresh term: an elected committee's end is recomputed from it.
  if (patch.termStartOn !== undefined && patch.termEndOn === undefined && termKinds.includes(merged.kind)) merged.termEndOn = null;
  const { draft, problems } = await prepareOrganisation(deps, deps.db, merged, existing.id);
  throwProblems(problems);
  const cols = columnsOf(deps, draft, existing);
  const changed = changedColumns(existing, cols);
  if (changed.length === 0) return toOrganisationView(deps, existing);
  await nameGuard(() =>
    deps.db.transaction().execute(async (trx) => {
      if (changed.includes('name')) await assertNameFree(trx, existing.community_id, draft.name, existing.id);
      await repo.updateOrganisation(trx, id, { ...cols, updated_at: iso(deps.clock.now()) });
      await audit(deps, trx, ctx, 'organisation.updated', existing, existing.community_path, pick(before, changed), pick(draft, changed));
    }),
  );
  return toOrganisationView(deps, (await repo.findOrganisation(deps.db, id))!);
}

/** Audit only what changed, under the draft's (camelCase) names. */
function pick(d: OrganisationDraft, columns: (keyof Columns)[]): Record<string, unknown> {
  const camel = (c: string) => (c === 'contact_phone_cipher' ? 'contactPhone' : c.replace(/_(\w)/g, (_, ch: string) => ch.toUpperCase()));
  return forAudit(Object.fromEntries(columns.map((c) => [camel(c), d[camel(c) as keyof OrganisationDraft]])));
}

/** The audit log masks only `phone` and `idNumber` keys itself, so the contact phone is masked here. */
function forAudit(d: Partial<OrganisationDraft>): Record<string, unknown> {
  return 'contactPhone' in d ? { ...d, contactPhone: maskPhone(d.contactPhone ?? null) } : { ...d };
}

/**
 * Retire an organisation: it keeps its name, history and past members, and its active posts end today (giving
 * back any account role they carried). A party organisation with active organisations under it, or active
 * members on its roster, stays until they have moved.
 */
export async function retireOrganisation(deps: AppDeps, ctx: RequestContext, id: string): Promise<OrganisationView> {
  const existing = await visibleOrganisation(deps, ctx.actor, id);
  assertManages(ctx.actor, existing.community_path);
  if (existing.retired_at) return toOrganisationView(deps, existing);
  const now = iso(deps.clock.now());
  const forget = await deps.db.transaction().execute(async (trx) => {
    if ((await repo.activeChildren(trx, id)).length > 0) throw new AppError('organisation_has_active_children', 409);
    if ((await countActiveMembers(trx, id)) > 0) throw new AppError('organisation_has_party_members', 409);
    const users: string[] = [];
    for (const m of await activeMembershipsOf(trx, id)) {
      const u = await closeMembership(deps, trx, ctx, m, localToday(deps.clock.now()), 'organisation_retired');
      if (u) users.push(u);
    }
    await repo.updateOrganisation(trx, id, { retired_at: now, updated_at: now });
    await audit(deps, trx, ctx, 'organisation.retired', existing, existing.community_path, { retiredAt: null }, { retiredAt: now });
    return users;
  });
  for (const u of forget) deps.sessions.forgetUser(u);
  return toOrganisationView(deps, (await repo.findOrganisation(deps.db, id))!);
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/**
 * What writing this draft would do, keyed by its natural key (community, name), without writing: the Excel
 * import's validation pass. The caller has checked that the actor keeps the draft's community.
 */
export async function planOrganisation(deps: AppDeps, db: Db, input: OrganisationDraft) {
  const existing = await repo.findOrganisationByName(db, input.communityId, input.name);
  const { draft, problems } = await prepareOrganisation(deps, db, input, existing?.id ?? null);
  const extra: Problem[] = [];
  if (existing?.retired_at) extra.push({ code: 'organisation_retired', status: 409, field: 'name' });
  if (existing && existing.kind !== draft.kind) extra.push(invalid('kind', 'an organisation keeps its kind'));
  const all = [...extra, ...problems];
  const outcome: UpsertOutcome = !existing ? 'created' : changedColumns(existing, columnsOf(deps, draft, existing)).length ? 'updated' : 'unchanged';
  return { draft, problems: all, existing, outcome };
}

/**
 * Create or update an organisation by its natural key inside the caller's transaction, audited, with the
 * same rules as the API. Returns the problems instead of writing when there are any.
 */
export async function upsertOrganisation(deps: AppDeps, trx: Db, ctx: RequestContext | null, input: OrganisationDraft) {
  const { draft, problems, existing, outcome } = await planOrganisation(deps, trx, input);
  if (problems.length) return { outcome: null, id: existing?.id ?? null, problems };
  const now = iso(deps.clock.now());
  const community = (await findPlace(trx, draft.communityId))!;
  if (!existing) {
    const row: OrganisationRow = { id: newId(), ...columnsOf(deps, draft), retired_at: null, created_at: now, updated_at: now };
    await repo.insertOrganisation(trx, row);
    await audit(deps, trx, ctx, 'organisation.created', row, community.path, undefined, forAudit(draft));
    return { outcome, id: row.id, problems };
  }
  if (outcome === 'updated') {
    const cols = columnsOf(deps, draft, existing);
    const changed = changedColumns(existing, cols);
    await repo.updateOrganisation(trx, existing.id, { ...cols, updated_at: now });
    await audit(deps, trx, ctx, 'organisation.updated', existing, community.path, pick(draftFromRow(deps, existing), changed), pick(draft, changed));
  }
  return { outcome, id: existing.id, problems };
}
