import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  convertedRequest,
  convertToRequestBody,
  createMeetingBody,
  idParams,
  listMeetingsQuery,
  meetingDetail,
  meetingListResponse,
  meetingOpinionInput,
  meetingOpinionParams,
  updateMeetingBody,
} from '@gongzhi/shared';
import { convertOpinion } from './conversion.service.js';
import { addOpinion, createMeeting, listMeetingsFor, meetingDetail as detail, updateMeeting } from './meetings.service.js';
import { canRecordVisits, canViewVisits } from './visits.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['visits'];

export function meetingsRoutes(app: App): void {
  app.get(
    '/consultation-meetings',
    {
      config: { policy: canViewVisits },
      schema: { tags, summary: 'Consultation meetings in your scope, latest first', querystring: listMeetingsQuery, response: { 200: meetingListResponse } },
    },
    (req) => listMeetingsFor(app.deps, req.actor, req.query),
  );

  app.post(
    '/consultation-meetings',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Record a meeting with its attendees and opinions', body: createMeetingBody, response: { 201: meetingDetail } },
    },
    async (req, reply) => reply.status(201).send(await createMeeting(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/consultation-meetings/:id',
    {
      config: { policy: canViewVisits },
      schema: { tags, summary: 'A meeting with attendees and opinions (and the requests they became)', params: idParams, response: { 200: meetingDetail } },
    },
    (req) => detail(app.deps, req.actor, req.params.id),
  );

  app.patch(
    '/consultation-meetings/:id',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Change a meeting; attendees, when given, replace the list', params: idParams, body: updateMeetingBody, response: { 200: meetingDetail } },
    },
    (req) => updateMeeting(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/consultation-meetings/:id/opinions',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Add an opinion heard at the meeting', params: idParams, body: meetingOpinionInput, response: { 201: meetingDetail } },
    },
    async (req, reply) => reply.status(201).send(await addOpinion(app.deps, req.ctx(), req.params.id, req.body)),
  );

  app.post(
    '/consultation-meetings/:id/opinions/:opinionId/request',
    {
      config: { policy: canRecordVisits },
      schema: { tags, summary: 'Turn an opinion into a request (channel meeting), once', params: meetingOpinionParams, body: convertToRequestBody, response: { 201: convertedRequest } },
    },
    async (req, reply) => reply.status(201).send(await convertOpinion(app.deps, req.ctx(), req.params.id, req.params.opinionId, req.body)),
  );
}
