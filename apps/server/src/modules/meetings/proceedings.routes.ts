import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeVoteBody, deliberationMeetingDetail, idParams, motionBody, motionParams, namedVotesBody, speakerBody, speechParams } from '@gongzhi/shared';
import { canManageMeetings } from './meetings.policy.js';
import { addSpeaker, closeVote, moveSpeech, recordVotes, tableMotion } from './proceedings.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['meetings'];
const manage = { config: { policy: canManageMeetings } };
const response = { 200: deliberationMeetingDetail };

/** The chair's tools: speaking queue and timer, motions and votes. Each answers the whole meeting view. */
export function proceedingsRoutes(app: App): void {
  app.post(
    '/deliberation-meetings/:id/speeches',
    { ...manage, schema: { tags, summary: 'Queue a speaker (an invitee or a named person)', params: idParams, body: speakerBody, response } },
    (req) => addSpeaker(app.deps, req.ctx(), req.params.id, req.body),
  );
  for (const step of ['start', 'stop', 'withdraw'] as const) {
    app.post(
      `/deliberation-meetings/:id/speeches/:speechId/${step}`,
      { ...manage, schema: { tags, summary: `${step[0]!.toUpperCase()}${step.slice(1)} a speech (start refuses a turn over the limit)`, params: speechParams, response } },
      (req) => moveSpeech(app.deps, req.ctx(), req.params.id, req.params.speechId, step),
    );
  }
  app.post(
    '/deliberation-meetings/:id/motions',
    { ...manage, schema: { tags, summary: 'Table a motion (named or secret ballot), optionally deciding a topic or covenant version', params: idParams, body: motionBody, response } },
    (req) => tableMotion(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/deliberation-meetings/:id/motions/:motionId/votes',
    { ...manage, schema: { tags, summary: "Named ballot: record present invitees' choices", params: motionParams, body: namedVotesBody, response } },
    (req) => recordVotes(app.deps, req.ctx(), req.params.id, req.params.motionId, req.body),
  );
  app.post(
    '/deliberation-meetings/:id/motions/:motionId/close',
    { ...manage, schema: { tags, summary: "Close the vote: snapshot attendance, check quorum and majority (secret ballot: the tellers' counts)", params: motionParams, body: closeVoteBody, response } },
    (req) => closeVote(app.deps, req.ctx(), req.params.id, req.params.motionId, req.body),
  );
}
