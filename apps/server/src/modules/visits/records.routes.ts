import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { convertedRequest, convertToRequestBody, createVisitBody, idParams, listVisitsQuery, updateVisitBody, visitDetail, visitItemParams, visitListResponse } from '@gongzhi/shared';
import { convertVisitItem } from './conversion.service.js';
import { createVisit, listVisitsFor, updateVisit, visitDetail as detail } from './visits.service.js';
import { canRecordVisits, canViewVisits } from './visits.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['visits'];

export function recordsRoutes(app: App): void {
  app.get(
    '/visits',
    {
      config: { policy: canViewVisits },
      schema: { tags, summary: 'Visit records in your scope, latest first; filter by plan, place, household, visitor, time', querystring: listVisitsQuery, response: { 200: visitListResponse } },
    },
    (req) => listVisitsFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/visits',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Record a visit (a place, a household or an organisation); marks plan targets it fulfils', body: createVisitBody, response: { 201: visitDetail } },
    },
    async (req, reply) => reply.status(201).send(await createVisit(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/visits/:id',
    {
      config: { policy: canViewVisits },
      schema: { tags, summary: 'A visit with its items and the requests they became', params: idParams, response: { 200: visitDetail } },
    },
    (req) => detail(app.deps, req.actor, req.params.id),
  );

  app.patch(
    '/visits/:id',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Correct your own visit within 24 hours', params: idParams, body: updateVisitBody, response: { 200: visitDetail } },
    },
    (req) => updateVisit(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/visits/:id/items/:itemId/request',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Turn a visit item into a request (channel visit), once', params: visitItemParams, body: convertToRequestBody, response: { 201: convertedRequest } },
    },
    async (req, reply) => reply.status(201).send(await convertVisitItem(app.deps, req.ctx(), req.params.id, req.params.itemId, req.body)),
  );
}
