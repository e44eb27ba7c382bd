import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  classifierJobListResponse,
  classifierJobView,
  classifierModelListResponse,
  classifierModelView,
  idParams,
  listClassifierJobsQuery,
  listClassifierModelsQuery,
  retrainBody,
} from '@gongzhi/shared';
import { activateModelFor, getJobFor, listJobsFor, listModelsFor, retrainFor } from './retrain.service.js';
import { canManageTriage } from './triage.policy.js';

const tags = ['triage'];

/** Retraining the community's classifier (a background job) and choosing the active model. */
export const classifierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/classifier/retrain',
    {
      config: { policy: canManageTriage },
      schema: {
        tags,
        summary:
          "Queue a retraining on the community's labelled requests (cross-validated, then made active) and answer 202 with the job; " +
          'while one is queued or running, 200 with that one',
        body: retrainBody.nullish(),
        response: { 200: classifierJobView, 202: classifierJobView },
      },
    },
    async (req, reply) => {
      const { job, created } = await retrainFor(app.deps, req.ctx(), req.body?.communityId);
      return reply.status(created ? 202 : 200).send(job);
    },
  );

  app.get(
    '/classifier/jobs',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: "The community's latest retraining jobs, newest first", querystring: listClassifierJobsQuery, response: { 200: classifierJobListResponse } },
    },
    (req) => listJobsFor(app.deps, req.actor, req.query),
  );

  app.get(
    '/classifier/jobs/:id',
    {
      config: { policy: canManageTriage },
      schema: { tags, summary: 'A retraining job: status, phase (cross-validation fold k of n), then its model or its error', params: idParams, response: { 200: classifierJobView } },
    },
    (req) => getJobFor(app.deps, req.actor, req.params.id),
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
