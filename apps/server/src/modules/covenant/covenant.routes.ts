import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  advancePhaseBody,
  articleDiffResponse,
  covenantListResponse,
  covenantPhaseParams,
  covenantVersionParams,
  covenantView,
  createCovenantBody,
  createVersionBody,
  diffQuery,
  filingBody,
  idParams,
  listCovenantsQuery,
  publicCommunityCovenantsParams,
  publicCovenantList,
  publicCovenantView,
  reviewBody,
  updateCovenantBody,
  updatePhaseBody,
  versionView,
} from '@gongzhi/shared';
import { consultationRoutes } from './consultation.routes.js';
import { canManageCovenants, canReadPublicCovenants, canViewCovenants } from './covenant.policy.js';
import { advanceCovenant, createCovenant, getCovenant, listCovenantsFor, publishCovenant, renameCovenant, updatePhasePlan } from './covenant.service.js';
import { publicCovenant, publicCovenantsOf } from './public.service.js';
import { fileCovenant, reviewCovenant } from './review.service.js';
import { createVersion, diffVersions, getVersion } from './versions.service.js';

const tags = ['covenants'];
const viewer = { policy: canViewCovenants };
const manager = { policy: canManageCovenants };
const one = { 200: covenantView };

/** The residents' covenant (居民公约): process, phases, versions, review, filing, publication. */
export const covenantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/covenants', { config: viewer, schema: { tags, summary: 'Covenants of your communities, newest first', querystring: listCovenantsQuery, response: { 200: covenantListResponse } } }, (req) =>
    listCovenantsFor(app.deps, req.actor, req.query.communityId),
  );
  app.post('/covenants', { config: manager, schema: { tags, summary: 'Start a covenant: opinion collection opens', body: createCovenantBody, response: { 201: covenantView } } }, async (req, reply) =>
    reply.status(201).send(await createCovenant(app.deps, req.ctx(), req.body)),
  );
  app.get('/covenants/:id', { config: viewer, schema: { tags, summary: 'A covenant with its phases, versions, reviews, votes and what you may do', params: idParams, response: one } }, (req) =>
    getCovenant(app.deps, req.actor, req.params.id),
  );
  app.patch('/covenants/:id', { config: manager, schema: { tags, summary: 'Rename', params: idParams, body: updateCovenantBody, response: one } }, (req) =>
    renameCovenant(app.deps, req.ctx(), req.params.id, req.body.title),
  );
  app.put('/covenants/:id/phases/:phase', { config: manager, schema: { tags, summary: "A phase's planned dates and who may act in it", params: covenantPhaseParams, body: updatePhaseBody, response: one } }, (req) =>
    updatePhasePlan(app.deps, req.ctx(), req.params.id, req.params.phase, req.body),
  );
  app.post('/covenants/:id/advance', { config: manager, schema: { tags, summary: 'Move on to the next phase when its conditions hold', params: idParams, body: advancePhaseBody, response: one } }, (req) =>
    advanceCovenant(app.deps, req.ctx(), req.params.id, req.body.to),
  );
  app.post(
    '/covenants/:id/versions',
    { config: manager, schema: { tags, summary: 'A new version from Markdown, split into articles (drafting or revision)', params: idParams, body: createVersionBody, response: { 201: versionView } } },
    async (req, reply) => reply.status(201).send(await createVersion(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.get('/covenants/:id/versions/:versionId', { config: viewer, schema: { tags, summary: 'A version with its articles, counts and your stance', params: covenantVersionParams, response: { 200: versionView } } }, (req) =>
    getVersion(app.deps, req.actor, req.params.id, req.params.versionId),
  );
  app.get('/covenants/:id/diff', { config: viewer, schema: { tags, summary: 'What changed between two versions, article by article', params: idParams, querystring: diffQuery, response: { 200: articleDiffResponse } } }, (req) =>
    diffVersions(app.deps, req.actor, req.params.id, req.query.from, req.query.to),
  );
  app.post('/covenants/:id/reviews', { config: viewer, schema: { tags, summary: "Legality review (the phase's review groups): approve or return", params: idParams, body: reviewBody, response: one } }, (req) =>
    reviewCovenant(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/covenants/:id/filing', { config: viewer, schema: { tags, summary: 'Record the filing with the subdistrict', params: idParams, body: filingBody, response: one } }, (req) =>
    fileCovenant(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/covenants/:id/publish', { config: manager, schema: { tags, summary: 'Publish the adopted covenant; household pledges open', params: idParams, response: one } }, (req) =>
    publishCovenant(app.deps, req.ctx(), req.params.id),
  );
  await app.register(consultationRoutes);

  const open = { policy: canReadPublicCovenants };
  app.get('/public/covenants/:id', { config: open, schema: { tags, summary: 'A published covenant (no login)', params: idParams, response: { 200: publicCovenantView } } }, (req) =>
    publicCovenant(app.deps, req.params.id),
  );
  app.get(
    '/public/communities/:communityId/covenants',
    { config: open, schema: { tags, summary: "A community's published covenants (no login)", params: publicCommunityCovenantsParams, response: { 200: publicCovenantList } } },
    (req) => publicCovenantsOf(app.deps, req.params.communityId),
  );
};
