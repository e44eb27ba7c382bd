import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createDeliberationMeetingBody,
  deliberationMeetingDetail,
  deliberationMeetingList,
  idParams,
  listDeliberationMeetingsQuery,
  meetingRuleBody,
  meetingRuleParams,
  meetingRulesList,
  meetingRulesQuery,
  minutesBody,
  updateDeliberationMeetingBody,
} from '@gongzhi/shared';
import { attachment } from '../transfer/export.service.js';
import { attendanceRoutes } from './attendance.routes.js';
import { canManageMeetings, canViewMeetings } from './meetings.policy.js';
import { createMeeting, listMeetings, listRules, meetingDetail, moveMeeting, notifyMeeting, putRule, saveMinutes, updateMeeting } from './meetings.service.js';
import { minutesPdf } from './minutes-pdf.js';
import { proceedingsRoutes } from './proceedings.routes.js';

const tags = ['meetings'];
const view = { config: { policy: canViewMeetings } };
const manage = { config: { policy: canManageMeetings } };

/** Formal meetings of a community (居民会议, 居民代表会议, 议事会, 联席会议): notice, sign-in, quorum, votes, minutes. */
export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/deliberation-meetings',
    { ...view, schema: { tags, summary: 'Meetings of your communities, latest first (drafts only where you run meetings)', querystring: listDeliberationMeetingsQuery, response: { 200: deliberationMeetingList } } },
    (req) => listMeetings(app.deps, req.actor, req.query),
  );
  app.post(
    '/deliberation-meetings',
    { ...manage, schema: { tags, summary: 'Draft a meeting: notice, agenda, and the invitee list drawn from the registers', body: createDeliberationMeetingBody, response: { 201: deliberationMeetingDetail } } },
    async (req, reply) => reply.status(201).send(await createMeeting(app.deps, req.ctx(), req.body)),
  );
  app.get(
    '/deliberation-meetings/:id',
    { ...view, schema: { tags, summary: 'A meeting with agenda, live attendance and quorum, speakers and motions', params: idParams, response: { 200: deliberationMeetingDetail } } },
    (req) => meetingDetail(app.deps, req.actor, req.params.id),
  );
  app.patch(
    '/deliberation-meetings/:id',
    { ...manage, schema: { tags, summary: 'Change the notice until the meeting opens; the agenda, when given, replaces the list', params: idParams, body: updateDeliberationMeetingBody, response: { 200: deliberationMeetingDetail } } },
    (req) => updateMeeting(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/deliberation-meetings/:id/notify',
    { ...manage, schema: { tags, summary: 'Publish the notice: fixes the rules and messages every invitee with an account', params: idParams, response: { 200: deliberationMeetingDetail } } },
    (req) => notifyMeeting(app.deps, req.ctx(), req.params.id),
  );
  app.post(
    '/deliberation-meetings/:id/open',
    { ...manage, schema: { tags, summary: 'Open the session', params: idParams, response: { 200: deliberationMeetingDetail } } },
    (req) => moveMeeting(app.deps, req.ctx(), req.params.id, 'open'),
  );
  app.post(
    '/deliberation-meetings/:id/close',
    { ...manage, schema: { tags, summary: 'Close the session (no vote may be open)', params: idParams, response: { 200: deliberationMeetingDetail } } },
    (req) => moveMeeting(app.deps, req.ctx(), req.params.id, 'close'),
  );
  app.put(
    '/deliberation-meetings/:id/minutes',
    { ...manage, schema: { tags, summary: "The recorder's summary and decisions", params: idParams, body: minutesBody, response: { 200: deliberationMeetingDetail } } },
    (req) => saveMinutes(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/deliberation-meetings/:id/minutes.pdf',
    { ...manage, schema: { tags, summary: 'The minutes as a PDF (Chinese)', params: idParams } },
    async (req, reply) => {
      const file = await minutesPdf(app.deps, req.actor, req.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(file)).send(Buffer.from(file.bytes));
    },
  );
  app.get(
    '/meeting-rules',
    { ...manage, schema: { tags, summary: "Quorum and majority per meeting kind in a community (the law's more than half unless changed)", querystring: meetingRulesQuery, response: { 200: meetingRulesList } } },
    (req) => listRules(app.deps, req.actor, req.query.communityId),
  );
  app.put(
    '/meeting-rules/:kind',
    { ...manage, schema: { tags, summary: 'Set the quorum and majority of a meeting kind for a community', params: meetingRuleParams, body: meetingRuleBody, response: { 200: meetingRulesList } } },
    (req) => putRule(app.deps, req.ctx(), req.params.kind, req.body),
  );
  attendanceRoutes(app);
  proceedingsRoutes(app);
};
