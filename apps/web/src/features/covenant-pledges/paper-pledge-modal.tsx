import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FileView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { DateInput, today } from '../../console/date-input.js';
import { PhotoUpload } from '../requests/photo-upload.js';
import { HouseholdSelect } from './household-select.js';
import { pledgesApi } from './pledges-api.js';

interface Values {
  householdId: string;
  signerName: string;
  signedOn: string;
  photos: FileView[];
}

interface Props {
  covenantId: string;
  /** A household picked from the unreached list, or null to search. */
  initial: { householdId: string; address: string } | null;
  onClose: () => void;
  onSaved: () => void;
}

/** A signed paper form, recorded door to door: the household, who signed, when, and a photo of the form. */
export function PaperPledgeModal({ covenantId, initial, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const p = await pledgesApi.recordPaper(covenantId, { householdId: v.householdId, signerName: v.signerName, signedOn: v.signedOn, photoFileId: v.photos?.[0]?.id });
      void message.success(t('covenantPledges.paper.done', { address: p.address }));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('covenantPledges.paper.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('covenantPledges.paper.submit')} confirmLoading={busy} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ householdId: initial?.householdId, signedOn: today(), photos: [] }} onFinish={(v) => void submit(v)}>
        <Form.Item name="householdId" label={t('covenantPledges.paper.household')} rules={[{ required: true }]}>
          <HouseholdSelect covenantId={covenantId} initial={initial} />
        </Form.Item>
        <Form.Item name="signerName" label={t('covenantPledges.paper.signer')} rules={[{ required: true, max: 60, whitespace: true }]}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="signedOn" label={t('covenantPledges.paper.signedOn')} rules={[{ required: true }]}>
          <DateInput past />
        </Form.Item>
        <Form.Item name="photos" label={t('covenantPledges.paper.photo')}>
          <PhotoUpload max={1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
