import { PassThrough, Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createLedgerAccountBody,
  createLedgerEntryBody,
  fileView,
  idParams,
  ledgerAccountList,
  ledgerAccountView,
  ledgerEntriesQuery,
  ledgerEntryPage,
  ledgerEntryView,
  ledgerReasonBody,
  ledgerVerification,
  PHOTO_MAX_BYTES,
  publicLedgerPage,
  publicLedgerQuery,
  publicLedgerSummary,
} from '@gongzhi/shared';
import { AppError } from '../../lib/app-error.js';
import { uploadPhoto } from '../files/index.js';
import { chainJsonChunks, writeChainWorkbook, XLSX_MAX_ENTRIES } from './ledger.files.js';
import { canKeepLedger, canReadPublicLedger, canViewLedger } from './ledger.policy.js';
import { chainExportStream, publicPage, publicReceipt, publicSummary } from './ledger.public.js';
import { verifyCommunityChain } from './ledger.verify.js';
import { approveEntry, createAccount, createDefaultChart, createEntry, getEntry, listAccounts, listEntries, rejectEntry, retireAccount, reverseEntry } from './ledger.service.js';

const tags = ['ledger'];

/** A receipt from a multipart body's `file` field, within PHOTO_MAX_BYTES. */
async function uploadedReceipt(req: FastifyRequest): Promise<{ fileName: string | undefined; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('file_invalid', 400, { field: 'file', reason: 'multipart/form-data expected' });
  const refuse = (e: unknown): never => {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('file_too_large', 413, { maxBytes: PHOTO_MAX_BYTES });
    throw new AppError('file_invalid', 400, { field: 'file' });
  };
  const part = await req.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 4, parts: 5 } }).catch(refuse);
  if (!part || part.fieldname !== 'file') throw new AppError('file_invalid', 400, { field: 'file' });
  return { fileName: part.filename, data: await part.toBuffer().catch(refuse) };
}

