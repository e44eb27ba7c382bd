import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  feeBoardEstateList,
  feeBoardImportResult,
  feeBoardList,
  feeBoardPosterQuery,
  feeBoardView,
  idParams,
  listFeeBoardsQuery,
  okResponse,
  publicFeeBoardEstates,
  publicFeeBoardsParams,
  publicFeeBoardView,
  saveFeeBoardDraftBody,
} from '@gongzhi/shared';
import { requestLocale } from '../../plugins/errors.js';
import { uploadedFile } from '../transfer/transfer.routes.js';
import { MIME_XLSX } from '../transfer/xlsx/sheet-layout.js';
import { canEditFeeBoards, canReadPublicFeeBoards, canViewFeeBoards } from './fee-boards.policy.js';
import { discardDraft, getBoard, listBoards, listEstates, publishBoard, saveDraft } from './fee-boards.service.js';
import { feeBoardTemplate, importFeeBoards } from './import.service.js';
import { feeBoardPoster } from './poster.service.js';
import { publicFeeBoard, publicFeeBoards } from './public.service.js';

const tags = ['fee-boards'];

/** Options for tests and operators: where the poster's font lives. */
export interface FeeBoardRouteOptions {
  posterFontPath?: string;
}

/** Monthly fee boards: the console's drafts, import and publication; the public's boards and posters. */
export const feeBoardsRoutes: FastifyPluginAsyncZod<FeeBoardRouteOptions> = async (app, opts) => {
  await app.register(multipart);
  app.get(
    '/fee-boards/estates',
    { config: { policy: canViewFeeBoards }, schema: { tags, summary: 'Estates within my places, for choosing a board', response: { 200: feeBoardEstateList } } },
    (req) => listEstates(app.deps, req.actor),
  );
  app.get(
    '/fee-boards',
    { config: { policy: canViewFeeBoards }, schema: { tags, summary: 'Boards (drafts and revisions) within my places, newest month first', querystring: listFeeBoardsQuery, response: { 200: feeBoardList } } },
    (req) => listBoards(app.deps, req.actor, req.query),
  );
  app.get(
    '/fee-boards/template.xlsx',
    { config: { policy: canEditFeeBoards }, schema: { tags, summary: 'The import template: Chinese headers, an example row, instructions' } },
    async (_req, reply) =>
      reply
        .header('content-type', MIME_XLSX)
        .header('content-disposition', `attachment; filename="fee-board-template.xlsx"; filename*=UTF-8''${encodeURIComponent('收费公示导入模板.xlsx')}`)
        .send(await feeBoardTemplate()),
  );
  app.post(
    '/fee-boards/import',
    {
      config: { policy: canEditFeeBoards },
      schema: { tags, summary: 'Import an .xlsx (multipart `file`) into drafts; nothing is written when any row is wrong (422 with the rows)', response: { 200: feeBoardImportResult } },
    },
    async (req) => importFeeBoards(app.deps, req.ctx(), (await uploadedFile(req)).data, requestLocale(req)),
  );
  app.put(
    '/fee-boards/drafts',
    { config: { policy: canEditFeeBoards }, schema: { tags, summary: 'Save the draft of an estate and month (replaced whole; a correction after publication)', body: saveFeeBoardDraftBody, response: { 200: feeBoardView } } },
    (req) => saveDraft(app.deps, req.ctx(), req.body),
  );
  app.get(
    '/fee-boards/:id',
    { config: { policy: canViewFeeBoards }, schema: { tags, summary: 'A board with its lines, totals and revisions', params: idParams, response: { 200: feeBoardView } } },
    (req) => getBoard(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/fee-boards/:id/publish',
    { config: { policy: canEditFeeBoards }, schema: { tags, summary: 'Publish a draft: checked for personal data, hashed, the corrected revision superseded', params: idParams, response: { 200: feeBoardView } } },
    (req) => publishBoard(app.deps, req.ctx(), req.params.id),
  );
  app.delete(
    '/fee-boards/:id',
    { config: { policy: canEditFeeBoards }, schema: { tags, summary: 'Discard a draft', params: idParams, response: { 200: okResponse } } },
    (req) => discardDraft(app.deps, req.ctx(), req.params.id),
  );

  app.get(
    '/public/communities/:communityId/fee-boards',
    { config: { policy: canReadPublicFeeBoards }, schema: { tags, summary: "A community's estates and their published boards of the last 12 months (no login)", params: publicFeeBoardsParams, response: { 200: publicFeeBoardEstates } } },
    (req) => publicFeeBoards(app.deps, req.params.communityId),
  );
  app.get(
    '/public/fee-boards/:id',
    { config: { policy: canReadPublicFeeBoards }, schema: { tags, summary: 'A published board, its revisions and the canonical content of its hash (no login)', params: idParams, response: { 200: publicFeeBoardView } } },
    (req) => publicFeeBoard(app.deps, req.params.id),
  );
  app.get(
    '/public/fee-boards/:id/poster.pdf',
    { config: { policy: canReadPublicFeeBoards }, schema: { tags, summary: 'The printable A3/A4 poster of a published board with a QR code (no login)', params: idParams, querystring: feeBoardPosterQuery } },
    async (req, reply) => {
      const poster = await feeBoardPoster(app.deps, req.params.id, req.query, { fontPath: opts.posterFontPath });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="fee-board-${req.query.size}.pdf"; filename*=UTF-8''${encodeURIComponent(poster.fileName)}`)
        .header('cache-control', 'public, max-age=300')
        .send(Buffer.from(poster.bytes));
    },
  );
};
