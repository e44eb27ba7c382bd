import type { Insertable } from 'kysely';
import type { ConsentsTable, HouseholdsTable, ResidenceHistoryTable, ResidentsTable, ResidentTagsTable } from '../db/database.js';
import { newId } from '../lib/ids.js';
import type { PersonalDataVault } from '../lib/personal-data.js';
import type { CommunityPlan } from './community-plan.js';
import type { PlaceIds } from './place-rows.js';
import type { ConsentPlan, PersonPlan } from './residents-plan.js';

export interface RegisterRows {
  households: Insertable<HouseholdsTable>[];
  residents: Insertable<ResidentsTable>[];
  consents: Insertable<ConsentsTable>[];
  tags: Insertable<ResidentTagsTable>[];
  history: Insertable<ResidenceHistoryTable>[];
  /** residentIds[household][member], to link posts and party members. */
  residentIds: string[][];
}

/** Events happened on their day; recorded at 09:00 Beijing time so the history sorts by when things happened. */
const at = (date: string) => `${date}T01:00:00.000Z`;

/**
 * The register rows for a community plan, exactly as the registers keep them: ID numbers and phones encrypted
 * with their blind indexes (purposes `id_number` and `phone`) and the phone's last four digits; the dwelling's
 * path on every member, those who moved away or died included (they stay in the household's register, as
 * `leaveResident` keeps them); each sensitive tag resting on its
 * consent and each child under 14 on a guardian's; a `registered` history entry for every household and
 * resident, and `moved_out` / `deceased` for those who left.
 */
export function registerRows(vault: PersonalDataVault, plan: CommunityPlan, ids: PlaceIds, now: string, recordedBy: string | null): RegisterRows {
  const out: RegisterRows = { households: [], residents: [], consents: [], tags: [], history: [], residentIds: [] };
  const event = (e: Omit<Insertable<ResidenceHistoryTable>, 'id' | 'at' | 'actor_user_id' | 'note'> & { on_date: string }) =>
    out.history.push({ id: newId(), note: null, actor_user_id: null, at: at(e.on_date), ...e });
  const consent = (residentId: string, purpose: string, c: ConsentPlan) => {
    const id = newId();
    out.consents.push({ id, resident_id: residentId, purpose, basis: c.basis, detail: c.detail, recorded_by: recordedBy, recorded_at: now, withdrawn_at: null, withdrawn_by: null });
    return id;
  };

  for (const h of plan.households) {
    const dwelling = ids.dwellings[h.dwelling]!;
    const householdId = newId();
    const memberIds = h.members.map(() => newId());
    out.residentIds.push(memberIds);
    out.households.push({
      id: householdId,
      community_id: ids.community.id,
      dwelling_id: dwelling.id,
      place_path: dwelling.path,
      householder_id: memberIds[0]!,
      status: h.status,
      moved_in_on: h.movedInOn,
      moved_out_on: h.movedOutOn,
      note: h.note,
      created_at: now,
      updated_at: now,
    });
    event({ resident_id: null, household_id: householdId, event: 'registered', from_place_id: null, to_place_id: dwelling.id, from_household_id: null, to_household_id: null, on_date: h.movedInOn });
    if (h.movedOutOn) event({ resident_id: null, household_id: householdId, event: 'moved_out', from_place_id: dwelling.id, to_place_id: null, from_household_id: householdId, to_household_id: null, on_date: h.movedOutOn });

    h.members.forEach((p, i) => {
      const id = memberIds[i]!;
      out.residents.push(residentRow(vault, p, id, householdId, dwelling.path, ids.community.id, now));
      event({ resident_id: id, household_id: householdId, event: 'registered', from_place_id: null, to_place_id: dwelling.id, from_household_id: null, to_household_id: householdId, on_date: p.movedInOn });
      const left = p.deceasedOn ?? p.movedOutOn;
      if (left) {
        event({ resident_id: id, household_id: householdId, event: p.deceasedOn ? 'deceased' : 'moved_out', from_place_id: dwelling.id, to_place_id: null, from_household_id: householdId, to_household_id: null, on_date: left });
      }
      if (p.minorConsent) consent(id, 'minor', p.minorConsent);
      for (const t of p.tags) {
        const consentId = t.consent ? consent(id, `tag:${t.tag}`, t.consent) : null;
        out.tags.push({ resident_id: id, tag: t.tag, consent_id: consentId, created_by: recordedBy, created_at: now });
      }
    });
  }
  return out;
}

function residentRow(vault: PersonalDataVault, p: PersonPlan, id: string, householdId: string, placePath: string, communityId: string, now: string): Insertable<ResidentsTable> {
  return {
    id,
    community_id: communityId,
    household_id: householdId,
    relation: p.relation,
    place_path: placePath,
    name: p.name,
    gender: p.gender,
    birth_date: p.birthDate,
    ...vault.sealIdNumber(p.idNumber),
    ...vault.sealPhone(p.phone),
    ethnicity: p.ethnicity,
    residency_status: p.residencyStatus,
    registered_address: p.registeredAddress,
    status: p.status,
    moved_in_on: p.movedInOn,
    moved_out_on: p.movedOutOn,
    deceased_on: p.deceasedOn,
    user_id: null,
    note: p.note,
    created_at: now,
    updated_at: now,
  };
}
