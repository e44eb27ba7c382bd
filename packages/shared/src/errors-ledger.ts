/** Error codes of the ledger module (issue 6); merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const ledgerErrors = {
} as const;
