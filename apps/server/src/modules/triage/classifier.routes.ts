import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { classifierModelListResponse, classifierModelView, idParams, listClassifierModelsQuery, retrainBody } from '@gongzhi/shared';
import { activateModelFor, listModelsFor, retrainFor } from './retrain.service.js';
import { canManageTriage } from './triage.policy.js';

const tags = ['triage'];

/** Retraining the community's classifier and choosing the active model. */
export const classifierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/classifier/retrain',
    {
      config: { policy: canManageTriage },
      schema: {
        tags,
        summary: "Train a model on the community's labelled requests, cross-validate it and make it active",
        body: retrainBody.nullish(),
        response: { 201: classifierModelView },
      },
    },
    async (req, reply) => reply.status(201).send(await retrainFor(app.deps, req.ctx(), req.body?.communityId)),
  );

  app.get(
    '/classifier/models',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: "The community's trained models, newest first, with their cross-validated metrics", querystring: listClassifierModelsQuery, response: { 200: classifierModelListResponse } },
    },
    (req) => listModelsFor(app.deps, req.actor, req.query.communityId),
  );

  app.post(
    '/classifier/models/:id/activate',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: 'Make a stored model the one new requests are classified with', params: idParams, response: { 200: classifierModelView } },
    },
    (req) => activateModelFor(app.deps, req.ctx(), req.params.id),
  );
};
