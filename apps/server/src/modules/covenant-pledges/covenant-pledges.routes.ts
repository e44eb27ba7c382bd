import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  coverageQuery,
  coverageResponse,
  idParams,
  idSchema,
  listPledgesQuery,
  myPledgeView,
  nominationBody,
  nominationList,
  nominationView,
  paperPledgeBody,
  pledgeHouseholdOptions,
  pledgeHouseholdSearchQuery,
  pledgePage,
  pledgeView,
  posterQuery,
  revokePledgeBody,
  signPledgeBody,
  unreachedPage,
  unreachedQuery,
} from '@gongzhi/shared';
import { canNominate, canOpenPledges, canReadPoster, canRecordPledges, canViewPledges } from './covenant-pledges.policy.js';
import { listPledges, myPledge, recordPaper, revokePledge, signOnline } from './covenant-pledges.service.js';
import { coverage, searchHouseholds, unreached } from './coverage.service.js';
import { listNominations, nominate } from './nominations.service.js';
import { covenantPoster } from './poster.service.js';

const tags = ['covenant-pledges'];
const pledgeParams = z.object({ id: idSchema, pledgeId: idSchema });

/** Options for tests and operators: where the poster's font lives. */
export interface PledgeRouteOptions {
  posterFontPath?: string;
}

/** Household pledges to a covenant, coverage, exemplary-household nominations, and the printable poster. */
export const covenantPledgesRoutes: FastifyPluginAsyncZod<PledgeRouteOptions> = async (app, opts) => {
  app.get(
    '/covenants/:id/pledges/mine',
    { config: { policy: canOpenPledges }, schema: { tags, summary: 'My household, its pledge, and whether I may sign now (and why not)', params: idParams, response: { 200: myPledgeView } } },
    (req) => myPledge(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/covenants/:id/pledges/mine',
    {
      config: { policy: canOpenPledges },
      schema: { tags, summary: 'Sign the pledge online for my own household (pledging phase, `pledge` groups)', params: idParams, body: signPledgeBody, response: { 201: pledgeView } },
    },
    async (req, reply) => reply.status(201).send(await signOnline(app.deps, req.ctx(), req.params.id)),
  );
  app.post(
    '/covenants/:id/pledges',
    {
      config: { policy: canRecordPledges },
      schema: { tags, summary: 'Record a signed paper form (with a photo) for a household within my places', params: idParams, body: paperPledgeBody, response: { 201: pledgeView } },
    },
    async (req, reply) => reply.status(201).send(await recordPaper(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/covenants/:id/pledges/:pledgeId/revoke',
    { config: { policy: canRecordPledges }, schema: { tags, summary: 'Revoke a pledge recorded by mistake, with a reason (never deleted)', params: pledgeParams, body: revokePledgeBody, response: { 200: pledgeView } } },
    (req) => revokePledge(app.deps, req.ctx(), req.params.id, req.params.pledgeId, req.body.reason),
  );
  app.get(
    '/covenants/:id/pledges',
    { config: { policy: canViewPledges }, schema: { tags, summary: 'Pledges within my places, newest first', params: idParams, querystring: listPledgesQuery, response: { 200: pledgePage } } },
    (req) => listPledges(app.deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/covenants/:id/pledge-households',
    {
      config: { policy: canRecordPledges },
      schema: { tags, summary: 'Households within my places by householder or place name, for the paper-pledge form', params: idParams, querystring: pledgeHouseholdSearchQuery, response: { 200: pledgeHouseholdOptions } },
    },
    (req) => searchHouseholds(app.deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/covenants/:id/coverage',
    { config: { policy: canViewPledges }, schema: { tags, summary: 'Per building or grid: active households, standing pledges and the rate', params: idParams, querystring: coverageQuery, response: { 200: coverageResponse } } },
    (req) => coverage(app.deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/covenants/:id/coverage/unreached',
    { config: { policy: canViewPledges }, schema: { tags, summary: 'Active households without a standing pledge, in register order', params: idParams, querystring: unreachedQuery, response: { 200: unreachedPage } } },
    (req) => unreached(app.deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/covenants/:id/nominations',
    { config: { policy: canViewPledges }, schema: { tags, summary: 'Exemplary-household nominations within my places', params: idParams, response: { 200: nominationList } } },
    (req) => listNominations(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/covenants/:id/nominations',
    {
      config: { policy: canNominate },
      schema: { tags, summary: 'Nominate a household that pledged as exemplary (emits covenant.exemplary_household_nominated)', params: idParams, body: nominationBody, response: { 201: nominationView } },
    },
    async (req, reply) => reply.status(201).send(await nominate(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.get(
    '/public/covenants/:id/poster.pdf',
    { config: { policy: canReadPoster }, schema: { tags, summary: 'The printable poster of a published covenant (no login), A3 or A4, with a QR code', params: idParams, querystring: posterQuery } },
    async (req, reply) => {
      const poster = await covenantPoster(app.deps, req.params.id, req.query, { fontPath: opts.posterFontPath });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="covenant-${req.query.size}.pdf"; filename*=UTF-8''${encodeURIComponent(poster.fileName)}`)
        .header('cache-control', 'public, max-age=300')
        .send(Buffer.from(poster.bytes));
    },
  );
};
