import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unvisitedQuery, unvisitedResponse, visitCoverageQuery, visitCoverageResponse } from '@gongzhi/shared';
import { coverageFor, unvisitedFor } from './coverage.service.js';
import { meetingsRoutes } from './meetings.routes.js';
import { plansRoutes } from './plans.routes.js';
import { recordsRoutes } from './records.routes.js';
import { canViewVisits } from './visits.policy.js';

/** Visiting plans, visit records, consultation meetings and coverage (走访, 恳谈会). */
export const visitsRoutes: FastifyPluginAsyncZod = async (app) => {
  plansRoutes(app);
  recordsRoutes(app);
  meetingsRoutes(app);

  app.get(
    '/visit-coverage',
    {
      config: { policy: canViewVisits },
      schema: {
        tags: ['visits'],
        summary: 'Per grid: active households, how many were visited in the last N months, and the percentage',
        querystring: visitCoverageQuery,
        response: { 200: visitCoverageResponse },
      },
    },
    (req) => coverageFor(app.deps, req.actor, req.query),
  );

  app.get(
    '/visit-coverage/unvisited',
    {
      config: { policy: canViewVisits },
      schema: {
        tags: ['visits'],
        summary: 'Households nobody visited in the last N months, with address, householder and last visit',
        querystring: unvisitedQuery,
        response: { 200: unvisitedResponse },
      },
    },
    (req) => unvisitedFor(app.deps, req.actor, req.query),
  );
};
