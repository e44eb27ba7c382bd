import type { PlaceKind, Role } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { createPlace } from '../modules/places/places.commands.js';
import { anyPlaceExists } from '../modules/places/places.repository.js';
import { createUser } from '../modules/users/users.service.js';

/** Every demo account shares this password; start-up prints it next to each account. */
export const DEMO_PASSWORD = 'Gongzhi2026';

export interface DemoAccount {
  role: Role;
  username: string;
  displayName: string;
}

const grids = ['第一网格', '第二网格', '第三网格', '第四网格'];
const estates = [
  ['五福苑', '桂花里'],
  ['龙王港小区', '锦江花园'],
  ['双桂小区', '茶亭院落'],
  ['格林小镇', '书香苑'],
];

/**
 * A small, deterministic demo: one subdistrict, one community with four grids, estates, buildings, entrances
 * and dwellings, and one account per role. Registers (households, residents) come with their own module.
 */
export async function seedDemo(deps: AppDeps): Promise<{ accounts: DemoAccount[]; places: number }> {
  let count = 0;
  const add = async (kind: PlaceKind, name: string, parentId: string | null) => {
    count++;
    return createPlace(deps, null, { kind, name, parentId });
  };
  const subdistrict = await add('subdistrict', '双桂路街道', null);
  const community = await add('community', '五福桥社区', subdistrict.id);
  const firstOf: Partial<Record<PlaceKind, string>> = {};
  const gridIds: string[] = [];
  for (let g = 0; g < grids.length; g++) {
    const grid = await add('grid', grids[g]!, community.id);
    gridIds.push(grid.id);
    for (const estateName of estates[g]!) {
      const estate = await add('estate', estateName, grid.id);
      for (let b = 1; b <= 2; b++) {
        const building = await add('building', `${b}栋`, estate.id);
        firstOf.building ??= building.id;
        for (let e = 1; e <= 2; e++) {
          const entrance = await add('entrance', `${e}单元`, building.id);
          for (let floor = 1; floor <= 3; floor++) {
            for (let room = 1; room <= 2; room++) await add('dwelling', `${floor}0${room}室`, entrance.id);
          }
        }
      }
    }
  }
  const accounts: { role: Role; username: string; displayName: string; placeId: string }[] = [
    { role: 'subdistrict_admin', username: 'jiedao', displayName: '周建国', placeId: subdistrict.id },
    { role: 'community_admin', username: 'shuji', displayName: '沈材政', placeId: community.id },
    { role: 'community_staff', username: 'shegong', displayName: '李晓梅', placeId: community.id },
    { role: 'grid_worker', username: 'wanggeyuan', displayName: '王志强', placeId: gridIds[0]! },
    { role: 'building_leader', username: 'loudongzhang', displayName: '赵秀英', placeId: firstOf.building! },
    { role: 'org_representative', username: 'wuye', displayName: '陈物业', placeId: community.id },
    { role: 'resident', username: 'jumin', displayName: '刘奶奶', placeId: community.id },
  ];
  for (const a of accounts) {
    await createUser(deps, null, {
      displayName: a.displayName,
      username: a.username,
      password: DEMO_PASSWORD,
      roles: [{ role: a.role, placeId: a.placeId }],
    });
  }
  return { accounts, places: count };
}

/** True when the database holds no places yet (a fresh install). */
export async function isEmpty(deps: AppDeps): Promise<boolean> {
  return !(await anyPlaceExists(deps.db));
}
