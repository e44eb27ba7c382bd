import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createHouseholdBody,
  householdDetail,
  householdLeaveBody,
  householdView,
  idParams,
  listHouseholdsQuery,
  moveHouseholdBody,
  updateHouseholdBody,
} from '@gongzhi/shared';
import { moveHousehold, moveOutHousehold } from './households.moves.js';
import { createHousehold, householdDetail as detail, listHouseholds, updateHousehold, visibleHousehold } from './households.service.js';
import { canManageRegisters, canViewRegisters } from './registers.policy.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export function householdsRoutes(app: App): void {
  app.get(
    '/households',
    {
      config: { policy: canViewRegisters },
      schema: {
        tags: ['registers'],
        summary: 'Households in your scope with householder and member count; filter by place, status or householder name',
        querystring: listHouseholdsQuery,
        response: { 200: z.object({ items: z.array(householdView), total: z.number() }) },
      },
    },
    (req) => listHouseholds(app.deps, req.actor, req.query),
  );

  app.post(
    '/households',
    {
      config: { policy: canManageRegisters },
      schema: { tags: ['registers'], summary: 'Register a household at a dwelling', body: createHouseholdBody, response: { 201: householdDetail } },
    },
    async (req, reply) => reply.status(201).send(await createHousehold(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/households/:id',
    {
      config: { policy: canViewRegisters },
      schema: { tags: ['registers'], summary: 'A household with its members (masked) and history', params: idParams, response: { 200: householdDetail } },
    },
    async (req) => {
      const h = await visibleHousehold(app.deps, req.actor, req.params.id);
      return detail(app.deps, app.deps.db, h.id);
    },
  );

  app.patch(
    '/households/:id',
    {
      config: { policy: canManageRegisters },
      schema: { tags: ['registers'], summary: 'Change the householder, the note or the moved-in date', params: idParams, body: updateHouseholdBody, response: { 200: householdDetail } },
    },
    (req) => updateHousehold(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/households/:id/move',
    {
      config: { policy: canManageRegisters },
      schema: { tags: ['registers'], summary: 'Move the household to another dwelling; its living members follow', params: idParams, body: moveHouseholdBody, response: { 200: householdDetail } },
    },
    (req) => moveHousehold(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/households/:id/move-out',
    {
      config: { policy: canManageRegisters },
      schema: { tags: ['registers'], summary: 'The household leaves: it and its living members are recorded as moved out', params: idParams, body: householdLeaveBody, response: { 200: householdDetail } },
    },
    (req) => moveOutHousehold(app.deps, req.ctx(), req.params.id, req.body),
  );
}
