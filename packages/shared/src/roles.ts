/** The place tree, top to bottom. Each kind's parent must be the kind before it. */
export const placeKinds = ['subdistrict', 'community', 'grid', 'estate', 'building', 'entrance', 'dwelling'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** The kind a child of `kind` must have, or null for a leaf. */
export function childKindOf(kind: PlaceKind): PlaceKind | null {
  const i = placeKinds.indexOf(kind);
  return i >= 0 && i < placeKinds.length - 1 ? placeKinds[i + 1]! : null;
}

/** Roles an account can hold; 'public' is the anonymous visitor and is never assigned. */
export const roles = [
  'subdistrict_admin',
  'community_admin',
  'community_staff',
  'grid_worker',
  'building_leader',
  'org_representative',
  'resident',
] as const;
export type Role = (typeof roles)[number];
export type RoleOrPublic = Role | 'public';

/** The kind of place each role is scoped to. */
export const roleScopeKind: Record<Role, PlaceKind> = {
  subdistrict_admin: 'subdistrict',
  community_admin: 'community',
  community_staff: 'community',
  grid_worker: 'grid',
  building_leader: 'building',
  org_representative: 'community',
  resident: 'community',
};

/** Roles that work in the staff console. */
export const staffRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker'];
/** Roles that may manage accounts and see the audit log. */
export const adminRoles: readonly Role[] = ['subdistrict_admin', 'community_admin'];

/** Roles that see places, each within the subtree of their own scope. */
export const placeViewerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'];
/** Roles that change the place tree. Grid workers and building leaders report changes; they do not make them. */
export const placeManagerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
/** Roles that manage accounts. */
export const userManagerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];

/** Which roles each manager role may hand out: never one above its own. The server enforces; the web offers. */
export const grantableRoles: Partial<Record<Role, readonly Role[]>> = {
  subdistrict_admin: ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'],
  community_admin: ['community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative', 'resident'],
  community_staff: ['grid_worker', 'building_leader', 'org_representative', 'resident'],
};
/** Staff who serve residents face to face and may act on their behalf. */
export const onBehalfRoles: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker'];

/** Roles that read the registers (households, residents), each within their own scope; always masked. */
export const registerViewerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'];
/** Roles that keep the registers. Grid workers keep their own grid's, as they collect it door to door. */
export const registerManagerRoles: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker'];
/**
 * Who may reveal a masked field, and only with a stated purpose that is audited (PIPL: minimum necessary).
 * Grid workers call residents, so they may reveal a phone, not an ID number.
 */
export const revealRoles: Record<'idNumber' | 'phone', readonly Role[]> = {
  idNumber: ['community_admin', 'community_staff'],
  phone: ['community_admin', 'community_staff', 'grid_worker'],
};
/** Roles that read organisations, posts and the party roster. */
export const organisationViewerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader', 'org_representative'];
/** Roles that keep organisations, posts and the party roster. */
export const organisationManagerRoles: readonly Role[] = ['community_admin', 'community_staff'];
/** Roles that import and export registers as .xlsx, and handle correction requests and data exports. */
export const dataOfficerRoles: readonly Role[] = ['community_admin', 'community_staff'];

/** Roles that read requests: residents their own, org representatives their organisation's, the rest by scope. */
export const requestViewerRoles: readonly Role[] = roles;
/** Roles that enter a request for a resident (visit, phone, walk-in, meeting, group, mailbox, hotline). */
export const requestIntakeRoles: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker', 'building_leader'];
/** Roles that classify, dispatch, merge and close requests for the community. */
export const requestDispatcherRoles: readonly Role[] = ['community_admin', 'community_staff'];
/** Roles that may handle an assigned request (accept, return, reply); grid workers also close small items on the spot. */
export const requestHandlerRoles: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker', 'org_representative'];
/** Roles that edit the taxonomy, routing rules and deadlines, and retrain the classifier. */
export const requestSettingsRoles: readonly Role[] = ['community_admin', 'community_staff'];
/** Roles that see the analysis dashboard and reports, each within their scope. */
export const requestAnalystRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff', 'grid_worker'];
/** Roles that plan and record visits and consultation meetings. */
export const visitRoles: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker', 'building_leader'];
/** Roles that read visits, plans, meetings and coverage: those who record them, and subdistrict admins who follow their communities' work. */
export const visitViewerRoles: readonly Role[] = ['subdistrict_admin', ...visitRoles];

/**
 * Deliberation (topics, meetings, covenants). Route policies use these; what a person may do inside a phase
 * (propose, comment, vote, review, pledge) is decided by the phase's participant groups (schemas/participation.ts).
 */
/** Roles that may open deliberation pages: everyone signed in, each seeing their own community (subdistrict: theirs). */
export const deliberationViewerRoles: readonly Role[] = roles;
/** Roles that run topics, meetings and the covenant process: agenda, notices, sign-in desks, versions, phases. */
export const deliberationManagerRoles: readonly Role[] = ['community_admin', 'community_staff'];
/** Roles that review a covenant's legality and receive its filing. */
export const covenantReviewerRoles: readonly Role[] = ['subdistrict_admin'];
/** Roles that record a household's paper pledge (door to door), each within their scope. */
export const pledgeRecorderRoles: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker', 'building_leader'];

/**
 * Openness (公开透明): the disclosure catalogue and publications, the public ledger, fee boards, elections and the
 * democratic review. What the public reads needs no role; these govern the console. A second pair of eyes is
 * enforced by the services, not by roles: a publication or an expense is approved by someone other than its author.
 */
/** Roles that read the catalogue, drafts, the ledger's pending entries and election and review records in the console. */
export const opennessViewerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
/** Roles that keep the disclosure catalogue and draft, approve, publish and archive publications. */
export const disclosureEditorRoles: readonly Role[] = ['community_admin', 'community_staff'];
/** Roles that post ledger entries, attach receipts and approve another's expense. */
export const ledgerKeeperRoles: readonly Role[] = ['community_admin', 'community_staff'];
/** Roles that enter and import a fee board. */
export const feeBoardEditorRoles: readonly Role[] = ['community_admin', 'community_staff'];
/** Roles that run an election for its committee: voter registration, candidates, tellers' paper ballots, the tally. */
export const electionManagerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
/** Roles that open a democratic review round and publish its results. */
export const reviewManagerRoles: readonly Role[] = ['subdistrict_admin', 'community_admin', 'community_staff'];
