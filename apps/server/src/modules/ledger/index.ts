/** What other modules use from the ledger: the receipt check the files module asks, and the demo's chart. */
export { ledgerReceiptVisible } from './ledger.access.js';
export { createDefaultChart } from './ledger.service.js';
