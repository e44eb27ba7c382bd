import type { Role } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { createUser } from '../modules/users/users.service.js';
import type { AccountLink } from './organisation-rows.js';
import type { AccountKey, AccountPeople } from './organisations-plan.js';

/** Every demo account shares this password; start-up prints it next to each account. */
export const DEMO_PASSWORD = 'Gongzhi2026';

export interface DemoAccount {
  role: Role;
  username: string;
  displayName: string;
}

type Where = 'subdistrict' | 'community' | 'grid' | 'building';

/** The demo's accounts (browser tests log in with these usernames): one per role, in the first community. */
const demoAccounts: (DemoAccount & { at: Where })[] = [
  { role: 'subdistrict_admin', username: 'jiedao', displayName: '周建国', at: 'subdistrict' },
  { role: 'community_admin', username: 'shuji', displayName: '沈材政', at: 'community' },
  { role: 'community_staff', username: 'shegong', displayName: '李晓梅', at: 'community' },
  { role: 'grid_worker', username: 'wanggeyuan', displayName: '王志强', at: 'grid' },
  { role: 'building_leader', username: 'loudongzhang', displayName: '赵秀英', at: 'building' },
  { role: 'org_representative', username: 'wuye', displayName: '陈物业', at: 'community' },
  { role: 'resident', username: 'jumin', displayName: '刘奶奶', at: 'community' },
];

const nameOf = (username: string) => demoAccounts.find((a) => a.username === username)!.displayName;

/** Who the accounts are in the community's organisations: the secretary, a deputy, a grid worker, a property contact. */
export const accountPeople: AccountPeople = {
  secretary: { account: 'shuji', name: nameOf('shuji') },
  deputy: { account: 'shegong', name: nameOf('shegong') },
  gridWorker: { account: 'wanggeyuan', name: nameOf('wanggeyuan') },
  propertyContact: { account: 'wuye', name: nameOf('wuye') },
};

/**
 * Create the accounts through the users service (hashed passwords, audit entries), and return for each the user
 * id and the role assignment a post can point at.
 */
export async function createDemoAccounts(deps: AppDeps, places: Record<Where, string>) {
  const links: Partial<Record<AccountKey | 'jumin', AccountLink>> = {};
  for (const a of demoAccounts) {
    const { user } = await createUser(deps, null, { displayName: a.displayName, username: a.username, password: DEMO_PASSWORD, roles: [{ role: a.role, placeId: places[a.at] }] });
    const assignment = await deps.db.selectFrom('role_assignments').select('id').where('user_id', '=', user.id).where('role', '=', a.role).executeTakeFirstOrThrow();
    links[a.username as AccountKey | 'jumin'] = { userId: user.id, roleAssignmentId: assignment.id };
  }
  return { accounts: demoAccounts.map(({ role, username, displayName }) => ({ role, username, displayName })), links };
}
