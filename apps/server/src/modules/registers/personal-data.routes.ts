import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, personExportBody, personExportView, residentAccountResponse, revealBody, revealResponse } from '@gongzhi/shared';
import { createResidentAccount, exportPerson, reveal } from './personal-data.service.js';
import { canHandlePersonalData, canRevealSomething } from './registers.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export function personalDataRoutes(app: App): void {
  app.post(
    '/residents/:id/reveal',
    {
      config: { policy: canRevealSomething },
      schema: {
        tags: ['registers'],
        summary: 'Show a masked field in full, for a stated purpose (written to the audit log)',
        params: idParams,
        body: revealBody,
        response: { 200: revealResponse },
      },
    },
    (req) => reveal(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/residents/:id/export',
    {
      config: { policy: canHandlePersonalData },
      schema: {
        tags: ['registers'],
        summary: 'Everything held about one person, unmasked, for an access or portability request (audited)',
        params: idParams,
        body: personExportBody,
        response: { 200: personExportView },
      },
    },
    (req) => exportPerson(app.deps, req.ctx(), req.params.id, req.body.purpose),
  );

  app.post(
    '/residents/:id/account',
    {
      config: { policy: canHandlePersonalData },
      schema: {
        tags: ['registers'],
        summary: "Open the resident's own account (role resident at their community) and get the activation code",
        params: idParams,
        response: { 201: residentAccountResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await createResidentAccount(app.deps, req.ctx(), req.params.id)),
  );
}
