/** Error codes of the ledger module (issue 6); merged into `errorMessages` in errors.ts. Texts in zh-CN and en-US. */
export const ledgerErrors = {
  ledger_export_too_large: { zh: '账目超过 .xlsx 表格的行数上限，请下载 JSON 格式', en: 'The ledger has more entries than an .xlsx sheet holds; download the JSON export instead' },
  ledger_account_code_taken: { zh: '本社区已有该科目代码', en: 'This community already has an account with that code' },
  ledger_account_has_balance: { zh: '账户仍有余额，不能停用', en: 'The account still has a balance and cannot be retired' },
  ledger_account_retired: { zh: '该账户已停用', en: 'This account has been retired' },
  ledger_account_invalid: { zh: '分录中的账户不存在、不属于本社区或已停用', en: 'A line names an account that is missing, of another community or retired' },
  ledger_unbalanced: { zh: '借方合计须等于贷方合计，且等于金额', en: 'Debits must equal credits, and both the amount' },
  ledger_kind_mismatch: { zh: '收入须贷记收入科目，支出须借记支出科目', en: 'An income must credit an income category; an expense must debit an expense category' },
  ledger_personal_data: { zh: '内容含有身份证号、手机号或银行卡号，请先遮挡', en: 'The text contains an ID, mobile or bank card number; mask it first' },
  ledger_date_invalid: { zh: '记账日期不能晚于今天', en: 'The accounting date cannot be in the future' },
  ledger_receipt_invalid: { zh: '凭证须为本人上传、尚未使用的图片或 PDF', en: 'A receipt must be an image or PDF you uploaded and have not used yet' },
  ledger_own_entry: { zh: '不能审核自己录入的支出，须由另一位记账人审核', en: 'You cannot approve your own expense; another keeper must' },
  ledger_not_pending: { zh: '该笔账目已处理', en: 'This entry has already been decided' },
  ledger_not_posted: { zh: '只能冲正已入账的账目', en: 'Only a posted entry can be reversed' },
  ledger_already_reversed: { zh: '该笔账目已被冲正，不能重复冲正', en: 'This entry has already been reversed' },
  ledger_reverse_reversal: { zh: '冲正分录不能再冲正', en: 'A reversing entry cannot itself be reversed' },
} as const;
