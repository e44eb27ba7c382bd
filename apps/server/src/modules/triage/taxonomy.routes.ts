import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  categoryListResponse,
  categoryView,
  createCategoryBody,
  createRoutingRuleBody,
  idParams,
  listCategoriesQuery,
  listRoutingRulesQuery,
  okResponse,
  routingRuleListResponse,
  routingRuleView,
  updateCategoryBody,
} from '@gongzhi/shared';
import { createRule, deleteRule, listRulesFor } from './routing.service.js';
import { createCategory, listCategoriesFor, retireCategory, updateCategory } from './taxonomy.service.js';
import { canManageTriage, canViewCategories } from './triage.policy.js';

const tags = ['triage'];

/** The taxonomy (request categories) and routing rules of a community. */
export const taxonomyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/request-categories',
    {
      config: { policy: canViewCategories },
      schema: {
        tags,
        summary: "A community's request categories (the default taxonomy on first use); every community you read when none is given",
        querystring: listCategoriesQuery,
        response: { 200: categoryListResponse },
      },
    },
    (req) => listCategoriesFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/request-categories',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: 'Add a category; its code is permanent (training labels, Open311 service_code)', body: createCategoryBody, response: { 201: categoryView } },
    },
    async (req, reply) => reply.status(201).send(await createCategory(app.deps, req.ctx(), req.body)),
  );

  app.patch(
    '/request-categories/:id',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: "Rename a category or change its urgency or order (never its code)", params: idParams, body: updateCategoryBody, response: { 200: categoryView } },
    },
    (req) => updateCategory(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/request-categories/:id/retire',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: 'Retire a category no open request or routing rule uses (409 category_in_use otherwise)', params: idParams, response: { 200: categoryView } },
    },
    (req) => retireCategory(app.deps, req.ctx(), req.params.id),
  );

  app.get(
    '/routing-rules',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: 'Who handles which category where', querystring: listRoutingRulesQuery, response: { 200: routingRuleListResponse } },
    },
    (req) => listRulesFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/routing-rules',
    {
      config: { policy: canManageTriage },
      schema: {
        tags,
        summary: 'Route a category (at a place, or the whole community) to a staff member, grid worker or organisation',
        body: createRoutingRuleBody,
        response: { 201: routingRuleView },
      },
    },
    async (req, reply) => reply.status(201).send(await createRule(app.deps, req.ctx(), req.body)),
  );

  app.delete(
    '/routing-rules/:id',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: 'Delete a routing rule', params: idParams, response: { 200: okResponse } },
    },
    (req) => deleteRule(app.deps, req.ctx(), req.params.id),
  );
};
