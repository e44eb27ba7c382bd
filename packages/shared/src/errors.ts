/** Stable error codes. The server answers `{ error: { code, message, details } }`; the web maps codes to text. */
export const errorMessages = {
  validation_failed: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; check the marked fields' },
  malformed_body: { zh: '请求内容无法解析', en: 'The request body could not be parsed' },
  payload_too_large: { zh: '提交的内容过大', en: 'The request body is too large' },
  unsupported_media_type: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  not_authenticated: { zh: '请先登录', en: 'Please log in first' },
  forbidden: { zh: '您没有权限进行此操作', en: 'You are not allowed to do this' },
  csrf_failed: { zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  not_found: { zh: '找不到该记录', en: 'Not found' },
  route_not_found: { zh: '没有这个接口', en: 'No such endpoint' },
  invalid_credentials: { zh: '账号或密码不正确', en: 'Wrong account or password' },
  account_locked: { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed attempts; try again later' },
  rate_limited: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; slow down and try again' },
  wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  weak_password: { zh: '密码至少 8 位，且须包含字母和数字', en: 'Use at least 8 characters with letters and digits' },
  claim_code_invalid: { zh: '激活码无效或已过期', en: 'The activation code is invalid or has expired' },
  account_already_claimed: { zh: '该账号已激活', en: 'This account has already been activated' },
  username_taken: { zh: '用户名已被使用', en: 'That username is taken' },
  phone_taken: { zh: '该手机号已绑定其他账号', en: 'That phone number belongs to another account' },
  account_disabled: { zh: '账号已停用', en: 'This account is disabled' },
  invalid_parent: { zh: '上级位置不符合层级要求', en: 'That parent does not fit the place hierarchy' },
  place_retired: { zh: '该位置已撤销', en: 'This place has been retired' },
  place_has_active_children: { zh: '请先撤销下级位置', en: 'Retire the places under it first' },
  move_into_own_subtree: { zh: '不能移动到自己的下级', en: 'A place cannot move under itself' },
  duplicate_place_name: { zh: '同一上级下已有同名位置', en: 'A place with that name already exists here' },
  invalid_role_scope: { zh: '角色与所选范围不匹配', en: 'The role does not fit the chosen scope' },
  role_already_held: { zh: '该账号已有此角色', en: 'The account already holds this role' },
  not_a_resident: { zh: '只能代居民办理', en: 'You can only act on behalf of a resident' },
  not_acting_on_behalf: { zh: '当前没有代办', en: 'You are not acting on anyone’s behalf' },
  not_a_dwelling: { zh: '请选择具体的房屋(门牌)', en: 'Choose a dwelling (a door number)' },
  id_number_invalid: { zh: '身份证号码无效(校验位、出生日期或长度不对)', en: 'The ID number is invalid (check digit, birth date or length)' },
  id_number_taken: { zh: '该身份证号码已在本社区登记', en: 'This ID number is already registered in this community' },
  birth_date_mismatch: { zh: '出生日期与身份证号码不一致', en: 'The birth date does not match the ID number' },
  gender_mismatch: { zh: '性别与身份证号码不一致', en: 'The gender does not match the ID number' },
  phone_invalid: { zh: '手机号码格式不正确(应为 11 位手机号)', en: 'The phone number is invalid (11 digits, starting with 1)' },
  date_invalid: { zh: '日期无效或晚于今天', en: 'The date is invalid or in the future' },
  relation_without_household: { zh: '未入户的居民不能填写与户主关系', en: 'A relation to the householder needs a household' },
  householder_exists: { zh: '该户已有户主，请先变更户主', en: 'This household already has a householder; change the householder first' },
  householder_not_member: { zh: '户主必须是本户成员', en: 'The householder must be a member of the household' },
  basis_required: { zh: '敏感个人信息须记录本人同意或法定依据', en: 'Sensitive personal data needs a recorded consent or legal basis' },
  resident_not_living: { zh: '该居民已迁出或已故', en: 'This resident has moved out or died' },
  household_moved_out: { zh: '该户已迁出', en: 'This household has moved out' },
  household_not_empty: { zh: '该户仍有在住成员', en: 'This household still has members living here' },
  resident_not_linked: { zh: '您的账号尚未关联居民档案，请联系社区工作人员', en: 'Your account is not linked to a resident record yet; ask the community office' },
  account_exists: { zh: '该居民已有账号', en: 'This resident already has an account' },
  correction_already_handled: { zh: '该更正申请已处理', en: 'This correction request has already been handled' },
  consent_withdrawn: { zh: '该授权已撤回', en: 'This consent has already been withdrawn' },
  term_too_long: { zh: '任期不能超过 5 年', en: 'A term cannot exceed 5 years' },
  term_dates_invalid: { zh: '任期结束日期须晚于开始日期', en: 'A term must end after it starts' },
  organisation_name_taken: { zh: '本社区已有同名组织', en: 'An organisation with that name already exists in this community' },
  invalid_party_parent: { zh: '上级党组织层级不符', en: 'That parent does not fit the party organisation levels' },
  not_a_party_org: { zh: '请选择党组织', en: 'Choose a party organisation' },
  membership_person_required: { zh: '请指定居民、账号或姓名', en: 'Name a resident, an account or a person' },
  membership_place_required: { zh: '该职务须指定对应的网格、小区或楼栋', en: 'This post needs its grid, estate or building' },
  membership_account_required: { zh: '该职务会授予账号权限，请先为此人开通账号', en: 'This post gives account access; create an account for the person first' },
  membership_ended: { zh: '该职务已结束', en: 'This post has already ended' },
  membership_place_invalid: { zh: '所选位置与该职务不符，或不在本社区', en: 'That place does not fit this post or is not in this community' },
  membership_exists: { zh: '此人已担任该职务', en: 'This person already holds this post' },
  organisation_place_invalid: { zh: '所选位置须为本社区或本社区的小区', en: 'Choose this community or one of its estates' },
  organisation_retired: { zh: '该组织已撤销', en: 'This organisation has been retired' },
  organisation_has_active_children: { zh: '请先撤销下级党组织', en: 'Retire the party organisations under it first' },
  organisation_has_party_members: { zh: '请先将本组织的党员转入其他党组织', en: 'Move its party members to another party organisation first' },
  party_member_exists: { zh: '该居民已在党员名册中', en: 'This resident is already on the party roster' },
  import_file_invalid: { zh: '文件不是有效的 Excel(.xlsx)文件', en: 'The file is not a valid Excel (.xlsx) file' },
  import_headers_mismatch: { zh: '表头与模板不一致，请下载模板后填写', en: 'The headers do not match the template; download the template and fill it in' },
  import_empty: { zh: '文件中没有数据行', en: 'The file has no data rows' },
  import_too_many_rows: { zh: '单个文件行数过多，请拆分后导入', en: 'Too many rows in one file; split it and import the parts' },
  import_file_missing: { zh: '请上传文件', en: 'Upload a file' },
  import_not_ready: { zh: '该导入任务当前不能执行此操作', en: 'This import cannot do that in its current state' },
  reveal_purpose_required: { zh: '查看完整信息须说明用途', en: 'State a purpose to see the full value' },
  internal_error: { zh: '服务器出错了，请稍后再试', en: 'Something went wrong on the server; try again later' },
  service_unavailable: { zh: '服务暂不可用', en: 'Service unavailable' },
} as const;

export type ErrorCode = keyof typeof errorMessages;
export type Locale = 'zh-CN' | 'en-US';

/** The message for a code in the caller's locale. */
export function errorMessage(code: ErrorCode, locale: Locale = 'zh-CN'): string {
  const m = errorMessages[code];
  return locale === 'en-US' ? m.en : m.zh;
}

/** The shape of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
