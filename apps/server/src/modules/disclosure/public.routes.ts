import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, publicCatalogue, publicCommunityParams, publicPublication, publicPublicationPage, publicPublicationsQuery, publicPublicationSummary } from '@gongzhi/shared';
import { canReadPublished, canTakePart } from './disclosure.policy.js';
import { publicCatalogue as readCatalogue } from './catalogue.service.js';
import { publicationPoster } from './poster.service.js';
import { publicPublication as readPublic, publicPublicationList, residentFeed } from './public.service.js';

const tags = ['disclosure'];
const feedQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(30), offset: z.coerce.number().int().min(0).max(10_000).default(0) });

/** Options for tests and operators: where the notice-board sheet's font lives. */
export interface PublicationRouteOptions {
  posterFontPath?: string;
}

/** What anyone reads without a login (the portal, the notice board's QR code), and the resident app's list. */
export const publicPublicationRoutes: FastifyPluginAsyncZod<PublicationRouteOptions> = async (app, opts) => {
  app.get(
    '/public/communities/:communityId/publications',
    { config: { policy: canReadPublished }, schema: { tags, summary: "A community's published (or archived) publications, newest first", params: publicCommunityParams, querystring: publicPublicationsQuery, response: { 200: publicPublicationPage } } },
    (req) => publicPublicationList(app.deps, req.params.communityId, req.query),
  );
  app.get(
    '/public/communities/:communityId/disclosure-catalogue',
    { config: { policy: canReadPublished }, schema: { tags, summary: "A community's disclosure catalogue: each item's basis, frequency and whether its last period was disclosed", params: publicCommunityParams, response: { 200: publicCatalogue } } },
    (req) => readCatalogue(app.deps, req.params.communityId),
  );
  app.get(
    '/public/publications/:id',
    { config: { policy: canReadPublished }, schema: { tags, summary: 'A published publication with its sha256, objections and questions (names masked)', params: idParams, response: { 200: publicPublication } } },
    (req) => readPublic(app.deps, req.actor, req.params.id),
  );
  app.get('/public/publications/:id/poster.pdf', { config: { policy: canReadPublished }, schema: { tags, summary: 'The printable A4 notice-board sheet with a QR code', params: idParams } }, async (req, reply) => {
    const poster = await publicationPoster(app.deps, req.params.id, { fontPath: opts.posterFontPath });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="publication.pdf"; filename*=UTF-8''${encodeURIComponent(poster.fileName)}`)
      .header('cache-control', 'public, max-age=300')
      .send(Buffer.from(poster.bytes));
  });
  app.get(
    '/publications/feed',
    { config: { policy: canTakePart }, schema: { tags, summary: "Published publications of my communities for the resident app", querystring: feedQuery, response: { 200: z.object({ items: z.array(publicPublicationSummary.extend({ objectionOpen: z.boolean() })) }) } } },
    (req) => residentFeed(app.deps, req.actor, req.query),
  );
};
