import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  claimCodeResponse,
  createUserBody,
  idParams,
  idSchema,
  listUsersQuery,
  roleInput,
  updateUserBody,
  userView,
} from '@gongzhi/shared';
import { canManageUsers } from './users.policy.js';
import { addRole, createUser, getUser, listUsers, newClaimCode, removeRole, updateUserAccount } from './users.service.js';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { policy: canManageUsers },
      schema: {
        tags: ['users'],
        summary: 'Accounts with a role in your scope; search by name, username or a full phone number',
        querystring: listUsersQuery,
        response: { 200: z.object({ items: z.array(userView), total: z.number() }) },
      },
    },
    (req) => listUsers(app.deps, req.actor, req.query),
  );

  app.post(
    '/users',
    {
      config: { policy: canManageUsers },
      schema: {
        tags: ['users'],
        summary: 'Create an account; without a password it is claimed later with the returned one-time code',
        body: createUserBody,
        response: {
          201: z.object({ user: userView, claimCode: z.object({ code: z.string(), expiresAt: z.string() }).nullable() }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/users/:id',
    {
      config: { policy: canManageUsers },
      schema: { tags: ['users'], summary: 'One account', params: idParams, response: { 200: userView } },
    },
    (req) => getUser(app.deps, req.actor, req.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { policy: canManageUsers },
      schema: { tags: ['users'], summary: 'Rename, disable or re-enable an account', params: idParams, body: updateUserBody, response: { 200: userView } },
    },
    (req) => updateUserAccount(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/users/:id/roles',
    {
      config: { policy: canManageUsers },
      schema: { tags: ['users'], summary: 'Grant a role at a place', params: idParams, body: roleInput, response: { 200: userView } },
    },
    (req) => addRole(app.deps, req.ctx(), req.params.id, req.body.role, req.body.placeId),
  );

  app.delete(
    '/users/:id/roles/:roleId',
    {
      config: { policy: canManageUsers },
      schema: {
        tags: ['users'],
        summary: 'Revoke a role',
        params: z.object({ id: idSchema, roleId: idSchema }),
        response: { 200: userView },
      },
    },
    (req) => removeRole(app.deps, req.ctx(), req.params.id, req.params.roleId),
  );

  app.post(
    '/users/:id/claim-code',
    {
      config: { policy: canManageUsers },
      schema: {
        tags: ['users'],
        summary: 'Issue a new one-time activation code (older codes stop working) for printing',
        params: idParams,
        response: { 200: claimCodeResponse },
      },
    },
    (req) => newClaimCode(app.deps, req.ctx(), req.params.id),
  );
};
