import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addInviteeBody,
  deskSignInBody,
  idParams,
  inviteeList,
  inviteeParams,
  inviteesQuery,
  inviteeView,
  myInvitationView,
  myMeetingsList,
  okResponse,
  selfSignInBody,
} from '@gongzhi/shared';
import { addInvitee, deskSignIn, listInvitees, removeInvitee, undoSignIn } from './invitees.service.js';
import { canManageMeetings, canViewMeetings } from './meetings.policy.js';
import { myInvitation, myMeetings, selfSignIn, signInQr } from './sign-in.service.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['meetings'];
const view = { config: { policy: canViewMeetings } };
const manage = { config: { policy: canManageMeetings } };

/** The invitee list, the sign-in desk, the QR code, and signing in on one's own phone. */
export function attendanceRoutes(app: App): void {
  app.get(
    '/deliberation-meetings/:id/invitees',
    { ...manage, schema: { tags, summary: 'Invitees, searchable by name or unit, filterable by presence', params: idParams, querystring: inviteesQuery, response: { 200: inviteeList } } },
    (req) => listInvitees(app.deps, req.actor, req.params.id, req.query),
  );
  app.post(
    '/deliberation-meetings/:id/invitees',
    { ...manage, schema: { tags, summary: 'Add a resident, post, organisation or named guest before the meeting opens', params: idParams, body: addInviteeBody, response: { 201: inviteeView } } },
    async (req, reply) => reply.status(201).send(await addInvitee(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.delete(
    '/deliberation-meetings/:id/invitees/:inviteeId',
    { ...manage, schema: { tags, summary: 'Take an invitee off the list before the meeting opens', params: inviteeParams, response: { 200: okResponse } } },
    (req) => removeInvitee(app.deps, req.ctx(), req.params.id, req.params.inviteeId),
  );
  app.post(
    '/deliberation-meetings/:id/invitees/:inviteeId/sign-in',
    { ...manage, schema: { tags, summary: 'Tick an invitee present at the desk (a household may send a written proxy)', params: inviteeParams, body: deskSignInBody, response: { 200: inviteeView } } },
    (req) => deskSignIn(app.deps, req.ctx(), req.params.id, req.params.inviteeId, req.body),
  );
  app.post(
    '/deliberation-meetings/:id/invitees/:inviteeId/sign-out',
    { ...manage, schema: { tags, summary: 'Undo a tick made by mistake', params: inviteeParams, response: { 200: inviteeView } } },
    (req) => undoSignIn(app.deps, req.ctx(), req.params.id, req.params.inviteeId),
  );
  app.get(
    '/deliberation-meetings/:id/sign-in-qr',
    { ...manage, schema: { tags, summary: 'The sign-in QR code (PNG) to project in the room', params: idParams } },
    async (req, reply) => reply.header('content-type', 'image/png').header('cache-control', 'no-store').send(await signInQr(app.deps, req.actor, req.params.id)),
  );
  app.post(
    '/deliberation-meetings/:id/sign-in',
    { ...view, schema: { tags, summary: "Sign oneself in with the room's QR token", params: idParams, body: selfSignInBody, response: { 200: myInvitationView } } },
    (req) => selfSignIn(app.deps, req.ctx(), req.params.id, req.body.token),
  );
  app.get(
    '/deliberation-meetings/:id/my-invitation',
    { ...view, schema: { tags, summary: 'The meeting as a resident sees it: whether they are invited and signed in', params: idParams, response: { 200: myInvitationView } } },
    (req) => myInvitation(app.deps, req.actor, req.params.id),
  );
  app.get(
    '/my-meetings',
    { ...view, schema: { tags, summary: 'Notices of meetings you are invited to', response: { 200: myMeetingsList } } },
    (req) => myMeetings(app.deps, req.actor),
  );
}
