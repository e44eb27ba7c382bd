/** Open311: the GeoReport v2 API (outside /api/v1) and the console's integration keys. */
export { georeportRoutes } from './georeport.routes.js';
export { open311ClientsRoutes } from './clients.routes.js';
export { hashApiKey, newApiKey } from './api-keys.js';
