import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { errorText } from '../../api/error-text.js';
import { formatDateTime } from '../../i18n/format.js';
import { usersApi, type ClaimSlip } from './users-api.js';
import './claim-slip.css';
import { LinkButton } from '../../console/link-button.js';

/**
 * A printable activation slip for a resident without a smartphone: opening it issues a fresh one-time code
 * (older codes stop working), shown large with plain instructions.
 */
export default function ClaimSlipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Opened from a resident's page, "back" returns there rather than to the accounts list.
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [slip, setSlip] = useState<ClaimSlip | null>(null);
  const [error, setError] = useState<unknown>(null);
  const issuedFor = useRef<string | null>(null);

  useEffect(() => {
    // Issue once per account even when React runs effects twice in development.
    if (issuedFor.current === id) return;
    issuedFor.current = id;
    usersApi.issueClaimCode(id).then(setSlip, setError);
  }, [id]);

  const claimUrl = `${window.location.origin}/m/claim`;

  return (
    <div className="claim-slip-page">
      <Space className="claim-slip-toolbar no-print" wrap>
        <LinkButton to={from ?? '/console/users'}>{from ? t('actions.back') : t('users.slip.back')}</LinkButton>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!slip} onClick={() => window.print()}>
          {t('users.slip.print')}
        </Button>
        <span className="claim-slip-note">{t('users.slip.newCodeNote')}</span>
      </Space>
      {error ? <Alert className="no-print" type="error" showIcon title={errorText(error)} /> : null}
      {!slip && !error && (
        <div className="no-print" role="status">
          <Spin /> {t('users.slip.issuing')}
        </div>
      )}
      {slip && (
        <article className="claim-slip" aria-label={t('users.slip.title')}>
          <h1>{t('users.slip.title')}</h1>
          <p className="claim-slip-greeting">{t('users.slip.greeting', { name: slip.displayName })}</p>
          {slip.communityName && <p>{t('users.slip.community', { name: slip.communityName })}</p>}
          <p>{t('users.slip.intro')}</p>
          <div className="claim-slip-code">
            <div className="claim-slip-code-label">{t('users.slip.codeLabel')}</div>
            <div className="claim-slip-code-value" data-testid="claim-code">
              {slip.code}
            </div>
            <div>{t('users.slip.expires', { time: formatDateTime(slip.expiresAt) })}</div>
          </div>
          <h2>{t('users.slip.stepsTitle')}</h2>
          <ol>
            <li>{t('users.slip.step1', { url: claimUrl })}</li>
            <li>{t('users.slip.step2')}</li>
            <li>{t('users.slip.step3')}</li>
          </ol>
          <p className="claim-slip-help">{t('users.slip.noPhone')}</p>
          <p>{t('users.slip.keep')}</p>
        </article>
      )}
    </div>
  );
}
