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
