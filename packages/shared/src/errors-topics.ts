/** Error codes of the topics module; merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const topicErrors = {
  topic_decline_reason_required: { zh: '不列入议程时请写明理由', en: 'Give a reason for declining the topic' },
  topic_wrong_status: { zh: '议题当前所处阶段不能进行此操作', en: 'The topic is not at a stage that allows this' },
  topic_community_required: { zh: '请选择议题所属社区', en: 'Choose the community of the topic' },
  topic_place_invalid: { zh: '所选位置不在该社区内', en: 'That place is not in the community' },
  topic_requests_invalid: { zh: '所选诉求不存在或不属于该社区', en: 'Some requests do not exist or belong to another community' },
  topic_requests_staff_only: { zh: '只有社区工作人员可以由诉求发起议题', en: 'Only community staff can start a topic from requests' },
  topic_consultation_end_invalid: { zh: '协商截止时间须晚于现在', en: 'The consultation must end in the future' },
  topic_consultation_ended: { zh: '协商征询已截止', en: 'The consultation has ended' },
  topic_not_a_question: { zh: '只能答复提问', en: 'Only questions can be answered' },
  topic_task_owner_invalid: { zh: '请指定本社区的账号、组织或责任人姓名', en: 'Name an account or organisation of the community, or a person' },
  topic_task_done: { zh: '该任务已完成', en: 'This task is already done' },
  topic_tally_invalid: { zh: '票数不合理：通过的决定赞成票须多于反对票', en: 'The vote counts do not add up: an adopted decision needs more votes for than against' },
  topic_decision_date_invalid: { zh: '会议日期不能晚于现在', en: 'The meeting date cannot be in the future' },
} as const;
