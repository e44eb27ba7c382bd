import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answerBody,
  commentBody,
  commentPage,
  commentView,
  covenantArticleParams,
  covenantCommentParams,
  covenantOpinionParams,
  covenantQuestionParams,
  handlingBody,
  idParams,
  listCommentsQuery,
  opinionBody,
  opinionListResponse,
  opinionView,
  questionBody,
  questionListResponse,
  questionsQuery,
  questionView,
  stanceBody,
  stanceResult,
} from '@gongzhi/shared';
import { addComment, addOpinion, handleComment, handleOpinion, listComments, listOpinions } from './consultation.service.js';
import { canManageCovenants, canViewCovenants } from './covenant.policy.js';
import { addQuestion, answerQuestion, listQuestions, setStance } from './questions.service.js';

const tags = ['covenants'];
const viewer = { policy: canViewCovenants };
const manager = { policy: canManageCovenants };

/** Opinions, article-anchored comments, stances and questions; who may is the phase's groups. */
export const consultationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/covenants/:id/opinions', { config: viewer, schema: { tags, summary: 'Opinions collected, newest first', params: idParams, response: { 200: opinionListResponse } } }, (req) =>
    listOpinions(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/covenants/:id/opinions',
    { config: viewer, schema: { tags, summary: 'An opinion (opinion collection); staff may enter one for a speaker', params: idParams, body: opinionBody, response: { 201: opinionView } } },
    async (req, reply) => reply.status(201).send(await addOpinion(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.post('/covenants/:id/opinions/:opinionId/handling', { config: manager, schema: { tags, summary: 'How an opinion was taken up', params: covenantOpinionParams, body: handlingBody, response: { 200: opinionView } } }, (req) =>
    handleOpinion(app.deps, req.ctx(), req.params.id, req.params.opinionId, req.body),
  );
  app.get('/covenants/:id/comments', { config: viewer, schema: { tags, summary: 'Comments, newest first, by version, article or handling', params: idParams, querystring: listCommentsQuery, response: { 200: commentPage } } }, (req) =>
    listComments(app.deps, req.actor, req.params.id, req.query),
  );
  app.post(
    '/covenants/:id/comments',
    { config: viewer, schema: { tags, summary: 'Comment on the current version or one of its articles (consultation)', params: idParams, body: commentBody, response: { 201: commentView } } },
    async (req, reply) => reply.status(201).send(await addComment(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.post('/covenants/:id/comments/:commentId/handling', { config: manager, schema: { tags, summary: 'How a comment was taken up, and in which version', params: covenantCommentParams, body: handlingBody, response: { 200: commentView } } }, (req) =>
    handleComment(app.deps, req.ctx(), req.params.id, req.params.commentId, req.body),
  );
  app.put('/covenants/:id/articles/:articleId/stance', { config: viewer, schema: { tags, summary: 'Support, oppose or clear (null) your stance on an article', params: covenantArticleParams, body: stanceBody, response: { 200: stanceResult } } }, (req) =>
    setStance(app.deps, req.ctx(), req.params.id, req.params.articleId, req.body.stance),
  );
  app.get('/covenants/:id/questions', { config: viewer, schema: { tags, summary: "A version's questions with their tallies and your answer", params: idParams, querystring: questionsQuery, response: { 200: questionListResponse } } }, (req) =>
    listQuestions(app.deps, req.actor, req.params.id, req.query.versionId),
  );
  app.post(
    '/covenants/:id/questions',
    { config: manager, schema: { tags, summary: 'A question with options on the current version (drafting or consultation)', params: idParams, body: questionBody, response: { 201: questionView } } },
    async (req, reply) => reply.status(201).send(await addQuestion(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.put('/covenants/:id/questions/:questionId/answer', { config: viewer, schema: { tags, summary: 'Answer a question (replaces your answer)', params: covenantQuestionParams, body: answerBody, response: { 200: questionView } } }, (req) =>
    answerQuestion(app.deps, req.ctx(), req.params.id, req.params.questionId, req.body),
  );
};
