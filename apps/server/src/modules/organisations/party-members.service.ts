import type { PartyMemberView } from '@gongzhi/shared';
import type { z } from 'zod';
import type { createPartyMemberBody, listPartyMembersQuery, updatePartyMemberBody } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { maskIdNumber, maskPhone } from '../../lib/personal-data.js';
import { findOrganisation } from './organisations.repository.js';
import { assertManages, canSeeCommunity, viewerCommunityPrefixes } from './organisations.policy.js';
import { draftFromRow, writePartyMember } from './party-members.write.js';
import * as repo from './party-members.repository.js';
import type { PartyMemberListRow } from './party-members.repository.js';
import type { PartyMemberDraft } from './party-members.rules.js';
import { isUniqueViolation } from './problems.js';

/** ID number and phone are shown masked, always; revealing them is the registers' business, with a purpose. */
export function toPartyMemberView(deps: AppDeps, r: PartyMemberListRow): PartyMemberView {
  return {
    id: r.id,
    communityId: r.community_id,
    partyOrgId: r.party_org_id,
    partyOrgName: r.party_org_name,
    residentId: r.resident_id,
    name: r.name,
    gender: r.gender as PartyMemberView['gender'],
    idNumberMasked: r.id_number_cipher ? maskIdNumber(deps.vault.decrypt(r.id_number_cipher)) : null,
    phoneMasked: r.phone_cipher ? maskPhone(deps.vault.decrypt(r.phone_cipher)) : null,
    joinedOn: r.joined_on,
    category: r.category as PartyMemberView['category'],
    reporting: r.reporting as PartyMemberView['reporting'],
    employer: r.employer,
    reportedOn: r.reported_on,
    status: r.status as PartyMemberView['status'],
  };
}

/** The search box takes a name fragment, a whole ID number or phone (found through their blind indexes) or a phone's last four digits. */
function searchTerms(deps: AppDeps, q: string) {
  const upper = q.replace(/\s+/g, '').toUpperCase();
  return {
    name: q,
    ...(/^\d{17}[\dX]$/.test(upper) ? { idNumberIndex: deps.vault.blindIndex('id_number', upper) } : {}),
    ...(/^1[3-9]\d{9}$/.test(q) ? { phoneIndex: deps.vault.blindIndex('phone', q) } : {}),
    ...(/^\d{4}$/.test(q) ? { phoneTail: q } : {}),
  };
}

export async function listPartyMembersFor(deps: AppDeps, actor: Actor, q: z.infer<typeof listPartyMembersQuery>) {
  const { rows, total } = await repo.listPartyMembers(deps.db, {
    ...q,
    q: q.q ? searchTerms(deps, q.q) : undefined,
    scope: viewerCommunityPrefixes(actor),
  });
  return { items: rows.map((r) => toPartyMemberView(deps, r)), total };
}

async function visiblePartyMember(deps: AppDeps, actor: Actor, id: string): Promise<PartyMemberListRow> {
  const r = await repo.findPartyMember(deps.db, id);
  if (!r || !canSeeCommunity(actor, r.community_path)) throw notFound();
  return r;
}

export async function getPartyMember(deps: AppDeps, actor: Actor, id: string): Promise<PartyMemberView> {
  return toPartyMemberView(deps, await visiblePartyMember(deps, actor, id));
}

export async function createPartyMember(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof createPartyMemberBody>): Promise<PartyMemberView> {
  const org = await findOrganisation(deps.db, body.partyOrgId);
  assertManages(ctx.actor, org?.community_path, 'partyOrgId');
  const draft: PartyMemberDraft = {
    partyOrgId: body.partyOrgId,
    residentId: body.residentId ?? null,
    name: body.name ?? null,
    gender: body.gender ?? null,
    idNumber: body.idNumber ?? null,
    phone: body.phone ?? null,
    joinedOn: body.joinedOn ?? null,
    category: body.category,
    reporting: body.reporting,
    employer: body.employer ?? null,
    reportedOn: body.reportedOn ?? null,
    status: 'active',
  };
  const written = await idNumberGuard(() => deps.db.transaction().execute((trx) => writePartyMember(deps, trx, ctx, draft, null, { throwOnProblem: true })));
  return getPartyMember(deps, ctx.actor, written.id!);
}

/** Two writers racing past the uniqueness check meet the unique index; answer as the check would have. */
async function idNumberGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('id_number_taken', 409, { field: 'idNumber' });
    throw e;
  }
}

export async function updatePartyMember(deps: AppDeps, ctx: RequestContext, id: string, patch: z.infer<typeof updatePartyMemberBody>): Promise<PartyMemberView> {
  const existing = await visiblePartyMember(deps, ctx.actor, id);
  assertManages(ctx.actor, existing.community_path);
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<PartyMemberDraft>;
  const draft: PartyMemberDraft = { ...draftFromRow(deps, existing), ...given };
  // A new ID number brings its own gender, unless one is given with it.
  if (patch.idNumber && patch.gender === undefined) draft.gender = null;
  await idNumberGuard(() => deps.db.transaction().execute((trx) => writePartyMember(deps, trx, ctx, draft, existing, { throwOnProblem: true })));
  return getPartyMember(deps, ctx.actor, id);
}
