import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { correctionBody, correctionView, myDataView, myHouseholdView } from '@gongzhi/shared';
import { myData, myHousehold, requestCorrection } from './my-data.service.js';
import { canReadOwnData } from './registers.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export function myDataRoutes(app: App): void {
  app.get(
    '/me/data',
    {
      config: { policy: canReadOwnData },
      schema: { tags: ['registers'], summary: 'What the register holds about you (masked), your consents and your correction requests', response: { 200: myDataView } },
    },
    (req) => myData(app.deps, req.actor),
  );

  app.get(
    '/me/household',
    {
      config: { policy: canReadOwnData },
      schema: { tags: ['registers'], summary: 'Your household and its members (masked)', response: { 200: myHouseholdView } },
    },
    (req) => myHousehold(app.deps, req.actor),
  );

  app.post(
    '/me/corrections',
    {
      config: { policy: canReadOwnData },
      schema: { tags: ['registers'], summary: 'Ask for something in your record to be corrected', body: correctionBody, response: { 201: correctionView } },
    },
    async (req, reply) => reply.status(201).send(await requestCorrection(app.deps, req.ctx(), req.body)),
  );
}
