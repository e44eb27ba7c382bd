/** Error codes of the reviews module (issue 6); merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const reviewErrors = {
} as const;
