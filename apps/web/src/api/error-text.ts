import i18n from '../i18n/index.js';
import { ApiError, isErrorCode } from './api-error.js';

/** The text to show for any error: our own words for known codes, else the server's (already localised). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (isErrorCode(e.code) || e.code === 'network_error') return i18n.t(`errors.${e.code}`);
    if (e.serverMessage) return e.serverMessage;
  }
  return i18n.t('errors.internal_error');
}

// The server's field messages are zod's (English) or short codes; people get our own words.
const fieldTexts: [RegExp, () => string][] = [
  [/phone/i, () => i18n.t('validation.phone')],
  [/username/i, () => i18n.t('validation.username')],
  [/^invalid id$/i, () => i18n.t('validation.id')],
  [/control characters/i, () => i18n.t('validation.controlChars')],
  [/too small: expected array/i, () => i18n.t('validation.atLeastOne')],
  [/too small: expected string to have >=1 /i, () => i18n.t('validation.required')],
  [/too small/i, () => i18n.t('validation.tooShort')],
  [/too big/i, () => i18n.t('validation.tooLong')],
  [/required|expected .*, received undefined/i, () => i18n.t('validation.required')],
];

/** A validation message for one field, in the UI's language. */
export function fieldMessageText(message: string): string {
  // Business errors (`username_taken`) and refinements (`weak_password`) carry a code we know.
  if (isErrorCode(message)) return i18n.t(`errors.${message}`);
  for (const [re, text] of fieldTexts) if (re.test(message)) return text();
  return i18n.t('validation.invalid');
}

/** Errors for `form.setFields`; `name` is typed `never` so the list fits any form's own name type. */
export type FieldErrors = { name: never; errors: string[] }[];

/**
 * Field errors of a validation error in the `{ name, errors }` form antd and antd-mobile forms take;
 * only fields the form knows are returned, so nothing is lost silently (the caller shows the rest).
 */
export function formFieldErrors(e: unknown, known: (name: (string | number)[]) => boolean): FieldErrors {
  if (!(e instanceof ApiError)) return [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const p of e.fieldProblems) {
    const name = p.field
      .split('.')
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (!known(name)) continue;
    const entry = byField.get(p.field) ?? { name, errors: [] };
    const text = fieldMessageText(p.message);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(p.field, entry);
  }
  return [...byField.values()] as FieldErrors;
}
