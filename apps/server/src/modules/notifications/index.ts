/** What other modules use from notifications: outbox writers (inside their transactions), delivery, the staff alert names. */
export { enqueueNotification, notifyRole, notifyEndpoints, ancestorPaths, type OutboxMessage } from './outbox.js';
export { deliverOutbox, backoffMinutes, MAX_ATTEMPTS, type DeliveryReport } from './delivery.js';
export type { StaffAlert } from './templates.js';
