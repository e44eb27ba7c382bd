import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const organisationsRoutes: FastifyPluginAsyncZod = async () => {};
