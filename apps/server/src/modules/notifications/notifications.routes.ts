import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createNotificationEndpointBody,
  endpointTestResult,
  idParams,
  listEndpointsQuery,
  listNotificationsQuery,
  notificationEndpointView,
  notificationListResponse,
  notificationPreferencesView,
  notificationView,
  okResponse,
  readAllResponse,
  updateNotificationEndpointBody,
  updateNotificationPreferencesBody,
} from '@gongzhi/shared';
import { changeEndpoint, createEndpoint, listMyEndpoints, removeEndpoint, testEndpoint } from './endpoints.service.js';
import { getMyPreferences, listMyNotifications, readAllMyNotifications, readerLocale, readMyNotification, updateMyPreferences } from './inbox.service.js';
import { canManageEndpoints, canUseInbox } from './notifications.policy.js';

const tags = ['notifications'];

/** The inbox, my mail preference, and the community's notification endpoints. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      config: { policy: canUseInbox },
      schema: { tags, summary: 'My messages, newest first, with the unread count', querystring: listNotificationsQuery, response: { 200: notificationListResponse } },
    },
    (req) => {
      const ctx = req.ctx();
      return listMyNotifications(app.deps, ctx, req.query, readerLocale(req.headers['accept-language'], ctx));
    },
  );
  app.post(
    '/notifications/read-all',
    { config: { policy: canUseInbox }, schema: { tags, summary: 'Mark all my messages read', response: { 200: readAllResponse } } },
    (req) => readAllMyNotifications(app.deps, req.ctx()),
  );
  app.post(
    '/notifications/:id/read',
    { config: { policy: canUseInbox }, schema: { tags, summary: 'Mark one of my messages read', params: idParams, response: { 200: notificationView } } },
    (req) => {
      const ctx = req.ctx();
      return readMyNotification(app.deps, ctx, req.params.id, readerLocale(req.headers['accept-language'], ctx));
    },
  );

  app.get(
    '/me/notification-preferences',
    { config: { policy: canUseInbox }, schema: { tags, summary: 'My mail preference (address masked)', response: { 200: notificationPreferencesView } } },
    (req) => getMyPreferences(app.deps, req.ctx()),
  );
  app.put(
    '/me/notification-preferences',
    {
      config: { policy: canUseInbox },
      schema: { tags, summary: 'Set my mail address (stored encrypted) and switch mail on or off', body: updateNotificationPreferencesBody, response: { 200: notificationPreferencesView } },
    },
    (req) => updateMyPreferences(app.deps, req.ctx(), req.body),
  );

  app.get(
    '/notification-endpoints',
    {
      config: { policy: canManageEndpoints },
      schema: { tags, summary: "The community's group robots, webhooks and mail endpoints (targets masked)", querystring: listEndpointsQuery, response: { 200: z.object({ items: z.array(notificationEndpointView) }) } },
    },
    async (req) => ({ items: await listMyEndpoints(app.deps, req.ctx(), req.query) }),
  );
  app.post(
    '/notification-endpoints',
    {
      config: { policy: canManageEndpoints },
      schema: { tags, summary: 'Add an endpoint (https URL, or mail address); target and secret are stored encrypted', body: createNotificationEndpointBody, response: { 201: notificationEndpointView } },
    },
    async (req, reply) => reply.status(201).send(await createEndpoint(app.deps, req.ctx(), req.body)),
  );
  app.patch(
    '/notification-endpoints/:id',
    {
      config: { policy: canManageEndpoints },
      schema: { tags, summary: 'Change an endpoint', params: idParams, body: updateNotificationEndpointBody, response: { 200: notificationEndpointView } },
    },
    (req) => changeEndpoint(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.delete(
    '/notification-endpoints/:id',
    { config: { policy: canManageEndpoints }, schema: { tags, summary: 'Remove an endpoint', params: idParams, response: { 200: okResponse } } },
    async (req) => {
      await removeEndpoint(app.deps, req.ctx(), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/notification-endpoints/:id/test',
    {
      config: { policy: canManageEndpoints, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Send a test message now and report whether it arrived', params: idParams, response: { 200: endpointTestResult } },
    },
    (req) => testEndpoint(app.deps, req.ctx(), req.params.id),
  );
};
