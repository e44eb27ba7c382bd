import { organisationKindLabels, partyLevelLabels, partyLevels, termKinds, TERM_YEARS, type OrganisationKind } from '@gongzhi/shared';
import type { OrganisationRow } from '../../../db/database.js';
import { addYears } from '../../../lib/clock.js';
import { newId } from '../../../lib/ids.js';
import { maskPhone } from '../../../lib/personal-data.js';
import { organisationsOf } from '../lookups.repository.js';
import { labelOf, optionsOf, type PhoneCell } from './cells.js';
import { shown } from './export-values.js';
import type { ColumnDef, ExportContext, ExportRow, KindDefinition, ParsedRow, PlanContext, RowError, RowPlan } from './types.js';

const columns: ColumnDef[] = [
  { key: 'name', zh: '名称', en: 'Name', type: 'name', required: true, width: 24, help: { zh: '组织名称，本社区内唯一；再次导入时按它找到该组织', en: 'Unique in the community; identifies it on re-import' }, example: '第一党支部' },
  { key: 'kind', zh: '类型', en: 'Kind', type: 'enum', required: true, options: optionsOf(organisationKindLabels), width: 16, help: { zh: '党组织、居民委员会、驻区单位、物业服务企业等', en: 'Party organisation, committee, stationed unit …' }, example: '党组织' },
  { key: 'partyLevel', zh: '党组织层级', en: 'Party level', type: 'enum', options: optionsOf(partyLevelLabels), width: 12, help: { zh: '仅党组织填写：党委、党总支、党支部、党小组', en: 'Party organisations only' }, example: '党支部' },
  { key: 'parent', zh: '上级组织', en: 'Parent', type: 'name', width: 20, help: { zh: '仅党组织填写：上级党组织的名称(可在本表中)', en: 'Party organisations only: the parent, by name' }, example: '社区党委' },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', type: 'credit_code', width: 22, help: { zh: '18 位统一社会信用代码', en: '18-character unified social credit code' } },
  { key: 'contactName', zh: '联系人', en: 'Contact', type: 'name', width: 12, help: { zh: '联系人姓名', en: 'Contact person' }, example: '王芳' },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', type: 'contact_phone', width: 16, help: { zh: '手机号或 区号-号码', en: 'Mobile or landline' }, example: '13712345678' },
  { key: 'address', zh: '地址', en: 'Address', type: 'text', max: 200, width: 24, help: { zh: '办公地址', en: 'Office address' } },
  { key: 'termStartOn', zh: '任期开始', en: 'Term starts', type: 'date', width: 12, help: { zh: '本届任期开始日期', en: 'Start of the current term' } },
  { key: 'termEndOn', zh: '任期结束', en: 'Term ends', type: 'date', width: 12, help: { zh: '居委会、监委会、业委会每届不超过 5 年', en: 'Elected committees: at most 5 years' } },
  { key: 'dualReportingOn', zh: '双报到日期', en: 'Dual reporting on', type: 'past_date', width: 12, help: { zh: '驻区单位党组织到社区报到的日期', en: "When a stationed unit's party organisation reported" } },
  { key: 'note', zh: '备注', en: 'Note', type: 'text', max: 500, width: 20, help: { zh: '其他说明', en: 'Anything else' } },
];
const col = (key: string) => columns.find((c) => c.key === key)!;
/** Higher levels first, so a parent is written before its branches; other kinds after. */
const rank = (level: string | null) => (level ? partyLevels.indexOf(level as (typeof partyLevels)[number]) : partyLevels.length);

interface Values {
  name: string;
  kind: OrganisationKind;
  partyLevel: string | null;
  parent: string | null;
  creditCode: string | null;
  contactName: string | null;
  contactPhone: PhoneCell | null;
  address: string | null;
  termStartOn: string | null;
  termEndOn: string | null;
  dualReportingOn: string | null;
  note: string | null;
}

