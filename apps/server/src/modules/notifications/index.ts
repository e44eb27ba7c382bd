/** What other modules use from notifications: outbox writers (inside their transactions) and delivery. */
export { enqueueNotification, notifyRole, notifyEndpoints, ancestorPaths, type OutboxMessage } from './outbox.js';
export { deliverOutbox, backoffMinutes, MAX_ATTEMPTS, type DeliveryReport } from './delivery.js';
