/** Error codes of the disclosure module (issue 6); merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const disclosureErrors = {
} as const;
