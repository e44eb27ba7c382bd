import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Image, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { pledgeMethodLabels, pledgeMethods, type PledgeMethod, type PledgeView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { usePaged } from '../../api/use-loaded.js';
import { useLabel } from '../../i18n/labels.js';
import { pledgesApi } from './pledges-api.js';

const PAGE = 20;

interface Props {
  covenantId: string;
  placeId?: string;
  reloadKey: number;
  onChanged: () => void;
}

/** Pledges within the caller's part, newest first, with the paper form's photo and a revoke with a reason. */
export function PledgeList({ covenantId, placeId, reloadKey, onChanged }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [page, setPage] = useState(1);
  const [method, setMethod] = useState<PledgeMethod | undefined>(undefined);
  const [withRevoked, setWithRevoked] = useState(false);
  const [revoking, setRevoking] = useState<PledgeView | null>(null);
  const query = { placeId, method, includeRevoked: withRevoked ? ('true' as const) : undefined, limit: PAGE, offset: (page - 1) * PAGE };
  const list = usePaged<PledgeView>(JSON.stringify({ covenantId, query, reloadKey }), (signal) => pledgesApi.list(covenantId, query, signal));
  return (
    <Card
      size="small"
      title={`${t('covenantPledges.list.title')}（${list.total}）`}
      extra={
        <Space wrap>
          <Select<PledgeMethod | 'all'>
            size="small"
            style={{ width: 130 }}
            aria-label={t('covenantPledges.list.method')}
            value={method ?? 'all'}
            onChange={(v) => {
              setMethod(v === 'all' ? undefined : v);
              setPage(1);
            }}
            options={[{ value: 'all', label: t('covenantPledges.list.allMethods') }, ...pledgeMethods.map((m) => ({ value: m, label: label(pledgeMethodLabels[m]) }))]}
          />
          <Checkbox checked={withRevoked} onChange={(e) => setWithRevoked(e.target.checked)}>
            {t('covenantPledges.list.showRevoked')}
          </Checkbox>
        </Space>
      }
    >
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Table<PledgeView>
        rowKey="id"
        size="small"
        aria-label={t('covenantPledges.list.table')}
        loading={list.loading}
        scroll={{ x: 860 }}
        dataSource={list.items}
        pagination={{ current: page, pageSize: PAGE, total: list.total, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { key: 'address', title: t('covenantPledges.list.address'), render: (_: unknown, r) => r.address },
          { key: 'method', title: t('covenantPledges.list.method'), width: 100, render: (_: unknown, r) => label(pledgeMethodLabels[r.method]) },
          { key: 'signer', title: t('covenantPledges.list.signer'), width: 100, render: (_: unknown, r) => r.signerName },
          { key: 'signedOn', title: t('covenantPledges.list.signedOn'), width: 110, render: (_: unknown, r) => r.signedOn },
          { key: 'by', title: t('covenantPledges.list.recordedBy'), width: 100, render: (_: unknown, r) => r.recordedByName ?? '—' },
          {
            key: 'photo',
            title: t('covenantPledges.list.photo'),
            width: 90,
            render: (_: unknown, r) => (r.photoFileId ? <Image src={`/api/v1/files/${r.photoFileId}`} width={48} height={48} alt={t('covenantPledges.list.photo')} /> : '—'),
          },
          {
            key: 'status',
            title: t('covenantPledges.list.status'),
            width: 150,
            render: (_: unknown, r) =>
              r.revokedAt ? <Tag>{t('covenantPledges.list.revoked', { reason: r.revokeReason ?? '' })}</Tag> : <Tag color="green">{t('covenantPledges.list.standing')}</Tag>,
          },
          {
            key: 'actions',
            title: '',
            width: 80,
            render: (_: unknown, r) =>
              r.can.revoke ? (
                <Button size="small" danger onClick={() => setRevoking(r)}>
                  {t('covenantPledges.list.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
      {revoking && (
        <RevokeModal
          covenantId={covenantId}
          pledge={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function RevokeModal({ covenantId, pledge, onClose, onDone }: { covenantId: string; pledge: PledgeView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await pledgesApi.revoke(covenantId, pledge.id, reason);
      void message.success(t('covenantPledges.list.revoked_ok'));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('covenantPledges.list.revokeTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ danger: true }} destroyOnHidden>
      <p>{pledge.address}</p>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('covenantPledges.list.revokeReason')} rules={[{ required: true, min: 2, max: 500, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('covenantPledges.list.revokeReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
