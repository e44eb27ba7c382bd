import type { ConsentBasis, Relation, ResidencyStatus, ResidentDetail, ResidentStatus, ResidentTag, ResidentView } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db, ResidentRow } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { maskIdNumber, maskPhone, type PersonalDataVault } from '../../lib/personal-data.js';
import { dwellingOfPath, labelsForPaths, placeLabels } from './place-labels.js';
import { canEditRecord, revealableFor } from './registers.policy.js';
import * as repo from './residents.repository.js';

/**
 * Presenting residents. Every view masks the ID number and phone; the full values leave only through a reveal
 * or a person export. A page costs two queries (tags, place names) however many rows it has.
 */

type ResidentEvent = ResidentDetail['history'][number]['event'];

const decryptOrNull = (vault: PersonalDataVault, sealed: string | null) => (sealed ? vault.decrypt(sealed) : null);

function toView(vault: PersonalDataVault, r: ResidentRow, tags: string[], label: string): ResidentView {
  return {
    id: r.id,
    communityId: r.community_id,
    householdId: r.household_id,
    relation: r.relation as Relation | null,
    name: r.name,
    gender: r.gender as ResidentView['gender'],
    birthDate: r.birth_date,
    idNumberMasked: maskIdNumber(decryptOrNull(vault, r.id_number_cipher)),
    phoneMasked: maskPhone(decryptOrNull(vault, r.phone_cipher)),
    ethnicity: r.ethnicity,
    residencyStatus: r.residency_status as ResidencyStatus,
    status: r.status as ResidentStatus,
    placeId: r.household_id ? dwellingOfPath(r.place_path) : null,
    placeLabel: label,
    tags: tags as ResidentTag[],
    movedInOn: r.moved_in_on,
    movedOutOn: r.moved_out_on,
    deceasedOn: r.deceased_on,
    hasAccount: r.user_id !== null,
    updatedAt: r.updated_at,
  };
}

/** Views for a page of resident rows, in the rows' order: one query for tags, one for place names. */
export async function residentViews(deps: Pick<AppDeps, 'vault'>, db: Db, rows: ResidentRow[]): Promise<ResidentView[]> {
  if (rows.length === 0) return [];
  const [tags, labels] = await Promise.all([repo.tagsOfMany(db, rows.map((r) => r.id)), labelsForPaths(db, rows.map((r) => r.place_path))]);
  return rows.map((r) => toView(deps.vault, r, tags.get(r.id) ?? [], labels.get(r.place_path) ?? ''));
}

export const consentViewOf = (c: repo.ConsentRow) => ({
  id: c.id,
  purpose: c.purpose,
  basis: c.basis as ConsentBasis,
  detail: c.detail,
  recordedAt: c.recorded_at,
  withdrawnAt: c.withdrawn_at,
});

/** History entries with place labels (one query for every place they name) and the acting account's name. */
export async function historyViews(db: Db, rows: Awaited<ReturnType<typeof repo.historyOf>>) {
  const labels = await placeLabels(
    db,
    rows.flatMap((h) => [h.from_place_id, h.to_place_id]).filter((id): id is string => id !== null),
  );
  const label = (id: string | null) => (id === null ? null : (labels.get(id) ?? ''));
  return rows.map((h) => ({
    id: h.id,
    event: h.event as ResidentEvent,
    residentName: h.resident_name,
    fromPlaceLabel: label(h.from_place_id),
    toPlaceLabel: label(h.to_place_id),
    onDate: h.on_date,
    note: h.note,
    actorName: h.actor_name,
    at: h.at,
  }));
}

/** The full record for the detail page; `actor` decides canReveal and canEdit (null: the resident themself). */
export async function residentDetailOf(deps: Pick<AppDeps, 'vault'>, db: Db, r: ResidentRow, actor: Actor | null): Promise<ResidentDetail> {
  const [view] = await residentViews(deps, db, [r]);
  const [consents, history] = await Promise.all([repo.consentsOf(db, r.id), repo.historyOf(db, { residentId: r.id })]);
  return {
    ...view!,
    registeredAddress: r.registered_address,
    note: r.note,
    consents: consents.map(consentViewOf),
    history: await historyViews(db, history),
    canReveal: actor ? revealableFor(actor, r.place_path) : [],
    canEdit: actor ? canEditRecord(actor, r.place_path) : false,
  };
}

/** What the audit log keeps of a resident: no raw personal data (the ID number and phone only masked). */
export function auditSnapshot(v: ResidentView) {
  return {
    name: v.name,
    gender: v.gender,
    birthDate: v.birthDate,
    idNumberMasked: v.idNumberMasked,
    phoneMasked: v.phoneMasked,
    ethnicity: v.ethnicity,
    residencyStatus: v.residencyStatus,
    status: v.status,
    householdId: v.householdId,
    relation: v.relation,
    placeLabel: v.placeLabel,
    tags: v.tags,
  };
}
