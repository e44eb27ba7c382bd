import type { Db } from '../../db/database.js';

/**
 * Read-only access to the organisations module's tables for one person's export: the posts they hold and their
 * party membership. Read here directly (not through that module's service) so an export never depends on the
 * caller's organisation roles; the organisations module owns every write.
 */
export async function readMembershipRows(db: Db, residentId: string) {
  const [memberships, party] = await Promise.all([
    db
      .selectFrom('memberships as m')
      .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['m.id', 'm.organisation_id', 'o.name as organisation_name', 'm.role', 'm.place_id', 'm.start_on', 'm.end_on', 'm.ended_at'])
      .where('m.resident_id', '=', residentId)
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('party_members as p')
      .leftJoin('organisations as o', 'o.id', 'p.party_org_id')
      .select(['p.id', 'p.party_org_id', 'o.name as org_name', 'p.id_number_cipher', 'p.phone_cipher', 'p.category', 'p.reporting', 'p.employer', 'p.joined_on', 'p.reported_on', 'p.status'])
      .where('p.resident_id', '=', residentId)
      .orderBy('p.created_at')
      .execute(),
  ]);
  return {
    memberships: memberships.map((m) => ({
      id: m.id,
      organisationId: m.organisation_id,
      organisationName: m.organisation_name,
      role: m.role,
      placeId: m.place_id,
      startOn: m.start_on,
      endOn: m.end_on,
      endedAt: m.ended_at,
    })),
    party: party.map((p) => ({
      id: p.id,
      partyOrgId: p.party_org_id,
      partyOrgName: p.org_name,
      idNumberCipher: p.id_number_cipher,
      phoneCipher: p.phone_cipher,
      category: p.category,
      reporting: p.reporting,
      employer: p.employer,
      joinedOn: p.joined_on,
      reportedOn: p.reported_on,
      status: p.status,
    })),
  };
}
