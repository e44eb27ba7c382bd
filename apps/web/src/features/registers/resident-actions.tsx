import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { DownloadOutlined, EditOutlined, LogoutOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '@gongzhi/shared';
import { saveJson } from '../../api/save-file.js';
import { dataOfficerRoles, hasRole } from '../../console/module-access.js';
import { today } from '../../console/date-input.js';
import { useSession } from '../session/session-context.js';
import { PurposeModal } from './purpose-modal.js';
import { residentsApi } from './registers-api.js';
import { ResidentAccountModal } from './resident-account-modal.js';
import { ResidentFormModal } from './resident-form-modal.js';
import { ResidentLeaveModal } from './resident-leave-modal.js';
import { ResidentMoveModal } from './resident-move-modal.js';

type Open = 'edit' | 'move' | 'leave' | 'account' | 'export' | null;

/** What may be done with a resident's record, each through its own small form. */
export function ResidentActions({ r, onChanged, onReload }: { r: ResidentDetail; onChanged: (d: ResidentDetail) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const [open, setOpen] = useState<Open>(null);
  const living = r.status === 'living';
  // Opening an account and exporting a person's data are a data officer's tasks, not every register keeper's.
  const officer = hasRole(me, dataOfficerRoles);
  const after = (done: string) => (d?: ResidentDetail) => {
    setOpen(null);
    if (d) {
      onChanged(d);
      message.success(done);
    }
  };

  return (
    <>
      <Space wrap>
        {r.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>
            {t('registers.resident.actions.edit')}
          </Button>
        )}
        {r.canEdit && living && (
          <Button icon={<SwapOutlined />} onClick={() => setOpen('move')}>
            {t('registers.resident.actions.move')}
          </Button>
        )}
        {r.canEdit && living && (
          <Button icon={<LogoutOutlined />} danger onClick={() => setOpen('leave')}>
            {t('registers.resident.actions.leave')}
          </Button>
        )}
        {officer && living && !r.hasAccount && (
          <Button icon={<UserAddOutlined />} onClick={() => setOpen('account')}>
            {t('registers.resident.actions.account')}
          </Button>
        )}
        {officer && (
          <Button icon={<DownloadOutlined />} onClick={() => setOpen('export')}>
            {t('registers.resident.actions.export')}
          </Button>
        )}
      </Space>
      <ResidentFormModal mode={open === 'edit' ? { kind: 'edit', resident: r } : null} onClose={after(t('registers.form.saved'))} />
      <ResidentMoveModal r={r} open={open === 'move'} onClose={after(t('registers.move.done'))} />
      <ResidentLeaveModal r={r} open={open === 'leave'} onClose={after(t('registers.leave.done'))} />
      <ResidentAccountModal
        r={r}
        open={open === 'account'}
        onClose={(created) => {
          setOpen(null);
          if (created) onReload();
        }}
      />
      <PurposeModal
        open={open === 'export'}
        title={t('registers.exportData.title', { name: r.name })}
        hint={t('registers.exportData.hint')}
        label={t('registers.exportData.purpose')}
        placeholder={t('registers.exportData.purposePlaceholder')}
        submitText={t('registers.exportData.submit')}
        onSubmit={async (purpose) => {
          const data = await residentsApi.exportData(r.id, purpose);
          saveJson(data, `${r.name}-${today()}.json`);
          setOpen(null);
          message.success(t('registers.exportData.done'));
        }}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
