import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryView, auditQuery } from '@gongzhi/shared';
import { auditActions, browseAudit } from './audit.service.js';
import { canReadAudit } from './audit.policy.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-log',
    {
      config: { policy: canReadAudit },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (newest first) within your scope',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEntryView), nextBefore: z.string().nullable() }) },
      },
    },
    (req) => browseAudit(app.deps, req.actor, req.query),
  );

  app.get(
    '/audit-log/actions',
    {
      config: { policy: canReadAudit },
      schema: {
        tags: ['audit'],
        summary: 'Actions present in the audit log',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async (req) => ({ items: await auditActions(app.deps, req.actor) }),
  );
};
