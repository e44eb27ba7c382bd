/** Error codes of the topics module; merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const topicErrors = {
  topic_decline_reason_required: { zh: '不列入议程时请写明理由', en: 'Give a reason for declining the topic' },
} as const;
