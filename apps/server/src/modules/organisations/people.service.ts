import { registerViewerRoles, type Role } from '@gongzhi/shared';
import type { z } from 'zod';
import type { personRolesView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { communityPrefixes, scopePrefixes } from '../../lib/scope.js';
import { membershipsOfPerson } from './memberships.repository.js';
import { sortMemberships, toMembershipView } from './memberships.service.js';
import { viewerCommunityPrefixes } from './organisations.policy.js';
import { partyMemberOfResident } from './party-members.repository.js';
import { toPartyMemberView } from './party-members.service.js';
import { accountRoles, findResidentInScope } from './people.repository.js';

/**
 * A person's page: every post they hold or held (as a resident or through their account), their place on the
 * party roster, and the roles their account holds. The resident must lie in the actor's register scope; the
 * account roles shown are those inside, or above, the communities the actor works in.
 */
export async function personRoles(deps: AppDeps, actor: Actor, residentId: string): Promise<z.infer<typeof personRolesView>> {
  const resident = await findResidentInScope(deps.db, residentId, scopePrefixes(actor, registerViewerRoles));
  if (!resident) throw notFound();
  const visible = viewerCommunityPrefixes(actor);
  const memberships = await membershipsOfPerson(deps.db, visible, resident.id, resident.user_id);
  const party = await partyMemberOfResident(deps.db, visible, resident.id, resident.id_number_index);
  const communities = communityPrefixes(actor, registerViewerRoles);
  const roles = resident.user_id ? await accountRoles(deps.db, resident.user_id) : [];
  return {
    memberships: sortMemberships(memberships).map(toMembershipView),
    partyMember: party ? toPartyMemberView(deps, party) : null,
    accountRoles: roles
      .filter((r) => communities.some((c) => r.place_path.startsWith(c) || c.startsWith(r.place_path)))
      .map((r) => ({ role: r.role as Role, placeId: r.place_id, placeName: r.place_name })),
  };
}
