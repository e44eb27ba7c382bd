import { useState, type ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PurposeModal } from './purpose-modal.js';

interface Props {
  /** The field's name for people: 身份证号 / 手机号. */
  fieldLabel: string;
  masked: string | null;
  canReveal: boolean;
  /** Asks the server for the full value with the purpose stated; the server checks the role and audits it. */
  reveal: (purpose: string) => Promise<string | null>;
  /** Usual purposes for this field, offered as one-click choices (anything else can be typed). */
  purposes: string[];
  /** The value's test id, for specs that read what is shown. */
  testId: string;
  /** Shown when nothing is recorded; 未登记 unless the page says otherwise. */
  empty?: ReactNode;
}

/**
 * A masked number with, for roles that may, a button to see it in full after stating a purpose. The full
 * value lives only in this component's state: leaving the page forgets it.
 */
export function RevealField({ fieldLabel, masked, canReveal, reveal, purposes, testId, empty }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  if (!masked) return <>{empty ?? t('registers.reveal.none')}</>;

  return (
    <Space wrap size="small">
      <Typography.Text className="gz-mono" data-testid={testId}>
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
        suggestions={purposes}
        submitText={t('registers.reveal.submit')}
        onSubmit={async (purpose) => {
          setValue((await reveal(purpose)) ?? masked);
          setAsking(false);
        }}
        onClose={() => setAsking(false)}
      />
    </Space>
  );
}
