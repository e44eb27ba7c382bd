import { organisationKinds, partyLevels, type OrganisationKind, type OrganisationView, type PartyLevel } from '@gongzhi/shared';
import type { z } from 'zod';
import type { listOrganisationsQuery } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { maskPhone } from '../../lib/personal-data.js';
import { listMemberships } from './memberships.repository.js';
import { sortMemberships, toMembershipView } from './memberships.service.js';
import * as repo from './organisations.repository.js';
import type { OrganisationListRow } from './organisations.repository.js';
import { canSeeCommunity, viewerCommunityPrefixes } from './organisations.policy.js';

/** The contact phone is shown masked, always; the full number stays encrypted at rest. */
export function toOrganisationView(deps: AppDeps, r: OrganisationListRow): OrganisationView {
  return {
    id: r.id,
    communityId: r.community_id,
    kind: r.kind as OrganisationKind,
    partyLevel: r.party_level as PartyLevel | null,
    parentId: r.parent_id,
    name: r.name,
    placeId: r.place_id,
    placeName: r.place_name,
    creditCode: r.credit_code,
    contactName: r.contact_name,
    contactPhoneMasked: r.contact_phone_cipher ? maskPhone(deps.vault.decrypt(r.contact_phone_cipher)) : null,
    address: r.address,
    termStartOn: r.term_start_on,
    termEndOn: r.term_end_on,
    dualReportingOn: r.dual_reporting_on,
    note: r.note,
    retiredAt: r.retired_at,
    memberCount: r.member_count,
  };
}

/**
 * Party organisations first, each parent before the organisations under it (a depth-first walk of the tree),
 * then the other kinds in their fixed order, by name within a kind.
 */
export function sortOrganisations(rows: OrganisationListRow[]): OrganisationListRow[] {
  const byName = (a: OrganisationListRow, b: OrganisationListRow) =>
    partyLevels.indexOf(a.party_level as PartyLevel) - partyLevels.indexOf(b.party_level as PartyLevel) || a.name.localeCompare(b.name, 'zh-CN');
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string, OrganisationListRow[]>();
  for (const r of rows) {
    // A parent missing from the list (filtered out) makes its children roots of what is shown.
    const key = `${r.community_id}:${r.parent_id && ids.has(r.parent_id) ? r.parent_id : ''}`;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const out: OrganisationListRow[] = [];
  const walk = (r: OrganisationListRow) => {
    out.push(r);
    for (const c of (children.get(`${r.community_id}:${r.id}`) ?? []).sort(byName)) walk(c);
  };
  const communities = [...new Set(rows.map((r) => r.community_id))];
  for (const c of communities) {
    const roots = (children.get(`${c}:`) ?? []).sort(
      (a, b) => organisationKinds.indexOf(a.kind as OrganisationKind) - organisationKinds.indexOf(b.kind as OrganisationKind) || byName(a, b),
    );
    for (const r of roots) walk(r);
  }
  return out;
}

export async function listOrganisationsFor(deps: AppDeps, actor: Actor, q: z.infer<typeof listOrganisationsQuery>) {
  const rows = await repo.listOrganisations(deps.db, { ...q, scope: viewerCommunityPrefixes(actor) });
  return { items: sortOrganisations(rows).map((r) => toOrganisationView(deps, r)) };
}

/** An organisation the actor may read; any other answers 404 as if it did not exist. */
export async function visibleOrganisation(deps: AppDeps, actor: Actor, id: string): Promise<OrganisationListRow> {
  const r = await repo.findOrganisation(deps.db, id);
  if (!r || !canSeeCommunity(actor, r.community_path)) throw notFound();
  return r;
}

export async function organisationDetail(deps: AppDeps, actor: Actor, id: string, includeEnded: boolean) {
  const r = await visibleOrganisation(deps, actor, id);
  const members = await listMemberships(deps.db, { scope: [r.community_path], organisationId: r.id, includeEnded });
  return { organisation: toOrganisationView(deps, r), members: sortMemberships(members).map(toMembershipView) };
}
