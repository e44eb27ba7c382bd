import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addVoterBody,
  advanceElectionBody,
  answerObjectionBody,
  ballotBoxList,
  batchBody,
  batchList,
  batchView,
  buildResult,
  candidateBody,
  candidateList,
  candidateView,
  createElectionBody,
  electionDetail,
  electionList,
  electionTally,
  idParams,
  idSchema,
  objectionList,
  objectionView,
  paperBallotBody,
  paperRollBody,
  proxyBody,
  proxyList,
  proxyView,
  recordTermsBody,
  removeVoterBody,
  representativeBody,
  rollEntryView,
  termsResult,
  voterList,
  voterListQuery,
  voterView,
} from '@gongzhi/shared';
import { canManageElections, canViewElections } from './elections.policy.js';
import { advancePhase, createElection, electionDetail as detail, listElections, tellerOptions } from './elections.service.js';
import { addCandidate, listCandidates, listProxies, recordProxy } from './candidates.service.js';
import { issuePaperBallot } from './ballots.service.js';
import { ballotBox, enterPaperBallot, listBatches, openBatch, publishResult, recordTerms, tally } from './count.service.js';
import { answerObjection, listObjections } from './objections.service.js';
import { addVoter, buildRegister, listVoters, removeVoterById, setRepresentative } from './voters.service.js';
import { electionPublicRoutes } from './public.routes.js';

const tags = ['elections'];
const view = { policy: canViewElections };
const manage = { policy: canManageElections };
const listQuery = z.object({ communityId: idSchema.optional() });
const voterParams = z.object({ id: idSchema, voterId: idSchema });
const objectionParams = z.object({ id: idSchema, objectionId: idSchema });
const batchParams = z.object({ id: idSchema, batchId: idSchema });

