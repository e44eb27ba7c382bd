import type { ElectionPost, MembershipRole } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { findOrganisation } from '../organisations/index.js';
import { activeMembershipsOf } from '../organisations/memberships.repository.js';
import { createMembership, endMembership } from '../organisations/memberships.service.js';
import { updateOrganisation } from '../organisations/organisations.commands.js';

/**
 * Terms of office recorded in the registers through the organisations module's own services (its checks, role
 * grants and audit entries apply): the previous committee's posts end the day before election day, the elected
 * take their posts from election day for five years, and the committee's term is set. Each service opens its own
 * transaction, so a failure part-way leaves the posts written so far; the election stays `published` and the
 * step can be repeated (posts already held are answered `membership_exists` and skipped).
 */

const postRoles: Record<ElectionPost, MembershipRole> = { chair: 'chair', vice_chair: 'vice_chair', member: 'committee_member' };
const electedRoles = new Set<string>(Object.values(postRoles));

export interface TermsInput {
  communityId: string;
  organisationId: string;
  termStartOn: string;
  termEndOn: string;
  previousEndOn: string;
  people: { post: ElectionPost; name: string; residentId: string | null; userId: string | null }[];
}

export async function recordTermsInRegisters(deps: AppDeps, ctx: RequestContext, t: TermsInput): Promise<{ created: number; ended: number }> {
  const org = await findOrganisation(deps.db, t.organisationId);
  if (!org || org.community_id !== t.communityId || org.kind !== 'residents_committee' || org.retired_at) throw new AppError('election_organisation_invalid', 400, { field: 'organisationId' });
  let ended = 0;
  const elected = (m: { resident_id: string | null; user_id: string | null; person_name: string; role: string }) =>
    t.people.some((p) => postRoles[p.post] === m.role && (p.residentId ? p.residentId === m.resident_id : p.userId ? p.userId === m.user_id : p.name === m.person_name));
  for (const m of await activeMembershipsOf(deps.db, org.id)) {
    if (!electedRoles.has(m.role) || (m.start_on !== null && m.start_on >= t.termStartOn && elected(m))) continue;
    const endOn = m.start_on && m.start_on > t.previousEndOn ? m.start_on : t.previousEndOn;
    await endMembership(deps, ctx, m.id, endOn);
    ended++;
  }
  let created = 0;
  for (const p of t.people) {
    const person = p.residentId ? { residentId: p.residentId } : p.userId ? { userId: p.userId } : { personName: p.name };
    try {
      await createMembership(deps, ctx, { communityId: t.communityId, organisationId: org.id, role: postRoles[p.post], ...person, startOn: t.termStartOn, endOn: t.termEndOn });
      created++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'membership_exists')) throw e;
    }
  }
  await updateOrganisation(deps, ctx, org.id, { termStartOn: t.termStartOn, termEndOn: t.termEndOn });
  return { created, ended };
}
