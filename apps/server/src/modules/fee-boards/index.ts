/** The monthly fee board module: routes are registered from modules/index.ts. */
export { feeBoardsRoutes } from './fee-boards.routes.js';
