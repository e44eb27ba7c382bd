import { parseIdNumber } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Db, PartyMemberRow } from '../../db/database.js';
import type { RequestContext } from '../../lib/actor.js';
import { iso } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrganisation } from './organisations.repository.js';
import type { UpsertOutcome } from './organisations.commands.js';
import * as repo from './party-members.repository.js';
import type { PartyMemberListRow } from './party-members.repository.js';
import { checkPartyMember, type CheckedPartyMember, type PartyMemberDraft } from './party-members.rules.js';
import { findResident } from './people.repository.js';
import { invalid, throwProblems, type Problem } from './problems.js';

type Columns = Omit<PartyMemberRow, 'id' | 'created_at' | 'updated_at'>;
/** Compared to decide whether anything changed; ciphertexts differ on every encryption, their indexes do not. */
const comparedColumns: (keyof Columns)[] = [
  'party_org_id',
  'resident_id',
  'name',
  'gender',
  'id_number_index',
  'phone_index',
  'joined_on',
  'category',
  'reporting',
  'employer',
  'reported_on',
  'status',
];

function columnsOf(deps: AppDeps, m: CheckedPartyMember, previous: PartyMemberRow | null): Columns {
  const keepId = previous?.id_number_cipher && previous.id_number_index === m.idNumberIndex;
  const keepPhone = previous?.phone_cipher && previous.phone_index === m.phoneIndex;
  return {
    community_id: m.communityId,
    party_org_id: m.partyOrgId,
    resident_id: m.residentId,
    name: m.name,
    gender: m.gender,
    id_number_cipher: keepId ? previous!.id_number_cipher : m.idNumber ? deps.vault.encrypt(m.idNumber) : null,
    id_number_index: m.idNumberIndex,
    phone_cipher: keepPhone ? previous!.phone_cipher : m.phone ? deps.vault.encrypt(m.phone) : null,
    phone_index: m.phoneIndex,
    phone_tail: m.phoneTail,
    joined_on: m.joinedOn,
    category: m.category,
    reporting: m.reporting,
    employer: m.employer,
    reported_on: m.reportedOn,
    status: m.status,
  };
}

/** Audit under the keys the audit log masks itself (`idNumber`, `phone`); everything else is plain. */
function forAudit(m: PartyMemberDraft, keys?: (keyof Columns)[]): Record<string, unknown> {
  const { partyOrgId, residentId, name, gender, idNumber, phone, joinedOn, category, reporting, employer, reportedOn, status } = m;
  const all: Record<string, unknown> = { partyOrgId, residentId, name, gender, idNumber, phone, joinedOn, category, reporting, employer, reportedOn, status };
  if (!keys) return all;
  const key = (k: keyof Columns) => (k === 'id_number_index' ? 'idNumber' : k === 'phone_index' ? 'phone' : k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()));
  return Object.fromEntries(keys.map((k) => [key(k), all[key(k)]]));
}

export interface WriteOptions {
  /** The API throws the first problem; the import collects them per row. */
  throwOnProblem?: boolean;
  /** Check and report what would happen without writing (the import's validation pass). */
  dryRun?: boolean;
  /** The community the member must belong to (an import's community; an existing member's own). */
  communityId?: string;
}

export interface WriteResult {
  outcome: UpsertOutcome | null;
  id: string | null;
  problems: Problem[];
}

/**
 * Check a member with the roster's rules and the table's uniqueness (ID number per community, one roster entry
 * per resident), then create it (`existing` null) or update it, audited, in the caller's transaction.
 */
