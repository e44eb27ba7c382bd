import { useState } from 'react';
import { Alert, Button, Modal, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ResidentDetail } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { hasRole, userManagerRoles } from '../../console/module-access.js';
import { formatDateTime } from '../../i18n/format.js';
import { useSession } from '../session/session-context.js';
import { residentsApi } from './registers-api.js';

type Created = { userId: string; claimCode: { code: string; expiresAt: string } };

/** Open a resident-app account for this person, linked to their record, and hand over the activation code. */
export function ResidentAccountModal({ r, open, onClose }: { r: ResidentDetail; open: boolean; onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const close = () => {
    const was = created !== null;
    setCreated(null);
    setError(null);
    onClose(was);
  };

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setCreated(await residentsApi.createAccount(r.id));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('registers.account.title', { name: r.name })} onCancel={close} footer={null} destroyOnHidden>
      {created ? (
        <Result
          status="success"
          title={t('registers.account.done')}
          subTitle={t('registers.account.code', { code: created.claimCode.code, expires: formatDateTime(created.claimCode.expiresAt) })}
          extra={
            <Space orientation="vertical">
              {hasRole(me, userManagerRoles) && (
                <>
                  <Button
                    type="primary"
                    onClick={() => navigate(`/console/users/${created.userId}/claim-slip`, { state: { from: `/console/residents/${r.id}` } })}
                  >
                    {t('registers.account.printSlip')}
                  </Button>
                  <Typography.Text type="secondary">{t('registers.account.printHint')}</Typography.Text>
                </>
              )}
              <Button onClick={close}>{t('actions.close')}</Button>
            </Space>
          }
        />
      ) : (
        <>
          <Typography.Paragraph>{t('registers.account.hint')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" loading={busy} onClick={create}>
              {t('registers.account.submit')}
            </Button>
            <Button onClick={close}>{t('actions.cancel')}</Button>
          </Space>
        </>
      )}
    </Modal>
  );
}
