import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { locales } from '../i18n/index.js';
import { useChangeLocale } from '../features/preferences/use-change-locale.js';

/** 中文 | English, as two real buttons so both people and tests find them by name. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  return (
    <Space.Compact role="group" aria-label={t('language')}>
      {locales.map((l) => (
        <Button
          key={l}
          size="small"
          type={i18n.language === l ? 'primary' : 'default'}
          aria-pressed={i18n.language === l}
          onClick={() => change(l)}
        >
          {t(`languageNames.${l}`)}
        </Button>
      ))}
    </Space.Compact>
  );
}
