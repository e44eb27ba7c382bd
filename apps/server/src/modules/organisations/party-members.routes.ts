import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPartyMemberBody, idParams, listPartyMembersQuery, partyMemberView, updatePartyMemberBody } from '@gongzhi/shared';
import { canManageOrganisations, canViewOrganisations } from './organisations.policy.js';
import { createPartyMember, getPartyMember, listPartyMembersFor, updatePartyMember } from './party-members.service.js';

export const partyMembersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/party-members',
    {
      config: { policy: canViewOrganisations },
      schema: {
        tags: ['organisations'],
        summary: 'The party roster, filtered and paged; ID numbers and phones masked',
        querystring: listPartyMembersQuery,
        response: { 200: z.object({ items: z.array(partyMemberView), total: z.number().int() }) },
      },
    },
    (req) => listPartyMembersFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/party-members',
    {
      config: { policy: canManageOrganisations },
      schema: { tags: ['organisations'], summary: 'Add a member to a party organisation’s roster', body: createPartyMemberBody, response: { 201: partyMemberView } },
    },
    async (req, reply) => reply.status(201).send(await createPartyMember(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/party-members/:id',
    {
      config: { policy: canViewOrganisations },
      schema: { tags: ['organisations'], summary: 'One party member, masked', params: idParams, response: { 200: partyMemberView } },
    },
    (req) => getPartyMember(app.deps, req.actor, req.params.id),
  );

  app.patch(
    '/party-members/:id',
    {
      config: { policy: canManageOrganisations },
      schema: { tags: ['organisations'], summary: 'Change a party member (organisation, reporting, status …)', params: idParams, body: updatePartyMemberBody, response: { 200: partyMemberView } },
    },
    (req) => updatePartyMember(app.deps, req.ctx(), req.params.id, req.body),
  );
};
