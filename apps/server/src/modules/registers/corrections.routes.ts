import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { correctionView, idParams, listCorrectionsQuery, resolveCorrectionBody } from '@gongzhi/shared';
import { listCorrections, resolveCorrection } from './corrections.service.js';
import { canHandlePersonalData } from './registers.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export function correctionsRoutes(app: App): void {
  app.get(
    '/corrections',
    {
      config: { policy: canHandlePersonalData },
      schema: {
        tags: ['registers'],
        summary: "Residents' correction requests in your scope (open ones oldest first)",
        querystring: listCorrectionsQuery,
        response: { 200: z.object({ items: z.array(correctionView), total: z.number() }) },
      },
    },
    (req) => listCorrections(app.deps, req.actor, req.query),
  );

  app.post(
    '/corrections/:id/resolve',
    {
      config: { policy: canHandlePersonalData },
      schema: { tags: ['registers'], summary: 'Accept or reject a correction request, with a reply', params: idParams, body: resolveCorrectionBody, response: { 200: correctionView } },
    },
    (req) => resolveCorrection(app.deps, req.ctx(), req.params.id, req.body),
  );
}
