import { useState } from 'react';
import { Alert, App, Button, Form, Radio, Space, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { revealRoles, transferKindLabels, transferKinds, type TransferKind } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { saveFile } from '../../api/save-file.js';
import { dataOfficerRoles, hasRole } from '../../console/module-access.js';
import { useLabel } from '../../i18n/labels.js';
import { CommunityField } from '../places/community-field.js';
import { PlacePicker } from '../places/place-picker.js';
import { PurposeModal } from '../registers/purpose-modal.js';
import { useSession } from '../session/session-context.js';
import { transferApi } from './transfer-api.js';

interface Values {
  kind: TransferKind;
  communityId: string;
  placeId?: string;
}

/** Registers that hold masked numbers; only these offer an unmasked export. */
const withPersonalData: TransferKind[] = ['residents', 'party_members', 'organisations'];

/** Download a register as .xlsx: masked by default; roles that may reveal can ask for full numbers with a purpose. */
export function ExportPanel() {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [askingPurpose, setAskingPurpose] = useState(false);
  const mayReveal = hasRole(me, revealRoles.idNumber) || hasRole(me, revealRoles.phone);

  const download = async (reveal?: { purpose: string }) => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      saveFile(await transferApi.export(v.kind, { communityId: v.communityId, placeId: v.placeId, reveal: !!reveal, purpose: reveal?.purpose }));
      message.success(t('transfer.export.done'));
    } catch (e) {
      setError(errorText(e));
      if (reveal) throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> name="export" form={form} layout="vertical" initialValues={{ kind: 'residents' }} requiredMark={false} style={{ maxWidth: 720 }}>
      <Form.Item name="kind" label={t('transfer.export.kind')}>
        <Radio.Group optionType="button" options={transferKinds.map((k) => ({ value: k, label: label(transferKindLabels[k]) }))} />
      </Form.Item>
      <CommunityField me={me} roles={dataOfficerRoles} />
      <Form.Item name="placeId" label={t('transfer.export.place')} extra={t('transfer.export.placeHelp')}>
        <PlacePicker kinds={['grid', 'estate', 'building', 'entrance']} aria-label={t('transfer.export.place')} placeholder={t('transfer.export.placeAll')} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('transfer.export.maskedHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space wrap>
        <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void download().catch(() => undefined)}>
          {t('transfer.export.masked')}
        </Button>
        {mayReveal && kind && withPersonalData.includes(kind) && (
          <Button icon={<EyeOutlined />} disabled={busy} onClick={() => setAskingPurpose(true)}>
            {t('transfer.export.revealed')}
          </Button>
        )}
      </Space>
      <PurposeModal
        open={askingPurpose}
        title={t('transfer.export.revealTitle')}
        hint={t('transfer.export.revealHint')}
        label={t('transfer.export.purpose')}
        submitText={t('transfer.export.revealSubmit')}
        onSubmit={async (purpose) => {
          await download({ purpose });
          setAskingPurpose(false);
        }}
        onClose={() => setAskingPurpose(false)}
      />
    </Form>
  );
}
