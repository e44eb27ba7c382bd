import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicCommunityView } from '@gongzhi/shared';
import { canReadPublic } from './public.policy.js';
import { publicCommunities } from './public.service.js';

export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/communities',
    {
      config: { policy: canReadPublic },
      schema: {
        tags: ['public'],
        summary: 'Communities on this platform (no login)',
        response: { 200: z.object({ items: z.array(publicCommunityView) }) },
      },
    },
    async () => ({ items: await publicCommunities(app.deps) }),
  );
};
