/**
 * What other modules use from requests: intake inside their own transaction (visits, meetings, Open311) or in
 * its own, the one scope condition for request queries, the state machine, and the timers and purge for the
 * job runner.
 */
export { createRequest, formatNumber, intakeRequest, type IntakeSource } from './intake.service.js';
export { requestScopeOf, type RequestScope } from './requests.policy.js';
export { requestScopeWhere } from './requests.repository.js';
export { checkAction, lifecycle, permissionsFor, requestActions, type RequestAction, type Relations } from './state-machine.js';
export { runRequestTimers, type TimerResult } from './timers.service.js';
export { settingsFor } from './settings.service.js';
export { purgeUnattachedFiles } from '../files/index.js';
