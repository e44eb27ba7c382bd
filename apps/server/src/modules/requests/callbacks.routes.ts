import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callbackListResponse, completeCallbackBody, idParams, listCallbacksQuery, okResponse } from '@gongzhi/shared';
import { completeCallback, listMyCallbacks } from './callbacks.service.js';
import { canWorkCallbacks } from './requests.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export function callbacksRoutes(app: App): void {
  app.get(
    '/callbacks',
    {
      config: { policy: canWorkCallbacks },
      schema: { tags: ['requests'], summary: 'Callback tasks: yours, and (community office) all of your communities; soonest due first', querystring: listCallbacksQuery, response: { 200: callbackListResponse } },
    },
    (req) => listMyCallbacks(app.deps, req.actor, req.query),
  );

  app.post(
    '/callbacks/:id/complete',
    {
      config: { policy: canWorkCallbacks },
      schema: {
        tags: ['requests'],
        summary: 'Record a callback; a call that reached the resident may record their rating as if they gave it',
        params: idParams,
        body: completeCallbackBody,
        response: { 200: okResponse },
      },
    },
    (req) => completeCallback(app.deps, req.ctx(), req.params.id, req.body),
  );
}
