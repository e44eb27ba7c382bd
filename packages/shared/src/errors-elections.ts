/** Error codes of the elections module (issue 6); merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const electionErrors = {
} as const;
