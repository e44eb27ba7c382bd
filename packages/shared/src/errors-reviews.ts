/** Error codes of the reviews module (issue 6); merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const reviewErrors = {
  review_community_required: { zh: '请选择评议所属社区', en: 'Choose the community of the review' },
  review_period_invalid: { zh: '评议截止时间须晚于开始时间', en: 'The review must close after it opens' },
  review_services_duplicate: { zh: '服务项目名称重复', en: 'A service is listed twice' },
  review_wrong_status: { zh: '评议当前状态不能进行此操作', en: 'The review is not at a stage that allows this' },
  review_no_subjects: { zh: '评议没有评议对象：请先在组织中登记居委会成员或添加服务项目', en: "The review has nothing to rate: record the residents' committee members or add services first" },
  review_not_a_representative: { zh: '只有本社区的居民代表可以填写评议表', en: "Only the community's residents' representatives can fill in the review form" },
  review_not_open_now: { zh: '当前不在评议时间内', en: 'The review is not open at this time' },
  review_already_returned: { zh: '该居民代表已提交过评议表', en: 'This representative has already returned a form' },
  review_subject_invalid: { zh: '评议表中有不属于本次评议的对象或重复评议', en: 'The form rates something outside this review, or the same subject twice' },
  review_representative_invalid: { zh: '所选人员不是本社区现任居民代表', en: "That person is not a current residents' representative of the community" },
} as const;
