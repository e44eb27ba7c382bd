import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, requestSuggestions, similarListResponse, similarQuery } from '@gongzhi/shared';
import { similarFor } from './similar.service.js';
import { requestSuggestionsFor } from './suggestions.service.js';
import { canFindSimilar, canSuggest } from './triage.policy.js';

const tags = ['triage'];

/** Similar requests while typing, and the dispatcher's suggestions for one request. */
export const similarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/requests/similar',
    {
      config: { policy: canFindSimilar },
      schema: {
        tags,
        summary: 'Open requests similar to a text being typed (residents: their community, number/title/status/category/place only)',
        querystring: similarQuery,
        response: { 200: similarListResponse },
      },
    },
    (req) => similarFor(app.deps, req.actor, req.query),
  );

  app.get(
    '/requests/:id/suggestions',
    {
      config: { policy: canSuggest },
      schema: { tags, summary: 'Predicted category, suggested handler and possible duplicates of a request', params: idParams, response: { 200: requestSuggestions } },
    },
    (req) => requestSuggestionsFor(app.deps, req.actor, req.params.id),
  );
};
