import { randomBytes } from 'node:crypto';
import { passwordSchema, usernameSchema, nameSchema, type Role } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { createPlace } from '../modules/places/places.commands.js';
import { anyPlaceExists, findPlace } from '../modules/places/places.repository.js';
import { createUser } from '../modules/users/users.service.js';
import { parseCommandArgs } from './args.js';

export async function createAdminCommand(deps: AppDeps, argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    username: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    place: { type: 'string' },
    subdistrict: { type: 'string' },
    community: { type: 'string' },
  });
  const username = usernameSchema.safeParse(values.username);
  const name = nameSchema.safeParse(values.name);
  if (!username.success || !name.success) {
    console.error('create-admin needs --username (letters, digits, . _ -; 3–32) and --name.');
    return 1;
  }
  const generated = values.password === undefined;
  const password = values.password ?? `Gz${randomBytes(9).toString('base64url')}7`;
  if (!passwordSchema.safeParse(password).success) {
    console.error('--password needs at least 8 characters with letters and digits.');
    return 1;
  }
  const role = (values.role ?? (values.community ? 'community_admin' : 'subdistrict_admin')) as Role;
  if (role !== 'subdistrict_admin' && role !== 'community_admin') {
    console.error('--role is subdistrict_admin or community_admin.');
    return 1;
  }
  let placeId = values.place;
  if (!placeId) {
    if (!values.subdistrict) {
      console.error('Give --place ID of an existing subdistrict/community, or --subdistrict NAME (and --community NAME) to create them.');
      return 1;
    }
    if (await anyPlaceExists(deps.db)) {
      console.error('The database already has places: use --place ID to name where the admin works.');
      return 1;
    }
    const sd = await createPlace(deps, null, { kind: 'subdistrict', name: values.subdistrict, parentId: null });
    placeId = sd.id;
    if (values.community) placeId = (await createPlace(deps, null, { kind: 'community', name: values.community, parentId: sd.id })).id;
  } else if (!(await findPlace(deps.db, placeId))) {
    console.error(`No place with id ${placeId}.`);
    return 1;
  }
  const { user } = await createUser(deps, null, {
    displayName: name.data,
    username: username.data,
    password,
    roles: [{ role, placeId }],
  });
  console.log(`Created ${role} ${user.username} (${user.displayName}).`);
  if (generated) console.log(`Password: ${password}  (change it after the first login)`);
  return 0;
}
