/**
 * What other modules use from organisations, chiefly the Excel import and export: the same rules as the API
 * (pure validators that return every problem of a row) and upserts by natural key that write, audit and report
 * `created` / `updated` / `unchanged`. Callers check that the actor keeps the community before calling them.
 */
export { checkOrganisation, type OrganisationDraft, type OrganisationRefs } from './organisations.rules.js';
export { planOrganisation, prepareOrganisation, upsertOrganisation, type UpsertOutcome } from './organisations.commands.js';
export { findOrganisation, findOrganisationByName, listOrganisations, type OrganisationListRow } from './organisations.repository.js';
export { toOrganisationView } from './organisations.service.js';
export { checkPartyMember, type CheckedPartyMember, type PartyMemberDraft, type PartyMemberRefs } from './party-members.rules.js';
export { upsertPartyMember, writePartyMember, type WriteOptions, type WriteResult } from './party-members.write.js';
export { findPartyMemberByIdNumber, listPartyMembers, type PartyMemberListRow } from './party-members.repository.js';
export { toPartyMemberView } from './party-members.service.js';
export { localToday, type Problem } from './problems.js';
