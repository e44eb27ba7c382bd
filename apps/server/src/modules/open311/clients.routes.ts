import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createdOpen311Client, createOpen311ClientBody, idParams, listOpen311ClientsQuery, open311ClientView } from '@gongzhi/shared';
import { createClient, listMyClients, revokeMyClient } from './clients.service.js';
import { canManageOpen311Clients } from './open311.policy.js';

const tags = ['open311'];

/** The console's Open311 integrations: list, create (the key is shown once), revoke. */
export const open311ClientsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/open311-clients',
    {
      config: { policy: canManageOpen311Clients },
      schema: { tags, summary: 'Open311 integrations of my communities', querystring: listOpen311ClientsQuery, response: { 200: z.object({ items: z.array(open311ClientView) }) } },
    },
    async (req) => ({ items: await listMyClients(app.deps, req.ctx(), req.query) }),
  );
  app.post(
    '/open311-clients',
    {
      config: { policy: canManageOpen311Clients },
      schema: { tags, summary: 'Add an integration; the answer holds its API key, shown this once', body: createOpen311ClientBody, response: { 201: createdOpen311Client } },
    },
    async (req, reply) => reply.status(201).send(await createClient(app.deps, req.ctx(), req.body)),
  );
  app.post(
    '/open311-clients/:id/revoke',
    { config: { policy: canManageOpen311Clients }, schema: { tags, summary: "Revoke an integration's key", params: idParams, response: { 200: open311ClientView } } },
    (req) => revokeMyClient(app.deps, req.ctx(), req.params.id),
  );
};
