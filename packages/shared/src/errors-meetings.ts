/** Error codes of the meetings module; merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const meetingErrors = {
  meeting_closed: { zh: '会议已结束', en: 'This meeting has ended' },
} as const;
