// The import benchmark's input: a community that exists as places only (grids to dwellings, as a community has
// after drawing its map) and its residents register as the .xlsx a community worker would upload: 10,000 rows of
// generated residents under the template's Chinese headers.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { finished } from 'node:stream/promises';
import { consentBasisLabels, genderLabels, relationLabels, residencyStatusLabels, residentTagInfo } from '@gongzhi/shared';
import type { AppDeps } from '../../apps/server/src/deps.js';
import { insertMany } from '../../apps/server/src/demo/bulk-insert.js';
import { planCommunity } from '../../apps/server/src/demo/community-plan.js';
import { MEAN_HOUSEHOLD_SIZE } from '../../apps/server/src/demo/household-shapes.js';
import { IdentityRegistry } from '../../apps/server/src/demo/identity.js';
import { placeRows } from '../../apps/server/src/demo/place-rows.js';
import type { CommunityPlan } from '../../apps/server/src/demo/community-plan.js';
import { iso } from '../../apps/server/src/lib/clock.js';
import { kinds } from '../../apps/server/src/modules/transfer/kinds/index.js';
import type { ExportRow } from '../../apps/server/src/modules/transfer/kinds/types.js';

/** The rows of a register sheet for the living residents of a plan, householders first in each household. */
function sheetRows(plan: CommunityPlan, limit: number): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const h of plan.households) {
    if (h.status !== 'active') continue;
    const members = h.members.filter((m) => m.status === 'living');
    if (rows.length + members.length > limit) break;
    const at = plan.dwellings[h.dwelling]!;
    const grid = plan.grids[at.grid]!;
    const estate = grid.estates[at.estate]!;
    const building = estate.buildings[at.building]!;
    const entrance = building.entrances[at.entrance]!;
    const head = members[0]!;
    for (const m of members) {
      const basis = m.minorConsent ?? m.tags.find((t) => t.consent)?.consent ?? null;
      rows.push({
        name: m.name,
        idNumber: m.idNumber,
        gender: genderLabels[m.gender].zh,
        birthDate: m.birthDate,
        phone: m.phone,
        ethnicity: m.ethnicity,
        residencyStatus: residencyStatusLabels[m.residencyStatus].zh,
        registeredAddress: m.registeredAddress,
        grid: grid.name,
        estate: estate.name,
        building: building.name,
        entrance: entrance.name,
        dwelling: entrance.dwellings[at.dwelling]!,
        relation: relationLabels[m.relation].zh,
        householderIdNumber: m === head ? null : head.idNumber,
        movedInOn: m.movedInOn,
        tags: m.tags.map((t) => residentTagInfo[t.tag].zh).join('、') || null,
        basis: basis ? consentBasisLabels[basis.basis].zh : null,
        basisDetail: basis?.detail ?? null,
        note: m.note,
      });
    }
  }
  return rows;
}

/**
 * Create community number `index` of the subdistrict with its places only, and return it with an .xlsx of about
 * `rows` residents living there (whole households), ready for `validateImport`.
 */
export async function importFixture(deps: AppDeps, index: number, rows: number): Promise<{ communityId: string; communityName: string; data: Buffer; rows: number }> {
  const sd = await deps.db.selectFrom('places').select(['id', 'path']).where('kind', '=', 'subdistrict').executeTakeFirstOrThrow();
  const today = new Date(deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  // A few more households than needed: the file takes whole households up to the row count.
  const households = Math.ceil((rows / MEAN_HOUSEHOLD_SIZE) * 1.05) + 5;
  const plan = planCommunity({ seed: 'registers-bench-import', today, households, accounts: null }, index, new IdentityRegistry());
  const places = placeRows(sd, plan.name, plan.grids, iso(deps.clock.now()));
  await deps.db.transaction().execute(async (trx) => {
    await insertMany(trx, 'places', places.places);
    await insertMany(trx, 'place_history', places.history);
  });
  const sheet = sheetRows(plan, rows);
  return { communityId: places.ids.community.id, communityName: plan.name, data: await workbook(sheet), rows: sheet.length };
}

/**
 * The sheet as a worker's own Excel file holds it: the Chinese headers in the first row, one resident a row,
 * every cell text (ID numbers and phones stay as typed), shared strings as Excel writes them.
 */
async function workbook(sheet: ExportRow[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('居民');
  const columns = kinds.residents.columns;
  ws.addRow(columns.map((c) => c.zh)).commit();
  for (const r of sheet) ws.addRow(columns.map((c) => r[c.key] ?? null)).commit();
  ws.commit();
  await wb.commit();
  await finished(out);
  return Buffer.concat(chunks);
}
