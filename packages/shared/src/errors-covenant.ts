/** Error codes of the covenant module; merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const covenantErrors = {
  covenant_not_found_version: { zh: '找不到该版本', en: 'No such version' },
} as const;
