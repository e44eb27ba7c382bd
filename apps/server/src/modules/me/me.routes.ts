import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, meResponse, okResponse, onBehalfBody, preferencesBody } from '@gongzhi/shared';
import { canActOnBehalf, canReadMe, canUpdatePreferences } from './me.policy.js';
import { describeMe, startOnBehalf, stopOnBehalf, updatePreferences } from './me.service.js';

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      config: { policy: canReadMe },
      schema: { tags: ['me'], summary: 'The signed-in account (401 when not logged in)', response: { 200: meResponse } },
    },
    async (req) => describeMe(req.actor),
  );

  app.patch(
    '/me/preferences',
    {
      config: { policy: canUpdatePreferences },
      schema: { tags: ['me'], summary: 'Remember elder mode and language for this account', body: preferencesBody, response: { 200: okResponse } },
    },
    async (req) => {
      await updatePreferences(app.deps, req.ctx(), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/me/on-behalf',
    {
      config: { policy: canActOnBehalf },
      schema: {
        tags: ['me'],
        summary: "Act on a resident's behalf (recorded in the audit log with a reason)",
        body: onBehalfBody,
        response: { 200: z.object({ id: idSchema, displayName: z.string() }) },
      },
    },
    (req) => startOnBehalf(app.deps, req.ctx(), req.body.residentUserId, req.body.reason),
  );

  app.delete(
    '/me/on-behalf',
    {
      config: { policy: canActOnBehalf },
      schema: { tags: ['me'], summary: "Stop acting on a resident's behalf", response: { 200: okResponse } },
    },
    async (req) => {
      await stopOnBehalf(app.deps, req.ctx());
      return { ok: true as const };
    },
  );
};
