import { useTranslation } from 'react-i18next';
import { locales } from '../i18n/index.js';
import { useChangeLocale } from '../features/preferences/use-change-locale.js';

/** Plain buttons, so the portal needs no component library. */
export function LanguageLinks() {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  return (
    <div className="portal-lang" role="group" aria-label={t('language')}>
      {locales.map((l) => (
        <button key={l} type="button" aria-pressed={i18n.language === l} onClick={() => change(l)}>
          {t(`languageNames.${l}`)}
        </button>
      ))}
    </div>
  );
}
