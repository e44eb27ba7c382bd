import { isSensitiveTag, MINOR_AGE, residentTags, type ConsentBasis, type ResidentTag } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { iso } from '../../lib/clock.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './residents.repository.js';
import { ageOn, localDate } from './residents.rules.js';
import { addConsentRow, editableResident, isUniqueViolation } from './residents.service.js';
import { residentDetailOf } from './residents.views.js';

/**
 * Tags and the consents (or other legal bases) sensitive ones rest on. A sensitive tag always points at an active
 * consent for `tag:<tag>`; withdrawing that consent removes the tag in the same transaction.
 */

export async function addTag(deps: AppDeps, ctx: RequestContext, id: string, input: { tag: ResidentTag; basis?: ConsentBasis; detail?: string }) {
  const r = await editableResident(deps, ctx.actor, id);
  const existing = await repo.tagsOf(deps.db, id);
  if (existing.some((t) => t.tag === input.tag)) return residentDetailOf(deps, deps.db, r, ctx.actor);
  const now = iso(deps.clock.now());
  try {
    await deps.db.transaction().execute(async (trx) => {
      let consentId: string | null = null;
      if (isSensitiveTag(input.tag)) {
        if (input.basis && input.detail) consentId = await addConsentRow(trx, ctx, id, `tag:${input.tag}`, { basis: input.basis, detail: input.detail }, now);
        else consentId = (await repo.activeConsentFor(trx, id, `tag:${input.tag}`))?.id ?? null;
        if (!consentId) throw new AppError('basis_required', 400, { field: 'basis', reason: input.tag });
      }
      await repo.insertTag(trx, { resident_id: id, tag: input.tag, consent_id: consentId, created_by: ctx.actor.userId, created_at: now });
      await repo.updateResident(trx, id, { updated_at: now });
      await recordAudit(trx, ctx, deps.clock, {
        action: 'resident.tag_added',
        targetType: 'resident',
        targetId: id,
        communityId: r.community_id,
        scopePath: r.place_path,
        after: { tag: input.tag, consentId, basis: input.basis ?? null },
      });
    });
  } catch (e) {
    // Someone added the same tag a moment earlier: the outcome asked for holds.
    if (!isUniqueViolation(e)) throw e;
  }
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}

export async function removeTag(deps: AppDeps, ctx: RequestContext, id: string, tag: ResidentTag) {
  const r = await editableResident(deps, ctx.actor, id);
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    if ((await repo.deleteTag(trx, id, tag)) === 0) return;
    await repo.updateResident(trx, id, { updated_at: now });
    await recordAudit(trx, ctx, deps.clock, { action: 'resident.tag_removed', targetType: 'resident', targetId: id, communityId: r.community_id, scopePath: r.place_path, before: { tag } });
  });
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}

export async function addConsent(deps: AppDeps, ctx: RequestContext, id: string, input: { purpose: string; basis: ConsentBasis; detail: string }) {
  const r = await editableResident(deps, ctx.actor, id);
  if (input.purpose.startsWith('tag:') && !residentTags.includes(input.purpose.slice(4) as ResidentTag)) {
    throw new AppError('validation_failed', 400, [{ field: 'body.purpose', code: 'invalid_value', message: 'unknown tag' }]);
  }
  const now = iso(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const consentId = await addConsentRow(trx, ctx, id, input.purpose, input, now);
    await repo.updateResident(trx, id, { updated_at: now });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'resident.consent_recorded',
      targetType: 'resident',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      after: { consentId, purpose: input.purpose, basis: input.basis, detail: input.detail },
    });
  });
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}

export async function withdrawConsent(deps: AppDeps, ctx: RequestContext, id: string, consentId: string) {
  const r = await editableResident(deps, ctx.actor, id);
  const consent = await repo.findConsent(deps.db, consentId);
  if (!consent || consent.resident_id !== id) throw notFound();
  if (consent.withdrawn_at) throw new AppError('consent_withdrawn', 409);
  const now = iso(deps.clock.now());
  const removed: string[] = [];
  await deps.db.transaction().execute(async (trx) => {
    const other = await repo.activeConsentFor(trx, id, consent.purpose, consent.id);
    // A child's record may not be left without any basis: record another (a legal duty) first, or the child leaves.
    if (consent.purpose === 'minor' && !other && r.status === 'living' && r.birth_date && ageOn(r.birth_date, localDate(deps.clock.now())) < MINOR_AGE) {
      throw new AppError('basis_required', 409, { field: 'consentId', reason: 'minor' });
    }
    await repo.withdrawConsent(trx, consent.id, now, ctx.actor.userId);
    for (const t of await repo.tagsOnConsent(trx, consent.id)) {
      // Another active basis for the same purpose keeps the tag; otherwise it goes with the consent.
      if (other) await repo.repointTag(trx, id, t.tag, other.id);
      else {
        await repo.deleteTag(trx, id, t.tag);
        removed.push(t.tag);
      }
    }
    await repo.updateResident(trx, id, { updated_at: now });
    await recordAudit(trx, ctx, deps.clock, {
      action: 'resident.consent_withdrawn',
      targetType: 'resident',
      targetId: id,
      communityId: r.community_id,
      scopePath: r.place_path,
      before: { consentId, purpose: consent.purpose, basis: consent.basis },
      after: { removedTags: removed },
    });
  });
  return residentDetailOf(deps, deps.db, (await repo.findResident(deps.db, id))!, ctx.actor);
}
