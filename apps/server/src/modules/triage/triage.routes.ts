import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { classifierRoutes } from './classifier.routes.js';
import { proactiveRoutes } from './proactive.routes.js';
import { similarRoutes } from './similar.routes.js';
import { taxonomyRoutes } from './taxonomy.routes.js';

/** Taxonomy, routing rules, classification, similar requests and proactive cases. */
export const triageRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(taxonomyRoutes);
  await app.register(classifierRoutes);
  await app.register(similarRoutes);
  await app.register(proactiveRoutes);
};
