import {
  defaultCovenantPermissions,
  permits,
  phasePermissionsSchema,
  type ListPledgesQuery,
  type MyPledgeView,
  type PaperPledgeBody,
  type PhasePermissions,
  type PledgeBlocker,
  type PledgePage,
  type PledgeView,
} from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { CovenantPledgesTable } from '../../db/covenant-tables.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/app-error.js';
import { iso, localDate } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { participantOf, requirePermitted, type Participant } from '../../lib/participation.js';
import { recordAudit } from '../audit/audit.service.js';
import { attachFiles, fileOwners } from '../files/index.js';
import { belongsTo, canRecordAt, recordPrefixes, viewPrefixes } from './covenant-pledges.policy.js';
import * as repo from './covenant-pledges.repository.js';
import { addressBook, pledgeViews } from './covenant-pledges.views.js';

/**
 * Household pledges. One standing pledge per household and covenant (a unique partial index holds it even when
 * two family members sign at the same moment); a pledge recorded by mistake is revoked with a reason and the
 * household may pledge again. Pledges are taken only while the covenant is in its `pledging` phase.
 */

/** The covenant, or 404. */
export async function loadCovenant(db: Db, id: string): Promise<repo.CovenantRow> {
  const cv = await repo.findCovenant(db, id);
  if (!cv) throw notFound();
  return cv;
}

/** The covenant and the prefixes of its community the actor follows pledges in; 404 when there are none. */
export async function viewableCovenant(db: Db, actor: Actor, id: string): Promise<{ cv: repo.CovenantRow; prefixes: string[] }> {
  const cv = await loadCovenant(db, id);
  const prefixes = viewPrefixes(actor, cv.community_path);
  if (prefixes.length === 0) throw notFound();
  return { cv, prefixes };
}

/** A scope narrowed to a place: its subtree when inside the scope, the scope places below it, or nothing. */
export async function narrowToPlace(db: Db, prefixes: string[], placeId?: string): Promise<string[]> {
  if (!placeId) return prefixes;
  const place = await repo.findPlacePath(db, placeId);
  if (!place) return [];
  if (prefixes.some((p) => place.path.startsWith(p))) return [place.path];
  return prefixes.filter((p) => p.startsWith(place.path));
}

/** The pledging phase's permissions as planned for this covenant (the defaults when the row is missing). */
async function pledgingPermissions(db: Db, covenantId: string): Promise<PhasePermissions> {
  const json = await repo.phasePermissionsJson(db, covenantId, 'pledging');
  const parsed = json === undefined ? null : phasePermissionsSchema.safeParse(JSON.parse(json));
  return parsed?.success ? parsed.data : defaultCovenantPermissions.pledging;
}

async function residentSide(deps: AppDeps, actor: Actor, id: string): Promise<{ cv: repo.CovenantRow; participant: Participant }> {
  const cv = await loadCovenant(deps.db, id);
  const participant = await participantOf(deps.db, actor, { id: cv.community_id, path: cv.community_path });
  if (!belongsTo(actor, cv.community_path) && !participant.residentId) throw notFound();
  return { cv, participant };
}

/** The signed-in resident's household, its pledge, and whether they may sign now (and why not). */
export async function myPledge(deps: AppDeps, actor: Actor, id: string): Promise<MyPledgeView> {
  const { cv, participant } = await residentSide(deps, actor, id);
  const household = participant.householdId ? await repo.findHousehold(deps.db, participant.householdId) : undefined;
  const activeHousehold = household?.status === 'active' ? household : undefined;
  const pledgeRow = activeHousehold ? await repo.standingPledgeOf(deps.db, cv.id, activeHousehold.id) : undefined;
  const [pledge] = pledgeRow ? await pledgeViews(deps.db, actor, cv.community_path, [pledgeRow]) : [];
  const permissions = await pledgingPermissions(deps.db, cv.id);
  let blocker: PledgeBlocker | null = null;
  if (pledge) blocker = 'already_pledged';
  else if (cv.phase !== 'pledging') blocker = 'not_pledging';
  else if (!participant.residentId) blocker = 'not_verified';
  else if (!activeHousehold) blocker = 'no_household';
  else if (!permits(permissions, 'pledge', participant.groups)) blocker = 'not_open_to_you';
  const articles = cv.adopted_version_id ? await repo.adoptedArticles(deps.db, cv.adopted_version_id) : [];
  const address = activeHousehold ? ((await addressBook(deps.db, [activeHousehold.place_path])).get(activeHousehold.place_path)?.address ?? null) : null;
  return {
    covenantId: cv.id,
    covenantTitle: cv.title,
    phase: cv.phase,
    adoptedVersionId: cv.adopted_version_id,
    articleCount: articles.length,
    householdId: activeHousehold?.id ?? null,
    address,
    pledge: pledge ?? null,
    canSign: blocker === null,
    blocker,
  };
}

/** Insert a pledge in its own transaction with its audit entry; the unique index answers a race with 409. */
async function writePledge(deps: AppDeps, ctx: RequestContext, cv: repo.CovenantRow, row: CovenantPledgesTable, action: string): Promise<void> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (await repo.standingPledgeOf(trx, cv.id, row.household_id)) throw conflict('pledge_exists');
      await repo.insertPledge(trx, row);
      if (row.photo_file_id) {
        await attachFiles(trx, [row.photo_file_id], { uploaderId: ctx.actor.userId, ownerKind: fileOwners.covenantPledge, ownerId: row.id, communityId: cv.community_id, now: row.created_at });
      }
      await recordAudit(trx, ctx, deps.clock, {
        action,
        targetType: 'covenant_pledge',
        targetId: row.id,
        communityId: cv.community_id,
        scopePath: row.place_path,
        after: { covenantId: cv.id, householdId: row.household_id, method: row.method, signerName: row.signer_name, signedOn: row.signed_on, photoFileId: row.photo_file_id },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('pledge_exists');
    throw e;
  }
}

