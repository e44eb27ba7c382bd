import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportQuery, idParams, IMPORT_MAX_BYTES, importJobView, importUploadQuery, listImportsQuery, transferKinds } from '@gongzhi/shared';
import { AppError } from '../../lib/app-error.js';
import { requestLocale } from '../../plugins/errors.js';
import { attachment, prepareExport, templateFile, type PreparedFile } from './export.service.js';
import { getImport, interruptAbandonedImports, listImports, prepareReport, startImport, validateImport } from './imports.service.js';
import { canDownloadTemplates, canTransfer } from './transfer.policy.js';
import { purgeOldUploads } from './upload-retention.js';
import { MIME_XLSX } from './xlsx/sheet-layout.js';
import { Closed } from './xlsx/zip-stream.js';

const kindParams = z.object({ kind: z.enum(transferKinds) });

/** Stream a prepared file as a download; a failure half-way ends the connection (the client sees a broken file). */
function download(req: FastifyRequest, reply: FastifyReply, file: PreparedFile) {
  const body = new PassThrough();
  file.write(body).catch((err: unknown) => {
    if (err instanceof Closed) return;
    req.log.error({ err }, 'xlsx download failed');
    body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.header('content-type', MIME_XLSX).header('content-disposition', attachment(file)).send(body);
}

/** The uploaded file from a multipart body's `file` field, within IMPORT_MAX_BYTES (the fee-board import uses it too). */
export async function uploadedFile(req: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('import_file_missing', 400);
  const refuse = (e: unknown): never => {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw new AppError('payload_too_large', 413, { maxBytes: IMPORT_MAX_BYTES });
    throw new AppError('import_file_invalid', 400);
  };
  const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 12 } }).catch(refuse);
  if (!part || part.fieldname !== 'file') throw new AppError('import_file_missing', 400);
  const data = await part.toBuffer().catch(refuse);
  return { fileName: part.filename, data };
}

/**
 * Excel in and out. Uploads are parsed by @fastify/multipart, registered here only. Imports committed through
 * this app run in the background; closing the app stops them after their current batch (they become
 * `interrupted`), and starting it marks jobs a crashed process left `importing` as `interrupted`.
 */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart);
  const running = new Set<{ controller: AbortController; done: Promise<unknown> }>();
  app.addHook('onReady', async () => {
    // A database that is down at start-up must not keep the app (and its /readyz answer) from starting;
    // the jobs stay `importing` until the next start reaches the database.
    await interruptAbandonedImports(app.deps).catch((e: unknown) => app.log.warn({ err: e }, 'could not mark abandoned imports as interrupted'));
    await purgeOldUploads(app.deps);
  });
  app.addHook('onClose', async () => {
    for (const r of running) r.controller.abort();
    await Promise.allSettled([...running].map((r) => r.done));
  });

  app.get(
    '/transfer/templates/:kind',
    {
      config: { policy: canDownloadTemplates },
      schema: { tags: ['transfer'], summary: 'An .xlsx template: Chinese headers, an example row and instructions', params: kindParams },
    },
    (req, reply) => download(req, reply, templateFile(req.params.kind)),
  );

  app.post(
    '/imports',
    {
      config: { policy: canTransfer },
      schema: {
        tags: ['transfer'],
        summary: 'Upload an .xlsx (multipart field `file`) and check every row; nothing is imported yet',
        querystring: importUploadQuery,
        response: { 201: importJobView },
      },
    },
    async (req, reply) => {
      const { fileName, data } = await uploadedFile(req);
      const job = await validateImport(app.deps, req.ctx(), { ...req.query, fileName, data }, requestLocale(req));
      return reply.status(201).send(job);
    },
  );

  app.get(
    '/imports',
    {
      config: { policy: canTransfer },
      schema: { tags: ['transfer'], summary: 'Recent imports in your communities', querystring: listImportsQuery, response: { 200: z.object({ items: z.array(importJobView) }) } },
    },
    async (req) => ({ items: await listImports(app.deps, req.ctx(), req.query, requestLocale(req)) }),
  );

  app.get(
    '/imports/:id',
    {
      config: { policy: canTransfer },
      schema: { tags: ['transfer'], summary: 'An import: status, progress, counts and errors', params: idParams, response: { 200: importJobView } },
    },
    (req) => getImport(app.deps, req.ctx(), req.params.id, requestLocale(req)),
  );

  app.post(
    '/imports/:id/commit',
    {
      config: { policy: canTransfer },
      schema: { tags: ['transfer'], summary: 'Import the valid rows of a checked file, in the background', params: idParams, response: { 202: importJobView } },
    },
    async (req, reply) => {
      const controller = new AbortController();
      const { job, done } = await startImport(app.deps, req.ctx(), req.params.id, { signal: controller.signal }, requestLocale(req));
      const entry = { controller, done };
      running.add(entry);
      done.finally(() => running.delete(entry)).catch((err: unknown) => app.log.error({ err }, 'import ended with an error'));
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/imports/:id/report.xlsx',
    {
      config: { policy: canTransfer },
      schema: { tags: ['transfer'], summary: 'The uploaded sheet with every error marked on its cell', params: idParams },
    },
    async (req, reply) => download(req, reply, await prepareReport(app.deps, req.ctx(), req.params.id, requestLocale(req))),
  );

  app.get(
    '/exports/:kind',
    {
      config: { policy: canTransfer },
      schema: {
        tags: ['transfer'],
        summary: 'A register as a streamed .xlsx; masked unless reveal=true with a purpose (audited)',
        params: kindParams,
        querystring: exportQuery,
      },
    },
    async (req, reply) => download(req, reply, await prepareExport(app.deps, req.ctx(), { kind: req.params.kind, ...req.query, purpose: req.query.purpose })),
  );
};
