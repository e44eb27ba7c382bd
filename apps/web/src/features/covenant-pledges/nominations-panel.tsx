import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NominationView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { HouseholdSelect } from './household-select.js';
import { pledgesApi } from './pledges-api.js';

/** Exemplary households (文明家庭) nominated from those that pledged; the recognition module is told by an event. */
export function NominationsPanel({ covenantId, canNominate, reloadKey }: { covenantId: string; canNominate: boolean; reloadKey: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState(0);
  const list = useLoaded(`${covenantId}/${reloadKey}/${added}`, (signal) => pledgesApi.nominations(covenantId, signal));
  return (
    <Card
      size="small"
      title={t('covenantPledges.nominations.title')}
      extra={
        canNominate ? (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('covenantPledges.nominations.open')}
          </Button>
        ) : null
      }
    >
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<NominationView>
        rowKey="id"
        size="small"
        aria-label={t('covenantPledges.nominations.table')}
        loading={list.loading}
        scroll={{ x: 700 }}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('covenantPledges.nominations.none')} /> }}
        columns={[
          { key: 'address', title: t('covenantPledges.nominations.address'), render: (_: unknown, r) => r.address },
          { key: 'householder', title: t('covenantPledges.nominations.householder'), width: 100, render: (_: unknown, r) => r.householderName ?? '—' },
          { key: 'reason', title: t('covenantPledges.nominations.reason'), render: (_: unknown, r) => r.reason },
          { key: 'by', title: t('covenantPledges.nominations.by'), width: 100, render: (_: unknown, r) => r.nominatedByName ?? '—' },
          { key: 'at', title: t('covenantPledges.nominations.at'), width: 110, render: (_: unknown, r) => r.createdAt.slice(0, 10) },
        ]}
      />
      {open && (
        <NominateModal
          covenantId={covenantId}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setAdded((n) => n + 1);
          }}
        />
      )}
    </Card>
  );
}

function NominateModal({ covenantId, onClose, onDone }: { covenantId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ householdId: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { householdId: string; reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await pledgesApi.nominate(covenantId, v);
      void message.success(t('covenantPledges.nominations.done'));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('covenantPledges.nominations.open')} onCancel={onClose} onOk={() => form.submit()} okText={t('covenantPledges.nominations.submit')} confirmLoading={busy} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="householdId" label={t('covenantPledges.nominations.household')} rules={[{ required: true }]}>
          <HouseholdSelect covenantId={covenantId} pledgedOnly />
        </Form.Item>
        <Form.Item name="reason" label={t('covenantPledges.nominations.reason')} rules={[{ required: true, min: 2, max: 1000, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={1000} placeholder={t('covenantPledges.nominations.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
