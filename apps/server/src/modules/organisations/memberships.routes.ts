import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMembershipBody, endMembershipBody, idParams, listMembershipsQuery, membershipView } from '@gongzhi/shared';
import { canManageOrganisations, canViewOrganisations } from './organisations.policy.js';
import { createMembership, endMembership, listMembershipsFor } from './memberships.service.js';

export const membershipsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/memberships',
    {
      config: { policy: canViewOrganisations },
      schema: {
        tags: ['organisations'],
        summary: 'Posts in organisations and at places (active ones unless includeEnded)',
        querystring: listMembershipsQuery,
        response: { 200: z.object({ items: z.array(membershipView) }) },
      },
    },
    (req) => listMembershipsFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/memberships',
    {
      config: { policy: canManageOrganisations },
      schema: {
        tags: ['organisations'],
        summary: 'Appoint a person to a post; a grid worker or building leader post gives their account that scope',
        body: createMembershipBody,
        response: { 201: membershipView },
      },
    },
    async (req, reply) => reply.status(201).send(await createMembership(app.deps, req.ctx(), req.body)),
  );

  app.post(
    '/memberships/:id/end',
    {
      config: { policy: canManageOrganisations },
      schema: {
        tags: ['organisations'],
        summary: 'End a post (today unless endOn); the account role it gave is revoked',
        params: idParams,
        body: endMembershipBody.nullish(),
        response: { 200: membershipView },
      },
    },
    (req) => endMembership(app.deps, req.ctx(), req.params.id, req.body?.endOn),
  );
};
