import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPlaceBody,
  idParams,
  movePlaceBody,
  placeHistoryEntry,
  placeTreeNode,
  placeView,
  renamePlaceBody,
  retirePlaceBody,
} from '@gongzhi/shared';
import { canManagePlaces, canViewPlaces } from './places.policy.js';
import { placeDetail, placeHistory, placeTree } from './places.service.js';
import { createPlace, movePlace, renamePlace, restorePlace, retirePlace } from './places.commands.js';

const boolFlag = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/places/tree',
    {
      config: { policy: canViewPlaces },
      schema: {
        tags: ['places'],
        summary: 'Your part of the place tree, with counts of active places below each node',
        querystring: z.object({
          includeRetired: boolFlag,
          rootId: z.string().max(64).optional(),
          depth: z.coerce.number().int().min(0).max(6).default(6),
        }),
        response: { 200: z.object({ roots: z.array(placeTreeNode) }) },
      },
    },
    async (req) => ({ roots: await placeTree(app.deps, req.actor, req.query) }),
  );

  app.get(
    '/places/:id',
    {
      config: { policy: canViewPlaces },
      schema: {
        tags: ['places'],
        summary: 'A place with its ancestors, children and counts',
        params: idParams,
        querystring: z.object({ includeRetired: boolFlag }),
        response: {
          200: z.object({
            place: placeView,
            ancestors: z.array(placeView),
            children: z.array(placeView),
            counts: z.record(z.string(), z.number()),
          }),
        },
      },
    },
    (req) => placeDetail(app.deps, req.actor, req.params.id, req.query.includeRetired),
  );

  app.get(
    '/places/:id/history',
    {
      config: { policy: canViewPlaces },
      schema: {
        tags: ['places'],
        summary: 'Every change to a place: created, renamed, moved, retired, restored',
        params: idParams,
        response: { 200: z.object({ items: z.array(placeHistoryEntry) }) },
      },
    },
    async (req) => ({ items: await placeHistory(app.deps, req.actor, req.params.id) }),
  );

  app.post(
    '/places',
    {
      config: { policy: canManagePlaces },
      schema: { tags: ['places'], summary: 'Create a place under a parent of the kind above it', body: createPlaceBody, response: { 201: placeView } },
    },
    async (req, reply) => reply.status(201).send(await createPlace(app.deps, req.ctx(), req.body)),
  );

  app.patch(
    '/places/:id',
    {
      config: { policy: canManagePlaces },
      schema: { tags: ['places'], summary: 'Rename a place', params: idParams, body: renamePlaceBody, response: { 200: placeView } },
    },
    (req) => renamePlace(app.deps, req.ctx(), req.params.id, req.body.name),
  );

  app.post(
    '/places/:id/move',
    {
      config: { policy: canManagePlaces },
      schema: { tags: ['places'], summary: 'Move a place and everything under it', params: idParams, body: movePlaceBody, response: { 200: placeView } },
    },
    (req) => movePlace(app.deps, req.ctx(), req.params.id, req.body.parentId),
  );

  app.post(
    '/places/:id/retire',
    {
      config: { policy: canManagePlaces },
      schema: { tags: ['places'], summary: 'Retire a place (soft; history kept)', params: idParams, body: retirePlaceBody, response: { 200: placeView } },
    },
    (req) => retirePlace(app.deps, req.ctx(), req.params.id, req.body.reason),
  );

  app.post(
    '/places/:id/restore',
    {
      config: { policy: canManagePlaces },
      schema: { tags: ['places'], summary: 'Restore a retired place', params: idParams, response: { 200: placeView } },
    },
    (req) => restorePlace(app.deps, req.ctx(), req.params.id),
  );
};
