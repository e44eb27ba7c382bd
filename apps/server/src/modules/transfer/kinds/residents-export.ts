import { MINOR_AGE, residentTagInfo, residentTags } from '@gongzhi/shared';
import { localDate } from '../../../lib/clock.js';
import { maskIdNumber, maskPhone } from '../../../lib/personal-data.js';
import { consentsFor, idNumberCiphers, residentsPage, tagsWithBasis, type ResidentCursor } from '../export.repository.js';
import { ageOn, labelOf } from './cells.js';
import { shown } from './export-values.js';
import { PlaceNames } from './place-names.js';
import { residentColumn } from './residents-columns.js';
import type { ColumnDef, ExportContext, ExportRow } from './types.js';

const PAGE = 500;

/**
 * Living residents in pages of 1,000, with the same columns an import reads: a revealed export imports back
 * unchanged. Tags carry the basis of their consent (or a child's), so a re-import needs no new consent.
 */
export async function* exportResidents(ec: ExportContext): AsyncGenerator<ExportRow[]> {
  const [gender, residency, relation, basis] = ['gender', 'residencyStatus', 'relation', 'basis'].map(residentColumn) as [ColumnDef, ColumnDef, ColumnDef, ColumnDef];
  const { db, vault } = ec.deps;
  const names = new PlaceNames(db);
  const today = localDate(ec.deps.clock.now());
  let after: ResidentCursor | null = null;
  for (;;) {
    const page = await residentsPage(db, ec.place.path, after, PAGE);
    if (page.length === 0) return;
    const last = page[page.length - 1]!;
    after = { path: last.place_path, name: last.name, id: last.id };
    const ids = page.map((r) => r.id);
    const householderIds = [...new Set(page.filter((r) => r.householder_id && r.householder_id !== r.id).map((r) => r.householder_id!))];
    const householders = new Map((await idNumberCiphers(db, householderIds)).map((h) => [h.id, h.id_number_cipher]));
    const tags = new Map<string, { tag: string; basis: string | null; detail: string | null }[]>();
    for (const t of await tagsWithBasis(db, ids)) tags.set(t.resident_id, [...(tags.get(t.resident_id) ?? []), t]);
    const minorIds = page.filter((r) => r.birth_date && ageOn(r.birth_date, today) < MINOR_AGE).map((r) => r.id);
    const minors = new Map((await consentsFor(db, minorIds, 'minor')).map((c) => [c.resident_id, c]));
    await names.load(page.filter((r) => r.household_id).map((r) => r.place_path));
    yield page.map((r) => {
      const own = tags.get(r.id) ?? [];
      const held = new Set(own.map((t) => t.tag));
      const grounds = minors.get(r.id) ?? own.find((t) => t.basis);
      const chain = r.household_id ? names.chain(r.place_path) : {};
      return {
        name: r.name,
        idNumber: shown(vault, r.id_number_cipher, ec.reveal, maskIdNumber),
        gender: labelOf(gender, r.gender),
        birthDate: r.birth_date,
        phone: shown(vault, r.phone_cipher, ec.reveal, maskPhone),
        ethnicity: r.ethnicity,
        residencyStatus: labelOf(residency, r.residency_status),
        registeredAddress: r.registered_address,
        grid: chain.grid ?? null,
        estate: chain.estate ?? null,
        building: chain.building ?? null,
        entrance: chain.entrance ?? null,
        dwelling: chain.dwelling ?? null,
        relation: r.household_id ? labelOf(relation, r.relation) : null,
        householderIdNumber: r.householder_id && r.householder_id !== r.id ? shown(vault, householders.get(r.householder_id) ?? null, ec.reveal, maskIdNumber) : null,
        movedInOn: r.moved_in_on,
        tags: residentTags.filter((t) => held.has(t)).map((t) => residentTagInfo[t].zh).join('、') || null,
        basis: grounds ? labelOf(basis, grounds.basis) : null,
        basisDetail: grounds?.detail ?? null,
        note: r.note,
      };
    });
  }
}
