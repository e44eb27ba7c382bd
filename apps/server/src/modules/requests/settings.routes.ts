import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestSettingsQuery, requestSettingsSchema, requestSettingsView } from '@gongzhi/shared';
import { canEditRequestSettings, canReadRequestSettings } from './requests.policy.js';
import { getRequestSettings, putRequestSettings } from './settings.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export function settingsRoutes(app: App): void {
  app.get(
    '/request-settings',
    {
      config: { policy: canReadRequestSettings },
      schema: { tags: ['requests'], summary: 'A community’s deadlines, reminders, escalation and windows (the defaults until set)', querystring: requestSettingsQuery, response: { 200: requestSettingsView } },
    },
    (req) => getRequestSettings(app.deps, req.actor, req.query.communityId),
  );

  app.put(
    '/request-settings',
    {
      config: { policy: canEditRequestSettings },
      schema: {
        tags: ['requests'],
        summary: 'Set a community’s deadlines and windows (applies to requests from now on)',
        querystring: requestSettingsQuery,
        body: requestSettingsSchema,
        response: { 200: requestSettingsView },
      },
    },
    (req) => putRequestSettings(app.deps, req.ctx(), req.query.communityId, req.body),
  );
}
