import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RevealableField } from '@gongzhi/shared';
import { PurposeModal } from './purpose-modal.js';
import { residentsApi } from './registers-api.js';

const suggestionKeys = ['callback', 'verify', 'benefits', 'visit', 'emergency'] as const;

interface Props {
  residentId: string;
  field: RevealableField;
  /** The field's name for people: 身份证号 / 手机号. */
  fieldLabel: string;
  masked: string | null;
  canReveal: boolean;
}

/**
 * A masked number with, for roles that may, a button to see it in full after stating a purpose. The full
 * value lives only in this component's state: leaving the page forgets it.
 */
export function RevealField({ residentId, field, fieldLabel, masked, canReveal }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  if (!masked) return <>{t('registers.reveal.none')}</>;

  return (
    <Space wrap size="small">
      <Typography.Text className="gz-mono" data-testid={`${field}-value`}>
        {value ?? masked}
      </Typography.Text>
      {value ? (
        <>
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setValue(null)}>
            {t('registers.reveal.hide')}
          </Button>
          <Typography.Text type="secondary">{t('registers.reveal.logged')}</Typography.Text>
        </>
      ) : (
        canReveal && (
          <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} aria-label={t('registers.reveal.buttonFor', { field: fieldLabel })}>
            {t('registers.reveal.button')}
          </Button>
        )
      )}
      <PurposeModal
        open={asking}
        title={t('registers.reveal.title', { field: fieldLabel })}
        hint={t('registers.reveal.hint')}
        label={t('registers.reveal.purpose')}
        placeholder={t('registers.reveal.purposePlaceholder')}
        suggestions={suggestionKeys.map((k) => t(`registers.reveal.suggestions.${k}`))}
        submitText={t('registers.reveal.submit')}
        onSubmit={async (purpose) => {
          const r = await residentsApi.reveal(residentId, field, purpose);
          setValue(r.value ?? masked);
          setAsking(false);
        }}
        onClose={() => setAsking(false)}
      />
    </Space>
  );
}