export async function writePartyMember(deps: AppDeps, trx: Db, ctx: RequestContext | null, draft: PartyMemberDraft, existing: PartyMemberListRow | null, opts: WriteOptions = {}): Promise<WriteResult> {
  const partyOrg = await findOrganisation(trx, draft.partyOrgId);
  const resident = draft.residentId ? await findResident(trx, draft.residentId) : undefined;
  const communityId = existing?.community_id ?? opts.communityId;
  const { member, problems } = checkPartyMember(draft, { partyOrg, resident, communityId, currentPartyOrgId: existing?.party_org_id }, deps.clock.now(), (p, v) => deps.vault.blindIndex(p, v));
  if (member?.idNumberIndex) {
    const other = await repo.findPartyMemberByIdNumber(trx, member.communityId, member.idNumberIndex);
    if (other && other.id !== existing?.id) problems.push({ code: 'id_number_taken', status: 409, field: 'idNumber' });
  }
  if (member?.residentId) {
    const other = await repo.findPartyMemberByResident(trx, member.residentId);
    if (other && other.id !== existing?.id) problems.push({ code: 'party_member_exists', status: 409, field: 'residentId' });
  }
  if (problems.length || !member) {
    if (opts.throwOnProblem) throwProblems(problems);
    return { outcome: null, id: existing?.id ?? null, problems };
  }
  const cols = columnsOf(deps, member, existing);
  const changed = existing ? comparedColumns.filter((k) => existing[k] !== cols[k]) : comparedColumns;
  const outcome: UpsertOutcome = !existing ? 'created' : changed.length ? 'updated' : 'unchanged';
  if (opts.dryRun || outcome === 'unchanged') return { outcome, id: existing?.id ?? null, problems };

  const now = iso(deps.clock.now());
  const id = existing?.id ?? newId();
  if (existing) await repo.updatePartyMember(trx, id, { ...cols, updated_at: now });
  else await repo.insertPartyMember(trx, { id, ...cols, created_at: now, updated_at: now });
  await recordAudit(trx, ctx, deps.clock, {
    action: existing ? 'party_member.updated' : 'party_member.created',
    targetType: 'party_member',
    targetId: id,
    communityId: member.communityId,
    scopePath: partyOrg!.community_path,
    before: existing ? forAudit(draftFromRow(deps, existing), changed) : undefined,
    after: existing ? forAudit(member, changed) : forAudit(member),
  });
  return { outcome, id, problems };
}

/** A stored member as a draft, so a change is checked by the same rules as a new member and audited in its terms. */
export function draftFromRow(deps: AppDeps, r: PartyMemberRow): PartyMemberDraft {
  return {
    partyOrgId: r.party_org_id,
    residentId: r.resident_id,
    name: r.name,
    gender: r.gender as PartyMemberDraft['gender'],
    idNumber: r.id_number_cipher ? deps.vault.decrypt(r.id_number_cipher) : null,
    phone: r.phone_cipher ? deps.vault.decrypt(r.phone_cipher) : null,
    joinedOn: r.joined_on,
    category: r.category as PartyMemberDraft['category'],
    reporting: r.reporting as PartyMemberDraft['reporting'],
    employer: r.employer,
    reportedOn: r.reported_on,
    status: r.status as PartyMemberDraft['status'],
  };
}

/**
 * Create or update a party member by the roster's natural key, the ID number within the community (for the
 * Excel import). `dryRun` reports what would happen. The caller has checked that the actor keeps the community.
 */
export async function upsertPartyMember(deps: AppDeps, trx: Db, ctx: RequestContext | null, communityId: string, draft: PartyMemberDraft, opts: { dryRun?: boolean } = {}): Promise<WriteResult> {
  if (!draft.idNumber) return { outcome: null, id: null, problems: [invalid('idNumber', 'the roster is matched by ID number')] };
  const parsed = parseIdNumber(draft.idNumber, deps.clock.now());
  if (!parsed.ok) return { outcome: null, id: null, problems: [{ code: 'id_number_invalid', status: 400, field: 'idNumber', message: parsed.problem }] };
  const existing = await repo.findPartyMemberByIdNumber(trx, communityId, deps.vault.blindIndex('id_number', parsed.facts.normalised));
  return writePartyMember(deps, trx, ctx, draft, existing ?? null, { ...opts, communityId });
}
