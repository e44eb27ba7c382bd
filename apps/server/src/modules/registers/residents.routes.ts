import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consentBody,
  createResidentBody,
  idParams,
  idSchema,
  leaveBody,
  listResidentsQuery,
  moveResidentBody,
  residentDetail,
  residentTags,
  residentView,
  tagInput,
  updateResidentBody,
} from '@gongzhi/shared';
import { canManageRegisters, canViewRegisters } from './registers.policy.js';
import { leaveResident, moveResident } from './residents.moves.js';
import { createResident, getResident, listResidents, updateResident } from './residents.service.js';
import { addConsent, addTag, removeTag, withdrawConsent } from './residents.tags.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
const write = { config: { policy: canManageRegisters } };

export function residentsRoutes(app: App): void {
  app.get(
    '/residents',
    {
      config: { policy: canViewRegisters },
      schema: {
        tags: ['registers'],
        summary: 'Residents in your scope, masked: search by name, phone tail, exact ID number, tag, place; sorted and paged on the server',
        querystring: listResidentsQuery,
        response: { 200: z.object({ items: z.array(residentView), total: z.number() }) },
      },
    },
    (req) => listResidents(app.deps, req.actor, req.query),
  );

  app.post(
    '/residents',
    { ...write, schema: { tags: ['registers'], summary: 'Register a resident in a household or in a community', body: createResidentBody, response: { 201: residentDetail } } },
    async (req, reply) => reply.status(201).send(await createResident(app.deps, req.ctx(), req.body)),
  );

  app.get(
    '/residents/:id',
    {
      config: { policy: canViewRegisters },
      schema: { tags: ['registers'], summary: 'One resident (masked), with consents, history and what you may reveal or edit', params: idParams, response: { 200: residentDetail } },
    },
    (req) => getResident(app.deps, req.actor, req.params.id),
  );

  app.patch(
    '/residents/:id',
    { ...write, schema: { tags: ['registers'], summary: 'Edit a resident', params: idParams, body: updateResidentBody, response: { 200: residentDetail } } },
    (req) => updateResident(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/residents/:id/move',
    {
      ...write,
      schema: { tags: ['registers'], summary: 'Move to another household (or out of any); a moved-out resident returns this way', params: idParams, body: moveResidentBody, response: { 200: residentDetail } },
    },
    (req) => moveResident(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/residents/:id/leave',
    { ...write, schema: { tags: ['registers'], summary: 'Record that the resident moved away or died', params: idParams, body: leaveBody, response: { 200: residentDetail } } },
    (req) => leaveResident(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/residents/:id/tags',
    {
      ...write,
      schema: { tags: ['registers'], summary: 'Add a tag; a sensitive one needs a basis (or an active consent for it)', params: idParams, body: tagInput, response: { 200: residentDetail } },
    },
    (req) => addTag(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.delete(
    '/residents/:id/tags/:tag',
    {
      ...write,
      schema: { tags: ['registers'], summary: 'Remove a tag', params: z.object({ id: idSchema, tag: z.enum(residentTags) }), response: { 200: residentDetail } },
    },
    (req) => removeTag(app.deps, req.ctx(), req.params.id, req.params.tag),
  );

  app.post(
    '/residents/:id/consents',
    { ...write, schema: { tags: ['registers'], summary: 'Record a consent or other legal basis', params: idParams, body: consentBody, response: { 200: residentDetail } } },
    (req) => addConsent(app.deps, req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/residents/:id/consents/:consentId/withdraw',
    {
      ...write,
      schema: {
        tags: ['registers'],
        summary: 'Withdraw a consent; the tags resting on it go with it',
        params: z.object({ id: idSchema, consentId: idSchema }),
        response: { 200: residentDetail },
      },
    },
    (req) => withdrawConsent(app.deps, req.ctx(), req.params.id, req.params.consentId),
  );
}
