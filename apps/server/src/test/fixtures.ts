import type { FastifyInstance } from 'fastify';
import type { Role } from '@gongzhi/shared';
import { buildApp } from '../app.js';
import type { DialectName } from '../db/connect.js';
import type { AppDeps } from '../deps.js';
import { openSession } from '../modules/auth/auth.service.js';
import { createPlace } from '../modules/places/places.commands.js';
import { createUser } from '../modules/users/users.service.js';
import { createTestDeps, TestClock } from './dialects.js';

export const PASSWORD = 'Passw0rd-test';

/**
 * A small world: one subdistrict with two communities; community A has grids G1 and G2 with an estate, a
 * building, an entrance and a dwelling each; one account per role (in community A), plus an admin of B.
 */
export async function seedWorld(deps: AppDeps) {
  const p = (kind: Parameters<typeof createPlace>[2]['kind'], name: string, parentId: string | null) =>
    createPlace(deps, null, { kind, name, parentId });
  const sd = await p('subdistrict', '测试街道', null);
  const a = await p('community', '甲社区', sd.id);
  const b = await p('community', '乙社区', sd.id);
  const grid = async (name: string, parent: string) => {
    const g = await p('grid', name, parent);
    const e = await p('estate', `${name}小区`, g.id);
    const bl = await p('building', '1栋', e.id);
    const en = await p('entrance', '1单元', bl.id);
    const d = await p('dwelling', '101室', en.id);
    return { grid: g, estate: e, building: bl, entrance: en, dwelling: d };
  };
  const g1 = await grid('第一网格', a.id);
  const g2 = await grid('第二网格', a.id);
  const gb = await grid('乙一网格', b.id);
  const roleAt: Record<Role, string> = {
    subdistrict_admin: sd.id,
    community_admin: a.id,
    community_staff: a.id,
    grid_worker: g1.grid.id,
    building_leader: g1.building.id,
    org_representative: a.id,
    resident: a.id,
  };
  const users = {} as Record<Role, string>;
  let n = 0;
  for (const [role, placeId] of Object.entries(roleAt) as [Role, string][]) {
    n++;
    const { user } = await createUser(deps, null, {
      displayName: `用户${n}`,
      username: role.replace(/_/g, '-'),
      phone: `1380000000${n}`,
      password: PASSWORD,
      roles: [{ role, placeId }],
    });
    users[role] = user.id;
  }
  const { user: adminB } = await createUser(deps, null, {
    displayName: '乙书记',
    username: 'admin-b',
    password: PASSWORD,
    roles: [{ role: 'community_admin', placeId: b.id }],
  });
  return { sd, a, b, g1, g2, gb, users, adminB: adminB.id };
}
export type World = Awaited<ReturnType<typeof seedWorld>>;

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** A session for a user without going through the login route (and its rate limit). */
export async function sessionFor(app: FastifyInstance, userId: string): Promise<Session> {
  const { token } = await openSession(app.deps, userId);
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { gz_session: token } });
  const csrf = (me.json() as { csrfToken: string }).csrfToken;
  const cookie = `gz_session=${token}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A migrated database of `dialect` with the world seeded and the app built (not listening). */
export async function testApp(dialect: DialectName) {
  const clock = new TestClock();
  const { deps, cleanup } = await createTestDeps(dialect, clock);
  const world = await seedWorld(deps);
  const app = await buildApp(deps, { logger: false, webDir: null });
  await app.ready();
  return {
    app,
    deps,
    clock,
    world,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}
