import { Button, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { locales } from '../i18n/index.js';
import { useChangeLocale } from '../features/preferences/use-change-locale.js';

/** 中文 | English for the phone. */
export function LanguageButtons() {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  return (
    <div role="group" aria-label={t('language')}>
      <Space wrap>
        {locales.map((l) => (
          <Button
            key={l}
            size="small"
            color={i18n.language === l ? 'primary' : 'default'}
            fill={i18n.language === l ? 'solid' : 'outline'}
            aria-pressed={i18n.language === l}
            onClick={() => change(l)}
          >
            {t(`languageNames.${l}`)}
          </Button>
        ))}
      </Space>
    </div>
  );
}
