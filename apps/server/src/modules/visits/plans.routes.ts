import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createVisitPlanBody,
  idParams,
  listVisitPlansQuery,
  updateVisitPlanBody,
  visitAssigneeList,
  visitAssigneesQuery,
  visitPlanDetail,
  visitPlanListResponse,
} from '@gongzhi/shared';
import { assigneesFor } from './people.service.js';
import { cancelPlan, createPlan, listPlansFor, planDetail, updatePlan } from './plans.service.js';
import { canRecordVisits, canViewVisits } from './visits.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['visits'];

export function plansRoutes(app: App): void {
  app.get(
    '/visit-plans',
    {
      config: { policy: canViewVisits },
      schema: { tags, summary: 'Visiting plans you may see, newest first, with progress (targets visited of all)', querystring: listVisitPlansQuery, response: { 200: visitPlanListResponse } },
    },
    (req) => listPlansFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/visit-plans',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Make a plan; grid and building targets expand to their active households now', body: createVisitPlanBody, response: { 201: visitPlanDetail } },
    },
    async (req, reply) => reply.status(201).send(await createPlan(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/visit-plans/:id',
    {
      config: { policy: canViewVisits },
      schema: { tags, summary: 'A plan with its targets (those in your scope) and whether each was visited', params: idParams, response: { 200: visitPlanDetail } },
    },
    (req) => planDetail(app.deps, req.actor, req.params.id),
  );

  app.patch(
    '/visit-plans/:id',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Change an active plan: title, dates, assignee, note (not its targets)', params: idParams, body: updateVisitPlanBody, response: { 200: visitPlanDetail } },
    },
    (req) => updatePlan(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/visit-plans/:id/cancel',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Cancel an active plan (visits already made stay)', params: idParams, response: { 200: visitPlanDetail } },
    },
    (req) => cancelPlan(app.deps, req.ctx(), req.params.id),
  );

  app.get(
    '/visit-assignees',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Staff and grid workers of your communities: who may carry a plan or host a meeting', querystring: visitAssigneesQuery, response: { 200: visitAssigneeList } },
    },
    (req) => assigneesFor(app.deps, req.actor, req.query.placeId),
  );
}
