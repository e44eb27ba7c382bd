export { disclosureRoutes } from './disclosure.routes.js';
export { publicPublicationRoutes } from './public.routes.js';
export { runDisclosureReminders } from './reminders.js';
export { loadDefaultCatalogue } from './catalogue.service.js';
