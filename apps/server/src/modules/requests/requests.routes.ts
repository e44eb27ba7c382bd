import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createRequestBody,
  idParams,
  listRequestsQuery,
  requestCreated,
  requestDetail,
  requestListResponse,
  requestPlaceOptions,
  revealPhoneBody,
  revealPhoneResponse,
} from '@gongzhi/shared';
import { callbacksRoutes } from './callbacks.routes.js';
import { createRequest } from './intake.service.js';
import { lifecycleRoutes } from './lifecycle.routes.js';
import { placeOptions } from './place-options.service.js';
import { canPickRequestPlace, canReadRequests, canRevealRequestPhone, canSubmitRequests } from './requests.policy.js';
import { getRequestDetail, listRequests, revealRequestPhone } from './requests.service.js';
import { settingsRoutes } from './settings.routes.js';

/** Needs and requests (接诉即办): intake, the scoped list and search, detail, the lifecycle, callbacks, settings. */
export const requestsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/requests',
    {
      config: { policy: canSubmitRequests },
      schema: {
        tags: ['requests'],
        summary: 'Submit a request (a resident) or enter one for a resident (staff: channel required); numbered, classified, with deadlines',
        body: createRequestBody,
        response: { 201: requestCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await createRequest(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/requests',
    {
      config: { policy: canReadRequests },
      schema: {
        tags: ['requests'],
        summary: 'Requests in your scope: filters, full-text search (or an exact number), sorted and paged; the total is exact up to 10,000',
        querystring: listRequestsQuery,
        response: { 200: requestListResponse },
      },
    },
    (req) => listRequests(app.deps, req.actor, req.query),
  );

  app.get(
    '/requests/place-options',
    {
      config: { policy: canPickRequestPlace },
      schema: { tags: ['requests'], summary: 'Where a resident may say their request is: their own dwelling chain, then the community’s estates and buildings', response: { 200: requestPlaceOptions } },
    },
    (req) => placeOptions(app.deps, req.actor),
  );

  app.get(
    '/requests/:id',
    {
      config: { policy: canReadRequests },
      schema: { tags: ['requests'], summary: 'One request: timeline, photos, handlers and what you may do now (`can`)', params: idParams, response: { 200: requestDetail } },
    },
    (req) => getRequestDetail(app.deps, req.actor, req.params.id),
  );

  app.post(
    '/requests/:id/reveal-phone',
    {
      config: { policy: canRevealRequestPhone },
      schema: {
        tags: ['requests'],
        summary: 'The contact phone in full, for a stated purpose (written to the audit log)',
        params: idParams,
        body: revealPhoneBody,
        response: { 200: revealPhoneResponse },
      },
    },
    (req) => revealRequestPhone(app.deps, req.ctx(), req.params.id, req.body.purpose),
  );

  lifecycleRoutes(app);
  callbacksRoutes(app);
  settingsRoutes(app);
};