/** The community ledger: accounts, entries, approval, reversal, receipts; the public page's data and exports. */
export const ledgerRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart);

  app.get(
    '/communities/:id/ledger/accounts',
    { config: { policy: canViewLedger }, schema: { tags, summary: 'The chart of accounts with balances (fen)', params: idParams, response: { 200: ledgerAccountList } } },
    (req) => listAccounts(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/communities/:id/ledger/accounts',
    { config: { policy: canKeepLedger }, schema: { tags, summary: 'Add an account (code unique in the community)', params: idParams, body: createLedgerAccountBody, response: { 201: ledgerAccountView } } },
    async (req, reply) => reply.status(201).send(await createAccount(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/communities/:id/ledger/verify',
    {
      config: { policy: canViewLedger },
      schema: { tags, summary: 'Verify the whole stored chain: every content hash against its entry, every link, the head (audited)', params: idParams, response: { 200: ledgerVerification } },
    },
    (req) => verifyCommunityChain(app.deps, req.ctx(), req.params.id),
  );
  app.post(
    '/communities/:id/ledger/accounts/default',
    { config: { policy: canKeepLedger }, schema: { tags, summary: 'Create the default chart of accounts (codes already there are kept)', params: idParams, response: { 200: ledgerAccountList } } },
    (req) => createDefaultChart(app.deps, req.ctx(), req.params.id, req.actor.userId!),
  );
  app.post(
    '/ledger/accounts/:id/retire',
    { config: { policy: canKeepLedger }, schema: { tags, summary: 'Retire an account with no balance', params: idParams, response: { 200: ledgerAccountView } } },
    (req) => retireAccount(app.deps, req.ctx(), req.params.id),
  );
  app.get(
    '/communities/:id/ledger/entries',
    { config: { policy: canViewLedger }, schema: { tags, summary: 'Entries, newest first, pending and rejected included', params: idParams, querystring: ledgerEntriesQuery, response: { 200: ledgerEntryPage } } },
    (req) => listEntries(app.deps, req.actor, req.params.id, req.query),
  );
  app.post(
    '/communities/:id/ledger/entries',
    {
      config: { policy: canKeepLedger },
      schema: { tags, summary: 'Enter an income (posted at once) or an expense (pending another keeper)', params: idParams, body: createLedgerEntryBody, response: { 201: ledgerEntryView } },
    },
    async (req, reply) => reply.status(201).send(await createEntry(app.deps, req.ctx(), req.params.id, req.body)),
  );
  app.get(
    '/ledger/entries/:id',
    { config: { policy: canViewLedger }, schema: { tags, summary: 'An entry with its chain position and hashes', params: idParams, response: { 200: ledgerEntryView } } },
    (req) => getEntry(app.deps, req.actor, req.params.id),
  );
  app.post(
    '/ledger/entries/:id/approve',
    { config: { policy: canKeepLedger }, schema: { tags, summary: 'Approve another keeper’s expense: it is posted to the chain', params: idParams, response: { 200: ledgerEntryView } } },
    (req) => approveEntry(app.deps, req.ctx(), req.params.id),
  );
  app.post(
    '/ledger/entries/:id/reject',
    { config: { policy: canKeepLedger }, schema: { tags, summary: 'Reject another keeper’s expense with a reason', params: idParams, body: ledgerReasonBody, response: { 200: ledgerEntryView } } },
    (req) => rejectEntry(app.deps, req.ctx(), req.params.id, req.body.reason),
  );
  app.post(
    '/ledger/entries/:id/reverse',
    { config: { policy: canKeepLedger }, schema: { tags, summary: 'Post a reversing entry (lines swapped, same amount) with a reason; once', params: idParams, body: ledgerReasonBody, response: { 201: ledgerEntryView } } },
    async (req, reply) => reply.status(201).send(await reverseEntry(app.deps, req.ctx(), req.params.id, req.body.reason)),
  );
  app.post(
    '/ledger/receipts',
    { config: { policy: canKeepLedger }, schema: { tags, summary: 'Upload a receipt (multipart `file`: JPG, PNG, WebP or PDF, at most 5 MB); attach it to an entry by id', response: { 201: fileView } } },
    async (req, reply) => reply.status(201).send(await uploadPhoto(app.deps, req.ctx(), await uploadedReceipt(req), 'receipt')),
  );

  app.get(
    '/public/communities/:id/ledger',
    { config: { policy: canReadPublicLedger }, schema: { tags, summary: 'Fund balances, twelve months of totals and the chain head (no login)', params: idParams, response: { 200: publicLedgerSummary } } },
    (req) => publicSummary(app.deps, req.params.id),
  );
  app.get(
    '/public/communities/:id/ledger/entries',
    { config: { policy: canReadPublicLedger }, schema: { tags, summary: 'Posted entries, newest first, with hashes (no login)', params: idParams, querystring: publicLedgerQuery, response: { 200: publicLedgerPage } } },
    (req) => publicPage(app.deps, req.params.id, req.query),
  );
  app.get(
    '/public/communities/:id/ledger/export.json',
    { config: { policy: canReadPublicLedger }, schema: { tags, summary: 'The posted chain as JSON, for `ledger verify` (no login)', params: idParams } },
    async (req, reply) => {
      const { header, batches } = await chainExportStream(app.deps, req.params.id);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ledger-${header.communityId}-${header.head.seq}.json"`)
        .send(Readable.from(chainJsonChunks(header, batches)));
    },
  );
  app.get(
    '/public/communities/:id/ledger/export.xlsx',
    { config: { policy: canReadPublicLedger }, schema: { tags, summary: 'The posted chain as .xlsx (Chinese headers, a metadata sheet), for `ledger verify`', params: idParams } },
    async (req, reply) => {
      const { header, batches } = await chainExportStream(app.deps, req.params.id);
      if (header.head.seq > XLSX_MAX_ENTRIES) throw new AppError('ledger_export_too_large', 409, { entries: header.head.seq, max: XLSX_MAX_ENTRIES });
      const out = new PassThrough();
      // The rows are written as the client reads them; a failure part-way ends the download instead of the process.
      writeChainWorkbook(out, header, batches).catch((e: unknown) => {
        req.log.error({ err: e }, 'ledger .xlsx export failed part-way');
        out.destroy(e instanceof Error ? e : new Error(String(e)));
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ledger-${header.communityId}-${header.head.seq}.xlsx"`)
        .send(out);
    },
  );
  app.get(
    '/public/ledger/receipts/:id',
    { config: { policy: canReadPublicLedger }, schema: { tags, summary: 'A receipt of a posted entry that was marked public (no login)', params: idParams } },
    async (req, reply) => {
      const f = await publicReceipt(app.deps, req.params.id);
      return reply
        .header('content-type', f.mime)
        .header('cache-control', 'public, max-age=86400')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.content);
    },
  );
};
