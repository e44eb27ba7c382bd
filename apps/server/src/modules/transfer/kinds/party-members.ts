import { genderLabels, partyMemberCategoryLabels, partyReportingLabels } from '@gongzhi/shared';
import type { PartyMemberRow } from '../../../db/database.js';
import { newId } from '../../../lib/ids.js';
import { maskIdNumber, maskPhone } from '../../../lib/personal-data.js';
import { partyMembersPage } from '../export.repository.js';
import { livingResidentIdsByIdIndexes, organisationsOf, partyMembersByIdIndexes } from '../lookups.repository.js';
import { labelOf, optionsOf, type IdNumberCell, type PhoneCell } from './cells.js';
import { shown } from './export-values.js';
import type { ColumnDef, ExportContext, ExportRow, KindDefinition, ParsedRow, PlanContext, RowError, RowPlan } from './types.js';

const PAGE = 1000;

const columns: ColumnDef[] = [
  { key: 'name', zh: '姓名', en: 'Name', type: 'name', required: true, width: 12, help: { zh: '党员姓名', en: 'Name' }, example: '李建国' },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', type: 'id_number', required: true, width: 22, help: { zh: '18 位身份证号；再次导入时按它找到该党员', en: 'Identifies the member on re-import' }, example: '110101199003071233' },
  { key: 'gender', zh: '性别', en: 'Gender', type: 'enum', options: optionsOf(genderLabels), width: 8, help: { zh: '可不填：按身份证号识别', en: 'Optional: read from the ID number' } },
  { key: 'phone', zh: '联系电话', en: 'Phone', type: 'phone', width: 15, help: { zh: '11 位手机号', en: 'Mobile number' }, example: '13912345678' },
  { key: 'partyOrg', zh: '所属党组织', en: 'Party organisation', type: 'name', required: true, width: 20, help: { zh: '本社区已登记的党组织名称(可先用组织表导入)', en: 'A party organisation of this community, by name' }, example: '第一党支部' },
  { key: 'category', zh: '党员类别', en: 'Category', type: 'enum', required: true, options: optionsOf(partyMemberCategoryLabels), width: 12, help: { zh: '正式党员或预备党员', en: 'Full or probationary' }, example: '正式党员' },
  { key: 'joinedOn', zh: '入党日期', en: 'Joined on', type: 'past_date', width: 12, help: { zh: '入党时间', en: 'When they joined' }, example: '2012-07-01' },
  { key: 'reporting', zh: '报到类型', en: 'Reporting', type: 'enum', required: true, options: optionsOf(partyReportingLabels), width: 18, help: { zh: '社区党员，或在职党员(双报到)', en: 'Community member or employed (dual reporting)' }, example: '社区党员' },
  { key: 'employer', zh: '工作单位', en: 'Employer', type: 'text', max: 100, width: 20, help: { zh: '在职党员必填', en: 'Required for employed members' } },
  { key: 'reportedOn', zh: '报到日期', en: 'Reported on', type: 'past_date', width: 12, help: { zh: '在职党员到社区报到的日期', en: 'When an employed member reported' } },
];
const col = (key: string) => columns.find((c) => c.key === key)!;

interface Values {
  name: string;
  idNumber: IdNumberCell;
  gender: string | null;
  phone: PhoneCell | null;
  partyOrg: string;
  category: string;
  joinedOn: string | null;
  reporting: string;
  employer: string | null;
  reportedOn: string | null;
}

