import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  listReviewsQuery,
  myReviewList,
  myReviewReceipt,
  myReviewView,
  paperReviewFormBody,
  publicReviewList,
  publishReviewBody,
  reviewFormBody,
  reviewRepresentativeList,
  reviewResults,
  reviewRoundBody,
  reviewRoundList,
  reviewRoundView,
} from '@gongzhi/shared';
import { enterPaperForm, myReview, myReviews, representativeList, submitMyForm } from './forms.service.js';
import { canManageReviews, canRateReviews, canReadPublishedReviews, canViewReviews } from './reviews.policy.js';
import { closeRound, createRound, listRoundsFor, openRound, publishRound, roundDetail, updateRound } from './reviews.service.js';
import { publicResults, publicRoundsOf, staffResults } from './results.service.js';

const tags = ['reviews'];
const viewer = { policy: canViewReviews };
const manager = { policy: canManageReviews };
const rater = { policy: canRateReviews };
const open = { policy: canReadPublishedReviews };
const one = { 200: reviewRoundView };

/** Democratic review (民主评议): rounds, representatives' secret forms, results with the two-round flag, publication. */
export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reviews', { config: viewer, schema: { tags, summary: 'Review rounds of your communities, newest first', querystring: listReviewsQuery, response: { 200: reviewRoundList } } }, (req) =>
    listRoundsFor(app.deps, req.actor, req.query),
  );
  app.post(
    '/reviews',
    { config: manager, schema: { tags, summary: "A draft round: the committee's current members and the named services", body: reviewRoundBody, response: { 201: reviewRoundView } } },
    async (req, reply) => reply.status(201).send(await createRound(app.deps, req.ctx(), req.body)),
  );
  app.get('/reviews/:id', { config: viewer, schema: { tags, summary: 'A round with its subjects and turnout', params: idParams, response: one } }, (req) =>
    roundDetail(app.deps, req.actor, req.params.id),
  );
  app.put('/reviews/:id', { config: manager, schema: { tags, summary: 'Edit a draft round (members taken again from current posts)', params: idParams, body: reviewRoundBody, response: one } }, (req) =>
    updateRound(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/reviews/:id/open', { config: manager, schema: { tags, summary: 'Open the round to representatives', params: idParams, response: one } }, (req) =>
    openRound(app.deps, req.ctx(), req.params.id),
  );
  app.post('/reviews/:id/close', { config: manager, schema: { tags, summary: 'Close the round; the representatives are counted for the turnout', params: idParams, response: one } }, (req) =>
    closeRound(app.deps, req.ctx(), req.params.id),
  );
  app.post(
    '/reviews/:id/publish',
    { config: manager, schema: { tags, summary: 'Publish a closed round on the portal, with or without its masked comments', params: idParams, body: publishReviewBody, response: one } },
    (req) => publishRound(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.get('/reviews/:id/results', { config: viewer, schema: { tags, summary: 'Counts, shares, result and flag per subject; masked comments', params: idParams, response: { 200: reviewResults } } }, (req) =>
    staffResults(app.deps, req.actor, req.params.id),
  );
  app.get(
    '/reviews/:id/representatives',
    { config: manager, schema: { tags, summary: 'Current representatives and whether each returned a form (the roll only)', params: idParams, response: { 200: reviewRepresentativeList } } },
    (req) => representativeList(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/reviews/:id/paper-forms',
    { config: manager, schema: { tags, summary: "Enter a representative's paper form", params: idParams, body: paperReviewFormBody, response: { 201: myReviewReceipt } } },
    async (req, reply) => reply.status(201).send(await enterPaperForm(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.get('/my-reviews', { config: rater, schema: { tags, summary: 'Rounds I am asked to rate as a representative', response: { 200: myReviewList } } }, (req) => myReviews(app.deps, req.actor));
  app.get('/my-reviews/:id', { config: rater, schema: { tags, summary: 'A round and its form, for a representative', params: idParams, response: { 200: myReviewView } } }, (req) =>
    myReview(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/my-reviews/:id/form',
    { config: rater, schema: { tags, summary: 'Return my form (once); the ratings are stored without my name', params: idParams, body: reviewFormBody, response: { 201: myReviewReceipt } } },
    async (req, reply) => reply.status(201).send(await submitMyForm(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.get('/public/communities/:id/reviews', { config: open, schema: { tags, summary: "A community's published review rounds (no login)", params: idParams, response: { 200: publicReviewList } } }, (req) =>
    publicRoundsOf(app.deps, req.params.id),
  );
  app.get('/public/reviews/:id', { config: open, schema: { tags, summary: 'The published results of a round (no login; names masked)', params: idParams, response: { 200: reviewResults } } }, (req) =>
    publicResults(app.deps, req.params.id),
  );
};
