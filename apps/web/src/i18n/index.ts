import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-us/index.js';
import { zhCN } from './zh-cn/index.js';

export const locales = ['zh-CN', 'en-US'] as const;
export type AppLocale = (typeof locales)[number];

const STORAGE_KEY = 'gz.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export const isLocale = (v: unknown): v is AppLocale => typeof v === 'string' && (locales as readonly string[]).includes(v);

/** The language chosen on this device, if any. */
export function storedLocale(): AppLocale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

/** Switch the UI language and remember it on this device. Saving it to the account is the session's job. */
export async function setLocale(locale: AppLocale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18n.changeLanguage(locale);
}

/** The language now shown. */
export const currentLocale = (): AppLocale => (isLocale(i18n.language) ? i18n.language : 'zh-CN');

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLocale() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
