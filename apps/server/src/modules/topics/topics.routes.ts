import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addTopicTaskBody,
  agendaTopicBody,
  answerQuestionBody,
  completeTopicTaskBody,
  declineTopicBody,
  idParams,
  listTopicsQuery,
  proposeTopicBody,
  recordDecisionBody,
  reportBackBody,
  topicComment,
  topicCommentBody,
  topicCommentListResponse,
  topicCommentParams,
  topicCommentsQuery,
  topicDetail,
  topicListResponse,
  topicPermissionsBody,
  topicTaskParams,
} from '@gongzhi/shared';
import { addComment, answerQuestion, listCommentsFor } from './comments.service.js';
import { recordDecision } from './decisions.service.js';
import { addTask, completeTask, writeReportBack } from './tasks.service.js';
import { canManageTopics, canViewTopics } from './topics.policy.js';
import { closeConsultation, closeTopic, declineTopic, listTopicsFor, proposeTopic, putOnAgenda, setPermissions, topicDetail as detail } from './topics.service.js';

const tags = ['topics'];
const viewer = { policy: canViewTopics };
const manager = { policy: canManageTopics };
const one = { 200: topicDetail };

/** Deliberation topics (议题): propose → consult → decide → carry out → report back. */
export const topicsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/topics', { config: viewer, schema: { tags, summary: 'Topics of your communities, newest first', querystring: listTopicsQuery, response: { 200: topicListResponse } } }, (req) =>
    listTopicsFor(app.deps, req.actor, req.query),
  );
  app.post(
    '/topics',
    { config: viewer, schema: { tags, summary: "Propose a topic (open to the proposal phase's groups); staff may gather requests", body: proposeTopicBody, response: { 201: topicDetail } } },
    async (req, reply) => reply.status(201).send(await proposeTopic(app.deps, req.ctx(), req.body)),
  );
  app.get('/topics/:id', { config: viewer, schema: { tags, summary: 'A topic with its trail, tasks and what you may do', params: idParams, response: one } }, (req) =>
    detail(app.deps, req.actor, req.params.id),
  );
  app.post('/topics/:id/agenda', { config: manager, schema: { tags, summary: 'Put on the agenda: consultation until the date', params: idParams, body: agendaTopicBody, response: one } }, (req) =>
    putOnAgenda(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/topics/:id/decline', { config: manager, schema: { tags, summary: 'Decline, with the reason the proposer reads', params: idParams, body: declineTopicBody, response: one } }, (req) =>
    declineTopic(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/topics/:id/close-consultation', { config: manager, schema: { tags, summary: 'End the consultation before its date', params: idParams, response: one } }, (req) =>
    closeConsultation(app.deps, req.ctx(), req.params.id),
  );
  app.put('/topics/:id/permissions', { config: manager, schema: { tags, summary: 'Who may propose, comment, vote and review, per phase', params: idParams, body: topicPermissionsBody, response: one } }, (req) =>
    setPermissions(app.deps, req.ctx(), req.params.id, req.body.permissions),
  );
  app.post('/topics/:id/decision', { config: manager, schema: { tags, summary: 'Record the decision of a meeting held off the platform', params: idParams, body: recordDecisionBody, response: one } }, (req) =>
    recordDecision(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/topics/:id/tasks', { config: manager, schema: { tags, summary: 'A task of the decision, with an owner and a deadline', params: idParams, body: addTopicTaskBody, response: one } }, (req) =>
    addTask(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/topics/:id/tasks/:taskId/done', { config: viewer, schema: { tags, summary: 'Mark a task done with a note (staff or its owner)', params: topicTaskParams, body: completeTopicTaskBody, response: one } }, (req) =>
    completeTask(app.deps, req.ctx(), req.params.id, req.params.taskId, req.body.note),
  );
  app.post('/topics/:id/report-back', { config: manager, schema: { tags, summary: 'Save or publish the report-back', params: idParams, body: reportBackBody, response: one } }, (req) =>
    writeReportBack(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/topics/:id/close', { config: manager, schema: { tags, summary: 'Close a reported or rejected topic', params: idParams, response: one } }, (req) =>
    closeTopic(app.deps, req.ctx(), req.params.id),
  );
  app.get('/topics/:id/comments', { config: viewer, schema: { tags, summary: 'Comments, newest first, with counts per side', params: idParams, querystring: topicCommentsQuery, response: { 200: topicCommentListResponse } } }, (req) =>
    listCommentsFor(app.deps, req.actor, req.params.id, req.query),
  );
  app.post(
    '/topics/:id/comments',
    { config: viewer, schema: { tags, summary: "Comment with a side, or ask a question (open to the phase's groups)", params: idParams, body: topicCommentBody, response: { 201: topicComment } } },
    async (req, reply) => reply.status(201).send(await addComment(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.post('/topics/:id/comments/:commentId/answer', { config: manager, schema: { tags, summary: 'Answer a question in public', params: topicCommentParams, body: answerQuestionBody, response: { 200: topicComment } } }, (req) =>
    answerQuestion(app.deps, req.ctx(), req.params.id, req.params.commentId, req.body.text),
  );
};
