import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ballotReceipt, electionList, idParams, myElectionView, objectionBody, objectionView, onlineBallotBody, publicElectionView, publicVoterList } from '@gongzhi/shared';
import { canReadPublic, canTakePart } from './elections.policy.js';
import { castOnline, myElection, myElections } from './ballots.service.js';
import { fileObjection } from './objections.service.js';
import { publicElection, publicElections, publicVoterList as voterListOf } from './public.service.js';

const tags = ['elections'];
const takePart = { policy: canTakePart };
const open = { policy: canReadPublic };

/** The resident's side (registration, objection, vote) and the public notice and tally. */
export const electionPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const d = () => app.deps;
  app.get('/my/elections', { config: takePart, schema: { tags, summary: 'Elections of my communities with a posted voter list', response: { 200: electionList } } }, (req) => myElections(d(), req.actor));
  app.get('/my/elections/:id', { config: takePart, schema: { tags, summary: 'My registration, whether my household has voted, and the ballot', params: idParams, response: { 200: myElectionView } } }, (req) =>
    myElection(d(), req.actor, req.params.id),
  );
  app.post('/my/elections/:id/ballot', { config: takePart, schema: { tags, summary: 'Cast my ballot online (or one I hold a written proxy for); answers no ballot id', params: idParams, body: onlineBallotBody, response: { 201: ballotReceipt } } }, async (req, reply) =>
    reply.status(201).send(await castOnline(d(), req.ctx(), req.params.id, req.body)),
  );
  app.post('/my/elections/:id/objections', { config: takePart, schema: { tags, summary: 'Object to the posted voter list', params: idParams, body: objectionBody, response: { 201: objectionView } } }, async (req, reply) =>
    reply.status(201).send(await fileObjection(d(), req.ctx(), req.params.id, req.body)),
  );
  app.get('/public/communities/:id/elections', { config: open, schema: { tags, summary: "A community's elections (no login)", params: idParams, response: { 200: electionList } } }, (req) => publicElections(d(), req.params.id));
  app.get('/public/elections/:id', { config: open, schema: { tags, summary: 'The election notice, candidates and published tally, names masked (no login)', params: idParams, response: { 200: publicElectionView } } }, (req) =>
    publicElection(d(), req.params.id),
  );
  app.get('/public/elections/:id/voter-list', { config: open, schema: { tags, summary: 'The posted voter list by building, names masked (no login)', params: idParams, response: { 200: publicVoterList } } }, (req) =>
    voterListOf(d(), req.params.id),
  );
};
