/** Error codes of the fee-boards module (issue 6); merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const feeBoardErrors = {
} as const;
