import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema, personRolesView } from '@gongzhi/shared';
import { canViewPeople } from './organisations.policy.js';
import { personRoles } from './people.service.js';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people/:residentId/roles',
    {
      config: { policy: canViewPeople },
      schema: {
        tags: ['organisations'],
        summary: 'Every post, party membership and account role of a resident',
        params: z.object({ residentId: idSchema }),
        response: { 200: personRolesView },
      },
    },
    (req) => personRoles(app.deps, req.actor, req.params.residentId),
  );
};
