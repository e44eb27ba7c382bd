import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { correctionsRoutes } from './corrections.routes.js';
import { householdsRoutes } from './households.routes.js';
import { myDataRoutes } from './my-data.routes.js';
import { personalDataRoutes } from './personal-data.routes.js';
import { residentsRoutes } from './residents.routes.js';

/** The registers: households, residents, the personal-data paths out of them, corrections, and a resident's own data. */
export const registersRoutes: FastifyPluginAsyncZod = async (app) => {
  householdsRoutes(app);
  residentsRoutes(app);
  personalDataRoutes(app);
  correctionsRoutes(app);
  myDataRoutes(app);
};
