import type { TFunction } from 'i18next';
import i18n from '../../i18n/index.js';

/** "place.created" → 新增位置, or the raw action when the web does not know it yet. */
export function actionLabel(t: TFunction, action: string): string {
  const key = `audit.actions.${action.replace(/\./g, '_')}`;
  return i18n.exists(key) ? t(key as 'audit.actions.auth_login') : action;
}

export function targetTypeLabel(t: TFunction, type: string): string {
  const key = `audit.targetTypes.${type}`;
  return i18n.exists(key) ? t(key as 'audit.targetTypes.place') : type;
}
