/** Error codes of the covenant module; merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const covenantErrors = {
  covenant_community_required: { zh: '请选择公约所属社区', en: 'Choose the community of the covenant' },
  covenant_markdown_invalid: {
    zh: '公约文本无法拆分为条款：请用“第一条、第二条……”依次编号（详见所示行）',
    en: 'The text cannot be split into articles: number them 第一条, 第二条… in order (see the line shown)',
  },
  covenant_changelog_required: { zh: '第二稿起须写明修改说明', en: 'From the second version on, say what changed and why' },
  covenant_version_invalid: { zh: '该版本不属于此公约', en: 'That version does not belong to this covenant' },
  covenant_version_not_current: { zh: '只能针对当前版本发表意见', en: 'Only the current version is open to comments' },
  covenant_article_invalid: { zh: '该条款不属于所选版本', en: 'That article is not in the chosen version' },
  covenant_phase_order: { zh: '公约只能按顺序进入下一阶段', en: 'A covenant can only move on to its next phase' },
  covenant_phase_precondition: { zh: '尚未满足进入下一阶段的条件', en: 'The conditions for the next phase are not met yet' },
  covenant_phase_dates: { zh: '阶段结束日期不能早于开始日期', en: 'A phase cannot end before it starts' },
  covenant_review_reserved: { zh: '合法性审查和备案只能由街道进行', en: 'Only the subdistrict may review legality and receive the filing' },
  covenant_review_notes_required: { zh: '退回修改时请写明需要修改的内容', en: 'Say what must change when returning the covenant' },
  covenant_entry_staff_only: { zh: '只有社区工作人员可以代为登记他人意见', en: 'Only community staff may enter an opinion on behalf of someone' },
  covenant_answer_invalid: { zh: '所选选项无效：单选题只能选一项', en: 'Invalid choice: a single-choice question takes exactly one option' },
  covenant_meeting_kind: { zh: '公约须由居民会议或居民代表会议表决', en: "A covenant is voted on by a residents' meeting or a representative assembly" },
  covenant_version_not_approved: { zh: '该版本尚未通过合法性审查', en: 'That version has not passed the legality review' },
  // covenant pledges (helper C2)
  pledge_exists: { zh: '该户已签字承诺，请勿重复签署', en: 'This household has already pledged' },
  pledge_household_invalid: { zh: '该户已迁出，不能签字承诺', en: 'That household has moved out and cannot pledge' },
  pledge_revoked: { zh: '该承诺已撤销', en: 'This pledge has already been revoked' },
  pledge_signed_on_invalid: { zh: '签字日期不能晚于今天', en: 'The signing date cannot be in the future' },
  pledge_no_household: { zh: '您尚未登记在户，无法代表家庭签字', en: 'You are not registered in a household, so you cannot sign for one' },
  nomination_not_pledged: { zh: '只能推荐已签字承诺的家庭', en: 'Only a household that has pledged can be nominated' },
  nomination_exists: { zh: '该户已被推荐', en: 'This household has already been nominated' },
} as const;