/** Elections of a residents' committee, run by the election committee's office; plus the resident and public routes. */
export const electionsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(electionPublicRoutes);
  const d = () => app.deps;
  app.get(
    '/elections/tellers',
    { config: manage, schema: { tags, summary: "Staff accounts that may be a community's tellers", querystring: z.object({ communityId: idSchema }), response: { 200: z.object({ items: z.array(z.object({ userId: z.string(), displayName: z.string() })) }) } } },
    (req) => tellerOptions(d(), req.actor, req.query.communityId),
  );
  app.get('/elections', { config: view, schema: { tags, summary: 'Elections within my communities', querystring: listQuery, response: { 200: electionList } } }, (req) => listElections(d(), req.actor, req.query.communityId));
  app.post('/elections', { config: manage, schema: { tags, summary: 'Prepare an election: seats, voting unit, dates, its committee and tellers', body: createElectionBody, response: { 201: electionDetail } } }, async (req, reply) =>
    reply.status(201).send(await createElection(d(), req.ctx(), req.body)),
  );
  app.get('/elections/:id', { config: view, schema: { tags, summary: 'An election with its committee, tellers and counts', params: idParams, response: { 200: electionDetail } } }, (req) => detail(d(), req.actor, req.params.id));
  app.post('/elections/:id/phase', { config: manage, schema: { tags, summary: 'Move to the next phase (dated steps checked)', params: idParams, body: advanceElectionBody, response: { 200: electionDetail } } }, (req) =>
    advancePhase(d(), req.ctx(), req.params.id, req.body.to),
  );
  app.get('/elections/:id/voters', { config: view, schema: { tags, summary: 'The voter register, with who has voted', params: idParams, querystring: voterListQuery, response: { 200: voterList } } }, (req) => listVoters(d(), req.actor, req.params.id, req.query));
  app.post('/elections/:id/voters/build', { config: manage, schema: { tags, summary: 'Register the adults of the resident register (户籍 here, 18 on election day)', params: idParams, response: { 200: buildResult } } }, (req) =>
    buildRegister(d(), req.ctx(), req.params.id),
  );
  app.post('/elections/:id/voters', { config: manage, schema: { tags, summary: 'Register a resident registered elsewhere (on application) or a community worker', params: idParams, body: addVoterBody, response: { 201: voterView } } }, async (req, reply) =>
    reply.status(201).send(await addVoter(d(), req.ctx(), req.params.id, req.body)),
  );
  app.post('/elections/:id/voters/:voterId/remove', { config: manage, schema: { tags, summary: 'Remove a voter with a reason', params: voterParams, body: removeVoterBody, response: { 200: voterView } } }, (req) =>
    removeVoterById(d(), req.ctx(), req.params.id, req.params.voterId, req.body.reason),
  );
  app.post('/elections/:id/representative', { config: manage, schema: { tags, summary: "Name a household's representative (household mode)", params: idParams, body: representativeBody, response: { 200: voterView } } }, (req) =>
    setRepresentative(d(), req.ctx(), req.params.id, req.body.voterId),
  );
  app.get('/elections/:id/objections', { config: view, schema: { tags, summary: 'Objections to the voter list', params: idParams, response: { 200: objectionList } } }, (req) => listObjections(d(), req.actor, req.params.id));
  app.post('/elections/:id/objections/:objectionId/answer', { config: manage, schema: { tags, summary: 'Accept (the list changes) or reject (with the reason) an objection', params: objectionParams, body: answerObjectionBody, response: { 200: objectionView } } }, (req) =>
    answerObjection(d(), req.ctx(), req.params.id, req.params.objectionId, req.body),
  );
  app.get('/elections/:id/candidates', { config: view, schema: { tags, summary: 'Candidates per post', params: idParams, response: { 200: candidateList } } }, (req) => listCandidates(d(), req.actor, req.params.id));
  app.post('/elections/:id/candidates', { config: manage, schema: { tags, summary: 'Add a candidate (a registered voter) for a post', params: idParams, body: candidateBody, response: { 201: candidateView } } }, async (req, reply) =>
    reply.status(201).send(await addCandidate(d(), req.ctx(), req.params.id, req.body)),
  );
  app.get('/elections/:id/proxies', { config: view, schema: { tags, summary: 'Written proxies', params: idParams, response: { 200: proxyList } } }, (req) => listProxies(d(), req.actor, req.params.id));
  app.post('/elections/:id/proxies', { config: manage, schema: { tags, summary: 'Record a written proxy (at most three per holder)', params: idParams, body: proxyBody, response: { 201: proxyView } } }, async (req, reply) =>
    reply.status(201).send(await recordProxy(d(), req.ctx(), req.params.id, req.body)),
  );
  app.post('/elections/:id/roll', { config: manage, schema: { tags, summary: 'At the polling station: the voter signs the roll and takes a paper ballot', params: idParams, body: paperRollBody, response: { 201: rollEntryView } } }, async (req, reply) =>
    reply.status(201).send(await issuePaperBallot(d(), req.ctx(), req.params.id, req.body)),
  );
  app.get('/elections/:id/batches', { config: view, schema: { tags, summary: "Tellers' paper batches", params: idParams, response: { 200: batchList } } }, (req) => listBatches(d(), req.actor, req.params.id));
  app.post('/elections/:id/batches', { config: manage, schema: { tags, summary: 'A teller opens a batch of paper ballots', params: idParams, body: batchBody, response: { 201: batchView } } }, async (req, reply) =>
    reply.status(201).send(await openBatch(d(), req.ctx(), req.params.id, req.body)),
  );
  app.post('/elections/:id/batches/:batchId/ballots', { config: manage, schema: { tags, summary: 'A teller enters one paper ballot', params: batchParams, body: paperBallotBody, response: { 201: batchView } } }, async (req, reply) =>
    reply.status(201).send(await enterPaperBallot(d(), req.ctx(), req.params.id, req.params.batchId, req.body)),
  );
  app.get('/elections/:id/ballots', { config: view, schema: { tags, summary: 'The ballot box after voting: random ids and marks, no voter', params: idParams, response: { 200: ballotBoxList } } }, (req) => ballotBox(d(), req.actor, req.params.id));
  app.get('/elections/:id/tally', { config: view, schema: { tags, summary: 'The count as it stands', params: idParams, response: { 200: electionTally } } }, (req) => tally(d(), req.actor, req.params.id));
  app.post('/elections/:id/publish', { config: manage, schema: { tags, summary: 'Publish the result (all batches entered)', params: idParams, response: { 200: electionTally } } }, (req) => publishResult(d(), req.ctx(), req.params.id));
  app.post('/elections/:id/terms', { config: manage, schema: { tags, summary: "Record the elected's terms in the residents' committee", params: idParams, body: recordTermsBody, response: { 200: termsResult } } }, (req) =>
    recordTerms(d(), req.ctx(), req.params.id, req.body.organisationId),
  );
};
