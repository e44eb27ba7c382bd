import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { warmClassifier } from './classification.js';
import { classifierRoutes } from './classifier.routes.js';
import { proactiveRoutes } from './proactive.routes.js';
import { similarRoutes } from './similar.routes.js';
import { taxonomyRoutes } from './taxonomy.routes.js';

/** Taxonomy, routing rules, classification, similar requests and proactive cases. */
export const triageRoutes: FastifyPluginAsyncZod = async (app) => {
  // The seed model takes about a second to train. A serving process (jobs on) trains it just after start rather
  // than inside its first intake's transaction; test apps (jobs off) train it on first use.
  if (app.deps.config.jobs) {
    app.addHook('onReady', async () => {
      setImmediate(warmClassifier);
    });
  }
  await app.register(taxonomyRoutes);
  await app.register(classifierRoutes);
  await app.register(similarRoutes);
  await app.register(proactiveRoutes);
};