async function pledgeView(deps: AppDeps, actor: Actor, cv: repo.CovenantRow, pledgeId: string): Promise<PledgeView> {
  const row = await repo.findPledge(deps.db, cv.id, pledgeId);
  if (!row) throw notFound();
  const [view] = await pledgeViews(deps.db, actor, cv.community_path, [row]);
  return view!;
}

/** "我家承诺遵守": a verified resident signs for their own household. */
export async function signOnline(deps: AppDeps, ctx: RequestContext, id: string): Promise<PledgeView> {
  const { cv, participant } = await residentSide(deps, ctx.actor, id);
  if (cv.phase !== 'pledging') throw conflict('wrong_phase', { phase: cv.phase });
  requirePermitted(await pledgingPermissions(deps.db, cv.id), 'pledge', participant);
  const household = participant.householdId ? await repo.findHousehold(deps.db, participant.householdId) : undefined;
  if (!household || household.status !== 'active' || !participant.residentId || !participant.residentName) throw conflict('pledge_no_household');
  const now = deps.clock.now();
  const row: CovenantPledgesTable = {
    id: newId(),
    covenant_id: cv.id,
    household_id: household.id,
    place_path: household.place_path,
    method: 'online',
    signer_resident_id: participant.residentId,
    signer_name: participant.residentName,
    signed_on: localDate(now),
    recorded_by: ctx.actor.userId!,
    photo_file_id: null,
    created_at: iso(now),
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  };
  await writePledge(deps, ctx, cv, row, 'covenant_pledge.signed');
  return pledgeView(deps, ctx.actor, cv, row.id);
}

/** A signed paper form, recorded by staff or a building leader for a household within their places. */
export async function recordPaper(deps: AppDeps, ctx: RequestContext, id: string, body: PaperPledgeBody): Promise<PledgeView> {
  const cv = await loadCovenant(deps.db, id);
  if (recordPrefixes(ctx.actor, cv.community_path).length === 0) throw notFound();
  const household = await repo.findHousehold(deps.db, body.householdId);
  if (!household || household.community_id !== cv.community_id || !canRecordAt(ctx.actor, household.place_path)) throw notFound();
  if (cv.phase !== 'pledging') throw conflict('wrong_phase', { phase: cv.phase });
  if (household.status !== 'active') throw badRequest('pledge_household_invalid', { field: 'householdId' });
  const now = deps.clock.now();
  if (body.signedOn > localDate(now)) throw badRequest('pledge_signed_on_invalid', { field: 'signedOn' });
  const row: CovenantPledgesTable = {
    id: newId(),
    covenant_id: cv.id,
    household_id: household.id,
    place_path: household.place_path,
    method: 'paper',
    signer_resident_id: null,
    signer_name: body.signerName,
    signed_on: body.signedOn,
    recorded_by: ctx.actor.userId!,
    photo_file_id: body.photoFileId ?? null,
    created_at: iso(now),
    revoked_at: null,
    revoked_by: null,
    revoke_reason: null,
  };
  await writePledge(deps, ctx, cv, row, 'covenant_pledge.recorded');
  return pledgeView(deps, ctx.actor, cv, row.id);
}

/** Revoke a pledge recorded by mistake; it stays on record with the reason. */
export async function revokePledge(deps: AppDeps, ctx: RequestContext, id: string, pledgeId: string, reason: string): Promise<PledgeView> {
  const { cv, prefixes } = await viewableCovenant(deps.db, ctx.actor, id);
  const p = await repo.findPledge(deps.db, cv.id, pledgeId);
  if (!p || !prefixes.some((s) => p.place_path.startsWith(s))) throw notFound();
  if (!canRecordAt(ctx.actor, p.place_path)) throw forbidden();
  if (p.revoked_at) throw conflict('pledge_revoked');
  const at = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.revokePledgeRow(trx, p.id, ctx.actor.userId!, reason, at)) === 0) throw conflict('pledge_revoked');
    await recordAudit(trx, ctx, deps.clock, {
      action: 'covenant_pledge.revoked',
      targetType: 'covenant_pledge',
      targetId: p.id,
      communityId: cv.community_id,
      scopePath: p.place_path,
      before: { revokedAt: null },
      after: { revokedAt: at, reason },
    });
  });
  return pledgeView(deps, ctx.actor, cv, p.id);
}

export async function listPledges(deps: AppDeps, actor: Actor, id: string, q: ListPledgesQuery): Promise<PledgePage> {
  const { cv, prefixes } = await viewableCovenant(deps.db, actor, id);
  const narrowed = await narrowToPlace(deps.db, prefixes, q.placeId);
  const { rows, total } = await repo.listPledges(deps.db, {
    covenantId: cv.id,
    prefixes: narrowed,
    method: q.method,
    includeRevoked: q.includeRevoked ?? false,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: await pledgeViews(deps.db, actor, cv.community_path, rows), total };
}