/** The party roster, keyed by ID number within the community; members are linked to their resident record. */
export const partyMembersKind: KindDefinition = {
  kind: 'party_members',
  sheet: { zh: '党员', en: 'Party members' },
  columns,
  notes: ['按身份证号识别党员：已登记的更新，未登记的新建；本社区有同一身份证号的在住居民时自动关联。', '所属党组织须已在本社区登记(可先导入组织表)。已转出或已故的党员不能通过导入修改。'],
  keyColumns: ['idNumber'],
  naturalKey: (v) => {
    const id = v.idNumber as IdNumberCell | null;
    return id && !id.masked ? id.facts.normalised : null;
  },

  async plan(pc: PlanContext, rows: ParsedRow[]): Promise<RowPlan[]> {
    const { db, vault } = pc.deps;
    const idx = (r: ParsedRow) => {
      const c = r.values.idNumber as IdNumberCell | null;
      return c && !c.masked ? vault.blindIndex('id_number', c.facts.normalised) : null;
    };
    const indexes = rows.map(idx).filter((x): x is string => x !== null);
    const orgs = new Map((await organisationsOf(db, pc.community.id)).filter((o) => o.kind === 'party_org').map((o) => [o.name, o]));
    const members = new Map((await partyMembersByIdIndexes(db, pc.community.id, indexes)).map((m) => [m.id_number_index!, m]));
    const residents = new Map((await livingResidentIdsByIdIndexes(db, pc.community.id, indexes)).map((r) => [r.id_number_index!, r.id]));

    return rows.map((r): RowPlan => {
      const row = r.row;
      const v = r.values as unknown as Values;
      const errors: RowError[] = [...r.errors];
      const err = (column: string, code: RowError['code'], params?: Record<string, string | number>) => errors.push({ row, column, code, ...(params ? { params } : {}) });
      const org = v.partyOrg ? orgs.get(v.partyOrg) : undefined;
      if (v.partyOrg && !org) err('partyOrg', 'party_org_not_found', { value: v.partyOrg });
      if (org?.retired_at) err('partyOrg', 'organisation_retired');
      if (v.idNumber?.masked) err('idNumber', 'id_number_masked');
      const facts = v.idNumber && !v.idNumber.masked ? v.idNumber.facts : null;
      if (facts && v.gender && v.gender !== facts.gender) err('gender', 'gender_mismatch');
      if (v.reporting === 'employed' && !v.employer) err('employer', 'employer_required');
      const index = idx(r);
      const existing: PartyMemberRow | undefined = index ? members.get(index) : undefined;
      if (existing && existing.status !== 'active') err('idNumber', 'party_member_not_active');
      if (v.phone?.masked && existing?.phone_tail !== v.phone.text.slice(-4)) err('phone', 'phone_masked');
      if (errors.length || !facts || !org || !index) return { row, order: 0, outcome: 'error', errors, writes: null };

      const phone = v.phone && !v.phone.masked ? v.phone.value : null;
      const residentId = residents.get(index) ?? null;
      const fields: Record<string, unknown> = {
        name: v.name,
        gender: facts.gender,
        party_org_id: org.id,
        category: v.category,
        reporting: v.reporting,
        joined_on: v.joinedOn,
        employer: v.employer,
        reported_on: v.reportedOn,
        resident_id: residentId,
      };
      const phoneCols = phone ? vault.sealPhone(phone) : null;
      const audit = { targetType: 'party_member', communityId: pc.community.id, scopePath: pc.community.path };
      if (!existing) {
        const id = newId();
        const member = {
          id,
          community_id: pc.community.id,
          ...fields,
          id_number_cipher: vault.encrypt(facts.normalised),
          id_number_index: index,
          phone_cipher: null,
          phone_index: null,
          phone_tail: null,
          ...phoneCols,
          status: 'active',
          created_at: pc.now,
          updated_at: pc.now,
        };
        const after = { name: v.name, idNumber: facts.normalised, phone, partyOrgId: org.id, category: v.category, reporting: v.reporting, residentId };
        return { row, order: 0, outcome: 'created', errors: [], writes: { inserts: { party_members: [member] }, updates: [], tagDeletes: [], audit: { ...audit, action: 'party_member.import.create', targetId: id, after } } };
      }
      const patch: Record<string, unknown> = {};
      const before: Record<string, unknown> = {};
      for (const [k, value] of Object.entries(fields)) {
        if (value !== null && value !== existing[k as keyof PartyMemberRow]) {
          patch[k] = value;
          before[k] = existing[k as keyof PartyMemberRow];
        }
      }
      if (phoneCols && phoneCols.phone_index !== existing.phone_index) {
        Object.assign(patch, phoneCols);
        before.phone_tail = existing.phone_tail;
      }
      if (Object.keys(patch).length === 0) return { row, order: 0, outcome: 'unchanged', errors: [], writes: null };
      const { phone_cipher: _c, phone_index: _i, ...shownPatch } = patch;
      const update = { table: 'party_members' as const, id: existing.id, patch: { ...patch, updated_at: pc.now } };
      return { row, order: 0, outcome: 'updated', errors: [], writes: { inserts: {}, updates: [update], tagDeletes: [], audit: { ...audit, action: 'party_member.import.update', targetId: existing.id, before, after: shownPatch } } };
    });
  },

  async *exportPages(ec: ExportContext): AsyncGenerator<ExportRow[]> {
    const { db, vault } = ec.deps;
    let after = '';
    for (;;) {
      const page = await partyMembersPage(db, ec.community.id, after, PAGE);
      if (page.length === 0) return;
      after = page[page.length - 1]!.id;
      yield page.map((m) => ({
        name: m.name,
        idNumber: shown(vault, m.id_number_cipher, ec.reveal, maskIdNumber),
        gender: labelOf(col('gender'), m.gender),
        phone: shown(vault, m.phone_cipher, ec.reveal, maskPhone),
        partyOrg: m.org_name,
        category: labelOf(col('category'), m.category),
        joinedOn: m.joined_on,
        reporting: labelOf(col('reporting'), m.reporting),
        employer: m.employer,
        reportedOn: m.reported_on,
      }));
    }
  },
};
