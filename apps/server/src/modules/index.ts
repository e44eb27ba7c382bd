import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { meRoutes } from './me/me.routes.js';
import { placesRoutes } from './places/places.routes.js';
import { organisationsRoutes } from './organisations/organisations.routes.js';
import { publicRoutes } from './public/public.routes.js';
import { registersRoutes } from './registers/registers.routes.js';
import { transferRoutes } from './transfer/transfer.routes.js';
import { usersRoutes } from './users/users.routes.js';

/** The explicit list of modules; each registers its routes under /api/v1. */
export const modules: { name: string; routes: FastifyPluginAsync }[] = [
  { name: 'auth', routes: authRoutes },
  { name: 'me', routes: meRoutes },
  { name: 'places', routes: placesRoutes },
  { name: 'users', routes: usersRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'registers', routes: registersRoutes },
  { name: 'organisations', routes: organisationsRoutes },
  { name: 'transfer', routes: transferRoutes },
  { name: 'public', routes: publicRoutes },
];
