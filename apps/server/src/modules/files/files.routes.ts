import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileView, idParams, PHOTO_MAX_BYTES } from '@gongzhi/shared';
import { AppError } from '../../lib/app-error.js';
import { canDownloadFiles, canUploadPhotos } from './files.policy.js';
import { openFile, uploadPhoto } from './files.service.js';

/** The photo from a multipart body's `file` field, within PHOTO_MAX_BYTES. */
async function uploadedPhoto(req: FastifyRequest): Promise<{ fileName: string | undefined; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('file_invalid', 400, { field: 'file', reason: 'multipart/form-data expected' });
  const refuse = (e: unknown): never => {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('file_too_large', 413, { maxBytes: PHOTO_MAX_BYTES });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('too_many_files', 400);
    throw new AppError('file_invalid', 400, { field: 'file' });
  };
  const part = await req.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 4, parts: 5 } }).catch(refuse);
  if (!part || part.fieldname !== 'file') throw new AppError('file_invalid', 400, { field: 'file' });
  const data = await part.toBuffer().catch(refuse);
  return { fileName: part.filename, data };
}

/** Photo uploads and downloads. Multipart parsing is registered in this plugin's scope only. */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart);

  app.post(
    '/files',
    {
      config: { policy: canUploadPhotos },
      schema: {
        tags: ['files'],
        summary: 'Upload a photo (multipart field `file`: JPG, PNG or WebP, at most 5 MB); attach it by id within a day',
        response: { 201: fileView },
      },
    },
    async (req, reply) => reply.status(201).send(await uploadPhoto(app.deps, req.ctx(), await uploadedPhoto(req))),
  );

  app.get(
    '/files/:id',
    {
      config: { policy: canDownloadFiles },
      schema: { tags: ['files'], summary: 'A photo, for whoever may see what it belongs to (its uploader until then)', params: idParams },
    },
    async (req, reply) => {
      const { meta, content } = await openFile(app.deps, req.actor, req.params.id);
      return reply
        .header('content-type', meta.mime)
        // Private: a photo in a request is personal; ids never change content, so the browser may keep it.
        .header('cache-control', 'private, max-age=86400')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.file_name)}`)
        .send(content);
    },
  );
};
