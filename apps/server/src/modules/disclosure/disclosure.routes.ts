import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerCommentBody,
  closeNoticeBody,
  disclosureCommunityBody,
  disclosureItemBody,
  disclosureItemList,
  disclosureItemPatch,
  disclosureItemsQuery,
  disclosureItemView,
  disclosureOwnerList,
  idParams,
  idSchema,
  loadDefaultsResponse,
  overdueList,
  publicationBody,
  publicationCommentBody,
  publicationCommentParams,
  publicationCommentView,
  publicationDetail,
  publicationPage,
  publicationPatch,
  publicationsQuery,
  returnPublicationBody,
} from '@gongzhi/shared';
import { createItem, listCatalogue, loadDefaults, overdueItems, owners, patchItem, setRetired } from './catalogue.service.js';
import { canEditDisclosure, canTakePart, canViewDisclosure } from './disclosure.policy.js';
import { answerComment, fileComment } from './public.service.js';
import {
  approvePublication,
  archivePublication,
  closeNotice,
  createPublication,
  listPublicationsFor,
  patchPublication,
  publicationDetail as detail,
  publishPublication,
  returnPublication,
  submitPublication,
} from './publications.service.js';

const tags = ['disclosure'];
const viewer = { policy: canViewDisclosure };
const editor = { policy: canEditDisclosure };
const item = { 200: disclosureItemView };
const one = { 200: publicationDetail };
const communityQuery = z.object({ communityId: idSchema.optional() });

/** The disclosure catalogue (公开目录) and publications (公开信息, 公示) in the console. */
export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/disclosure/items', { config: viewer, schema: { tags, summary: 'Catalogue items with where each stands for its period', querystring: disclosureItemsQuery, response: { 200: disclosureItemList } } }, (req) =>
    listCatalogue(app.deps, req.actor, req.query),
  );
  app.post('/disclosure/items', { config: editor, schema: { tags, summary: 'Add a catalogue item', body: disclosureItemBody, response: { 201: disclosureItemView } } }, async (req, reply) =>
    reply.status(201).send(await createItem(app.deps, req.ctx(), req.body)),
  );
  app.patch('/disclosure/items/:id', { config: editor, schema: { tags, summary: 'Edit a catalogue item (audited)', params: idParams, body: disclosureItemPatch, response: item } }, (req) =>
    patchItem(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/disclosure/items/:id/retire', { config: editor, schema: { tags, summary: 'Retire a catalogue item', params: idParams, response: item } }, (req) =>
    setRetired(app.deps, req.ctx(), req.params.id, true),
  );
  app.post('/disclosure/items/:id/restore', { config: editor, schema: { tags, summary: 'Restore a retired catalogue item', params: idParams, response: item } }, (req) =>
    setRetired(app.deps, req.ctx(), req.params.id, false),
  );
  app.post('/disclosure/defaults', { config: editor, schema: { tags, summary: 'Load the default catalogue (adds only missing entries)', body: disclosureCommunityBody, response: { 200: loadDefaultsResponse } } }, (req) =>
    loadDefaults(app.deps, req.ctx(), req.body.communityId),
  );
  app.get('/disclosure/overdue', { config: viewer, schema: { tags, summary: 'Periodic items past their due date with nothing published', querystring: communityQuery, response: { 200: overdueList } } }, (req) =>
    overdueItems(app.deps, req.actor, req.query.communityId),
  );
  app.get('/disclosure/owners', { config: viewer, schema: { tags, summary: 'Staff accounts of the community who may own an item', querystring: communityQuery, response: { 200: disclosureOwnerList } } }, (req) =>
    owners(app.deps, req.actor, req.query.communityId),
  );

  app.get('/publications', { config: viewer, schema: { tags, summary: 'Publications of your communities, recently changed first', querystring: publicationsQuery, response: { 200: publicationPage } } }, (req) =>
    listPublicationsFor(app.deps, req.actor, req.query),
  );
  app.post('/publications', { config: editor, schema: { tags, summary: 'Draft a publication or public notice', body: publicationBody, response: { 201: publicationDetail } } }, async (req, reply) =>
    reply.status(201).send(await createPublication(app.deps, req.ctx(), req.body)),
  );
  app.get('/publications/:id', { config: viewer, schema: { tags, summary: 'A publication with its objections, questions and what you may do', params: idParams, response: one } }, (req) =>
    detail(app.deps, req.actor, req.params.id),
  );
  app.patch('/publications/:id', { config: editor, schema: { tags, summary: 'Edit a draft', params: idParams, body: publicationPatch, response: one } }, (req) =>
    patchPublication(app.deps, req.ctx(), req.params.id, req.body),
  );
  app.post('/publications/:id/submit', { config: editor, schema: { tags, summary: 'Submit for approval (refused while it holds personal data)', params: idParams, response: one } }, (req) =>
    submitPublication(app.deps, req.ctx(), req.params.id),
  );
  app.post('/publications/:id/return', { config: editor, schema: { tags, summary: 'Return to the author with a note', params: idParams, body: returnPublicationBody, response: one } }, (req) =>
    returnPublication(app.deps, req.ctx(), req.params.id, req.body.note),
  );
  app.post('/publications/:id/approve', { config: editor, schema: { tags, summary: 'Approve (never your own)', params: idParams, response: one } }, (req) =>
    approvePublication(app.deps, req.ctx(), req.params.id),
  );
  app.post('/publications/:id/publish', { config: editor, schema: { tags, summary: 'Publish an approved publication: fixed text, sha256, objection period', params: idParams, response: one } }, (req) =>
    publishPublication(app.deps, req.ctx(), req.params.id),
  );
  app.post('/publications/:id/archive', { config: editor, schema: { tags, summary: 'Archive (stays public, marked archived)', params: idParams, response: one } }, (req) =>
    archivePublication(app.deps, req.ctx(), req.params.id),
  );
  app.post('/publications/:id/close-notice', { config: editor, schema: { tags, summary: 'Close a public notice after its period, every objection answered', params: idParams, body: closeNoticeBody, response: one } }, (req) =>
    closeNotice(app.deps, req.ctx(), req.params.id, req.body.outcome),
  );
  app.post(
    '/publications/:id/comments/:commentId/answer',
    { config: editor, schema: { tags, summary: 'Answer an objection or a question in public', params: publicationCommentParams, body: answerCommentBody, response: one } },
    (req) => answerComment(app.deps, req.ctx(), req.params.id, req.params.commentId, req.body.text),
  );
  app.post(
    '/publications/:id/objections',
    { config: { policy: canTakePart }, schema: { tags, summary: 'Object to a public notice during its objection period', params: idParams, body: publicationCommentBody, response: { 201: publicationCommentView } } },
    async (req, reply) => reply.status(201).send(await fileComment(app.deps, req.ctx(), req.params.id, 'objection', req.body.text)),
  );
  app.post(
    '/publications/:id/questions',
    { config: { policy: canTakePart }, schema: { tags, summary: 'Ask a question about a publication (answered in public)', params: idParams, body: publicationCommentBody, response: { 201: publicationCommentView } } },
    async (req, reply) => reply.status(201).send(await fileComment(app.deps, req.ctx(), req.params.id, 'question', req.body.text)),
  );
};