/** Organisations, keyed by name within the community; party organisations with their level and parent. */
export const organisationsKind: KindDefinition = {
  kind: 'organisations',
  sheet: { zh: '组织', en: 'Organisations' },
  columns,
  notes: [
    '按名称识别组织：已登记的更新，未登记的新建。已撤销的组织不能通过导入修改，类型也不能通过导入改变。',
    '党组织须填写层级；上级组织须为层级更高的党组织，可以是本表中的另一行。',
    '成员和职务请在组织详情中维护。',
  ],
  keyColumns: ['name'],
  naturalKey: (v) => (typeof v.name === 'string' ? v.name : null),

  async plan(pc: PlanContext, rows: ParsedRow[]): Promise<RowPlan[]> {
    const { vault } = pc.deps;
    const byName = new Map((await organisationsOf(pc.deps.db, pc.community.id)).map((o) => [o.name, o]));
    const planned = new Map<string, { id: string; kind: string; level: string | null } | null>();
    const ordered = [...rows].sort((a, b) => rank(a.values.partyLevel as string | null) - rank(b.values.partyLevel as string | null) || a.row - b.row);
    const plans = ordered.map((r): RowPlan => {
      const row = r.row;
      const v = r.values as unknown as Values;
      const errors: RowError[] = [...r.errors];
      const err = (column: string, code: RowError['code'], params?: Record<string, string | number>) => errors.push({ row, column, code, ...(params ? { params } : {}) });
      const order = rank(v.partyLevel);
      const existing: OrganisationRow | undefined = v.name ? byName.get(v.name) : undefined;
      if (v.kind === 'party_org' && !v.partyLevel) err('partyLevel', 'party_level_required');
      if (v.kind && v.kind !== 'party_org' && v.partyLevel) err('partyLevel', 'party_level_not_allowed');
      if (v.kind && v.kind !== 'party_org' && v.parent) err('parent', 'parent_not_allowed');
      let parentId: string | null = null;
      if (v.parent && v.kind === 'party_org' && v.partyLevel) {
        const inFile = planned.get(v.parent);
        const stored = byName.get(v.parent);
        const parent = inFile ?? (stored ? { id: stored.id, kind: stored.kind, level: stored.party_level } : undefined);
        if (inFile === null) err('parent', 'parent_not_found', { value: v.parent });
        else if (!parent) err('parent', 'parent_not_found', { value: v.parent });
        else if (stored?.retired_at && !inFile) err('parent', 'organisation_retired');
        else if (parent.kind !== 'party_org' || rank(parent.level) >= rank(v.partyLevel) || v.parent === v.name) err('parent', 'invalid_party_parent');
        else parentId = parent.id;
      }
      if (v.termStartOn && v.termEndOn) {
        if (v.termEndOn <= v.termStartOn) err('termEndOn', 'term_dates_invalid');
        else if (termKinds.includes(v.kind) && v.termEndOn > addYears(v.termStartOn, TERM_YEARS)) err('termEndOn', 'term_too_long');
      }
      if (existing?.retired_at) err('name', 'organisation_retired');
      if (existing && v.kind && existing.kind !== v.kind) err('kind', 'organisation_kind_mismatch', { value: organisationKindLabels[existing.kind as OrganisationKind]?.zh ?? existing.kind });
      const storedPhone = existing?.contact_phone_cipher ? vault.decrypt(existing.contact_phone_cipher) : null;
      if (v.contactPhone?.masked && maskPhone(storedPhone) !== v.contactPhone.text) err('contactPhone', 'phone_masked');
      if (errors.length) {
        if (v.name) planned.set(v.name, null);
        return { row, order, outcome: 'error', errors, writes: null };
      }
      const phone = v.contactPhone && !v.contactPhone.masked ? v.contactPhone.value : null;
      const fields: Record<string, unknown> = {
        party_level: v.partyLevel,
        parent_id: parentId,
        credit_code: v.creditCode,
        contact_name: v.contactName,
        address: v.address,
        term_start_on: v.termStartOn,
        term_end_on: v.termEndOn,
        dual_reporting_on: v.dualReportingOn,
        note: v.note,
      };
      const audit = { targetType: 'organisation', communityId: pc.community.id, scopePath: pc.community.path };
      if (!existing) {
        const id = newId();
        planned.set(v.name, { id, kind: v.kind, level: v.partyLevel });
        const org = { id, community_id: pc.community.id, kind: v.kind, name: v.name, place_id: pc.community.id, ...fields, contact_phone_cipher: phone ? vault.encrypt(phone) : null, retired_at: null, created_at: pc.now, updated_at: pc.now };
        return { row, order, outcome: 'created', errors: [], writes: { inserts: { organisations: [org] }, updates: [], tagDeletes: [], audit: { ...audit, action: 'organisation.import.create', targetId: id, after: { name: v.name, kind: v.kind, ...fields, contact: { phone } } } } };
      }
      planned.set(v.name, { id: existing.id, kind: existing.kind, level: v.partyLevel });
      const patch: Record<string, unknown> = {};
      const before: Record<string, unknown> = {};
      for (const [k, value] of Object.entries(fields)) {
        if (value !== null && value !== existing[k as keyof OrganisationRow]) {
          patch[k] = value;
          before[k] = existing[k as keyof OrganisationRow];
        }
      }
      const after: Record<string, unknown> = { ...patch };
      if (phone && phone !== storedPhone) {
        patch.contact_phone_cipher = vault.encrypt(phone);
        // Under the `phone` key so the audit log masks it.
        after.contact = { phone };
      }
      if (Object.keys(patch).length === 0) return { row, order, outcome: 'unchanged', errors: [], writes: null };
      const update = { table: 'organisations' as const, id: existing.id, patch: { ...patch, updated_at: pc.now } };
      return { row, order, outcome: 'updated', errors: [], writes: { inserts: {}, updates: [update], tagDeletes: [], audit: { ...audit, action: 'organisation.import.update', targetId: existing.id, before, after } } };
    });
    return plans.sort((a, b) => a.row - b.row);
  },

  async *exportPages(ec: ExportContext): AsyncGenerator<ExportRow[]> {
    const all = await organisationsOf(ec.deps.db, ec.community.id);
    const names = new Map(all.map((o) => [o.id, o.name]));
    const live = all.filter((o) => !o.retired_at).sort((a, b) => rank(a.party_level) - rank(b.party_level) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh'));
    for (let i = 0; i < live.length; i += 1000) {
      yield live.slice(i, i + 1000).map((o) => ({
        name: o.name,
        kind: labelOf(col('kind'), o.kind),
        partyLevel: labelOf(col('partyLevel'), o.party_level),
        parent: o.parent_id ? (names.get(o.parent_id) ?? null) : null,
        creditCode: o.credit_code,
        contactName: o.contact_name,
        contactPhone: shown(ec.deps.vault, o.contact_phone_cipher, ec.reveal, maskPhone),
        address: o.address,
        termStartOn: o.term_start_on,
        termEndOn: o.term_end_on,
        dualReportingOn: o.dual_reporting_on,
        note: o.note,
      }));
    }
  },
};
