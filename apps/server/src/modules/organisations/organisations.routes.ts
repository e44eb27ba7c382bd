import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createOrganisationBody,
  idParams,
  listOrganisationsQuery,
  organisationDetail as organisationDetailSchema,
  organisationView,
  updateOrganisationBody,
} from '@gongzhi/shared';
import { membershipsRoutes } from './memberships.routes.js';
import { createOrganisation, retireOrganisation, updateOrganisation } from './organisations.commands.js';
import { canManageOrganisations, canViewOrganisations } from './organisations.policy.js';
import { listOrganisationsFor, organisationDetail } from './organisations.service.js';
import { partyMembersRoutes } from './party-members.routes.js';
import { peopleRoutes } from './people.routes.js';

const boolFlag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      config: { policy: canViewOrganisations },
      schema: {
        tags: ['organisations'],
        summary: 'Organisations of your communities: the party tree first, then committees and stakeholders',
        querystring: listOrganisationsQuery,
        response: { 200: z.object({ items: z.array(organisationView) }) },
      },
    },
    (req) => listOrganisationsFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/organisations',
    {
      config: { policy: canManageOrganisations },
      schema: { tags: ['organisations'], summary: 'Create an organisation in a community', body: createOrganisationBody, response: { 201: organisationView } },
    },
    async (req, reply) => reply.status(201).send(await createOrganisation(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/organisations/:id',
    {
      config: { policy: canViewOrganisations },
      schema: {
        tags: ['organisations'],
        summary: 'An organisation with its members (active ones unless includeEnded)',
        params: idParams,
        querystring: z.object({ includeEnded: boolFlag }),
        response: { 200: organisationDetailSchema },
      },
    },
    (req) => organisationDetail(app.deps, req.actor, req.params.id, req.query.includeEnded),
  );

  app.patch(
    '/organisations/:id',
    {
      config: { policy: canManageOrganisations },
      schema: { tags: ['organisations'], summary: 'Change an organisation (not its kind or community)', params: idParams, body: updateOrganisationBody, response: { 200: organisationView } },
    },
    (req) => updateOrganisation(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/organisations/:id/retire',
    {
      config: { policy: canManageOrganisations },
      schema: { tags: ['organisations'], summary: 'Retire an organisation (soft; its posts end, history kept)', params: idParams, response: { 200: organisationView } },
    },
    (req) => retireOrganisation(app.deps, req.ctx(), req.params.id),
  );

  await app.register(membershipsRoutes);
  await app.register(partyMembersRoutes);
  await app.register(peopleRoutes);
};
