import type { FastifyPluginAsync } from 'fastify';
import { analysisRoutes } from './analysis/analysis.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { meRoutes } from './me/me.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { georeportRoutes, open311ClientsRoutes } from './open311/index.js';
import { placesRoutes } from './places/places.routes.js';
import { organisationsRoutes } from './organisations/organisations.routes.js';
import { publicRoutes } from './public/public.routes.js';
import { registersRoutes } from './registers/registers.routes.js';
import { transferRoutes } from './transfer/transfer.routes.js';
import { triageRoutes } from './triage/triage.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { filesRoutes } from './files/files.routes.js';
import { requestsRoutes } from './requests/requests.routes.js';
import { visitsRoutes } from './visits/visits.routes.js';
import { topicsRoutes } from './topics/topics.routes.js';
import { covenantRoutes } from './covenant/covenant.routes.js';
import { meetingsRoutes } from './meetings/meetings.routes.js';
import { covenantPledgesRoutes } from './covenant-pledges/covenant-pledges.routes.js';
import { electionsRoutes } from './elections/elections.routes.js';
import { disclosureRoutes, publicPublicationRoutes } from './disclosure/index.js';
import { feeBoardsRoutes } from './fee-boards/fee-boards.routes.js';
import { reviewsRoutes } from './reviews/reviews.routes.js';
import { ledgerRoutes } from './ledger/ledger.routes.js';

/** The explicit list of modules; each registers its routes under /api/v1 unless it names its own prefix. */
export const modules: { name: string; routes: FastifyPluginAsync; prefix?: string }[] = [
  { name: 'auth', routes: authRoutes },
  { name: 'me', routes: meRoutes },
  { name: 'places', routes: placesRoutes },
  { name: 'users', routes: usersRoutes },
  { name: 'audit', routes: auditRoutes },
  { name: 'registers', routes: registersRoutes },
  { name: 'organisations', routes: organisationsRoutes },
  { name: 'transfer', routes: transferRoutes },
  { name: 'public', routes: publicRoutes },
  { name: 'files', routes: filesRoutes },
  { name: 'requests', routes: requestsRoutes },
  { name: 'triage', routes: triageRoutes },
  { name: 'visits', routes: visitsRoutes },
  { name: 'notifications', routes: notificationsRoutes },
  { name: 'open311-clients', routes: open311ClientsRoutes },
  /** Open311 GeoReport v2 keeps the spec's own paths, outside /api/v1. */
  { name: 'open311', routes: georeportRoutes, prefix: '/open311/v2' },
  { name: 'analysis', routes: analysisRoutes },
  { name: 'topics', routes: topicsRoutes },
  { name: 'covenant', routes: covenantRoutes },
  { name: 'meetings', routes: meetingsRoutes },
  { name: 'covenant-pledges', routes: covenantPledgesRoutes },
  { name: 'disclosure', routes: disclosureRoutes },
  { name: 'publications-public', routes: publicPublicationRoutes },
  { name: 'fee-boards', routes: feeBoardsRoutes },
  { name: 'reviews', routes: reviewsRoutes },
  { name: 'ledger', routes: ledgerRoutes },
  { name: 'elections', routes: electionsRoutes },
];
