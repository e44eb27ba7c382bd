import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createProactiveCaseBody,
  idParams,
  listProactiveCasesQuery,
  proactiveCaseListResponse,
  proactiveCaseView,
  proactiveSuggestionListResponse,
  proactiveSuggestionsQuery,
  updateProactiveCaseBody,
} from '@gongzhi/shared';
import { createCase, listCasesFor, updateCase } from './cases.service.js';
import { proactiveSuggestionsFor } from './proactive.service.js';
import { canManageCases, canViewProactive } from './triage.policy.js';

const tags = ['triage'];

/** Proactive work (未诉先办): hotspot suggestions and the cases opened from them. */
export const proactiveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/proactive-suggestions',
    {
      config: { policy: canViewProactive },
      schema: {
        tags,
        summary: 'Clusters of at least `min` similar requests of the last `days` days not yet in a case',
        querystring: proactiveSuggestionsQuery,
        response: { 200: proactiveSuggestionListResponse },
      },
    },
    (req) => proactiveSuggestionsFor(app.deps, req.actor, req.query),
  );

  app.get(
    '/proactive-cases',
    {
      config: { policy: canViewProactive },
      schema: { tags, summary: 'Proactive cases within your scope, newest first', querystring: listProactiveCasesQuery, response: { 200: proactiveCaseListResponse } },
    },
    (req) => listCasesFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/proactive-cases',
    {
      config: { policy: canManageCases },
      schema: { tags, summary: 'Open a proactive case linking requests of one community', body: createProactiveCaseBody, response: { 201: proactiveCaseView } },
    },
    async (req, reply) => reply.status(201).send(await createCase(app.deps, req.ctx(), req.body)),
  );

  app.patch(
    '/proactive-cases/:id',
    {
      config: { policy: canManageCases },
      schema: { tags, summary: 'Change a case: status, owner, plan, outcome', params: idParams, body: updateProactiveCaseBody, response: { 200: proactiveCaseView } },
    },
    (req) => updateCase(app.deps, req.ctx(), req.params.id, req.body),
  );
};
