import type { Label, Locale } from '@gongzhi/shared';

/**
 * Why a row of an import was refused, one code per reason, with the text a community worker reads in the
 * report. `{name}` placeholders are filled from the error's params. The codes are stable: the web may map them.
 */
export const rowMessages = {
  required: { zh: '必填项为空', en: 'This column is required' },
  text_too_long: { zh: '内容过长(最多 {max} 字)', en: 'Too long (at most {max} characters)' },
  invalid_characters: { zh: '含有不可见的控制字符，请重新输入', en: 'Contains control characters; type it again' },
  cell_error: { zh: '单元格是 Excel 错误值 {value}', en: 'The cell holds the Excel error {value}' },
  date_invalid: { zh: '日期无效，请填写如 2024-03-07 或 2024/3/7', en: 'Invalid date; write e.g. 2024-03-07 or 2024/3/7' },
  date_in_future: { zh: '日期晚于今天', en: 'The date is in the future' },
  id_number_format: { zh: '身份证号码应为 18 位(末位可为 X)', en: 'An ID number has 18 characters (the last may be X)' },
  id_number_checksum: { zh: '身份证号码校验位不对，请核对', en: 'The ID number check digit is wrong; check the number' },
  id_number_birth_date: { zh: '身份证号码中的出生日期无效', en: 'The birth date inside the ID number is invalid' },
  id_number_as_number: {
    zh: '身份证号码被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写',
    en: 'Excel stored the ID number as a number and lost its last digits; format the column as Text and type it again',
  },
  id_number_masked: {
    zh: '身份证号码是脱敏显示，不能导入；请填写完整号码(或使用“显示完整信息”的导出)',
    en: 'The ID number is masked and cannot be imported; write the full number (or use an unmasked export)',
  },
  phone_invalid: { zh: '手机号码格式不正确(应为 11 位手机号)', en: 'Invalid mobile number (11 digits, starting with 1)' },
  contact_phone_invalid: { zh: '电话号码格式不正确(手机号或 区号-号码)', en: 'Invalid phone number (a mobile or area code-number)' },
  phone_masked: {
    zh: '电话是脱敏显示且与登记的不一致；请填写完整号码',
    en: 'The phone number is masked and does not match the one on record; write the full number',
  },
  credit_code_invalid: { zh: '统一社会信用代码应为 18 位', en: 'A unified social credit code has 18 characters' },
  option_invalid: { zh: '应为以下之一：{options}', en: 'Must be one of: {options}' },
  tag_unknown: { zh: '未知标签“{value}”；可用：{options}', en: 'Unknown tag "{value}"; use: {options}' },
  gender_mismatch: { zh: '性别与身份证号码不一致', en: 'The gender does not match the ID number' },
  birth_date_mismatch: { zh: '出生日期与身份证号码不一致', en: 'The birth date does not match the ID number' },
  duplicate_in_file: { zh: '与第 {rows} 行重复', en: 'Duplicates row {rows}' },
  place_not_found: { zh: '“{value}”在所填上级下不存在', en: '"{value}" does not exist under the places to its left' },
  place_incomplete: { zh: '地址须从网格一直填到房号', en: 'Fill the address from grid down to room number' },
  place_gap: { zh: '上级为空时不能填写下级', en: 'A lower level needs every level above it' },
  relation_required: { zh: '有地址时须填写与户主关系', en: 'Give the relation to the householder with an address' },
  relation_without_household: { zh: '未入户的居民不能填写与户主关系', en: 'A relation to the householder needs a household' },
  household_not_found: {
    zh: '该房屋还没有户；请先导入户，或在本表中填写户主行',
    en: 'No household lives at this dwelling yet; import the household or add the householder row',
  },
  household_ambiguous: { zh: '该房屋有多户，请填写户主身份证号', en: 'Several households live here; give the householder ID number' },
  householder_not_found: {
    zh: '找不到该身份证号的户主(须为本社区在住户的户主，或本表中的户主行)',
    en: 'No householder with this ID number (a householder of an active household here, or a householder row in this file)',
  },
  householder_row_invalid: { zh: '户主所在的第 {rows} 行有错误，请先改正', en: 'The householder row {rows} has errors; fix it first' },
  householder_elsewhere: { zh: '该户主的户不在所填房屋', en: "The householder's household is not at this dwelling" },
  householder_is_self: { zh: '户主身份证号是本人，与户主关系应为“户主”', en: 'The householder is this person; the relation should be Householder' },
  household_change_not_supported: {
    zh: '该居民已登记在其他户；迁移请在居民详情中办理',
    en: 'This resident belongs to another household; move them from their record',
  },
  householder_change_not_supported: {
    zh: '变更户主请在户详情中办理',
    en: 'Change the householder from the household record',
  },
  resident_not_living: { zh: '该居民已迁出或已故', en: 'This resident has moved out or died' },
  householder_name_mismatch: { zh: '户主姓名与登记的“{value}”不一致', en: 'The householder name differs from "{value}" on record' },
  householder_name_required: { zh: '新登记的户主须填写姓名', en: 'A new householder needs a name' },
  minor_householder: {
    zh: '不满 14 周岁的户主请在居民表中登记(须填写监护人同意等依据)',
    en: 'Register a householder under 14 on the residents sheet, with a basis',
  },
  householder_id_required: { zh: '填写户主姓名时须填写户主身份证号', en: 'Give the householder ID number with the name' },
  basis_required: {
    zh: '{what}属于敏感个人信息，须填写敏感信息依据和依据说明',
    en: '{what} is sensitive personal data; give the basis and its detail',
  },
  basis_detail_required: { zh: '请写明依据(至少 2 个字)', en: 'Describe the basis (at least 2 characters)' },
  basis_invalid_for_minor: {
    zh: '不满 14 周岁的儿童须由监护人同意或依法定职责登记',
    en: "A child under 14 needs a guardian's consent or a legal duty",
  },
  party_org_not_found: { zh: '本社区没有名为“{value}”的党组织', en: 'No party organisation named "{value}" in this community' },
  employer_required: { zh: '在职党员须填写工作单位', en: 'An employed member needs an employer' },
  party_member_not_active: { zh: '该党员已转出或已故', en: 'This party member has transferred out or died' },
  party_level_required: { zh: '党组织须填写层级', en: 'A party organisation needs its level' },
  party_level_not_allowed: { zh: '只有党组织填写层级', en: 'Only party organisations have a level' },
  parent_not_allowed: { zh: '只有党组织填写上级组织', en: 'Only party organisations have a parent' },
  parent_not_found: { zh: '找不到上级组织“{value}”', en: 'No parent organisation named "{value}"' },
  invalid_party_parent: { zh: '上级党组织层级须高于本组织', en: 'The parent must be a party organisation of a higher level' },
  organisation_retired: { zh: '该组织已撤销', en: 'This organisation has been retired' },
  organisation_kind_mismatch: { zh: '该组织已登记为“{value}”，类型不能通过导入修改', en: 'This organisation is registered as "{value}"; its kind cannot change by import' },
  term_dates_invalid: { zh: '任期结束日期须晚于开始日期', en: 'A term must end after it starts' },
  term_too_long: { zh: '任期不能超过 5 年', en: 'A term cannot exceed 5 years' },
  id_number_taken: { zh: '该身份证号码已在本社区登记', en: 'This ID number is already registered in this community' },
  row_failed: { zh: '写入失败：{value}', en: 'Could not be written: {value}' },
  import_failed: { zh: '导入中断：{value}', en: 'The import stopped: {value}' },
} as const satisfies Record<string, Label>;

export type RowErrorCode = keyof typeof rowMessages;

/** The text of a row error in the caller's language. */
export function rowMessage(code: RowErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const m = rowMessages[code];
  const text = locale === 'en-US' ? m.en : m.zh;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
