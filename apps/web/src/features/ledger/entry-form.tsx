import { useState } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FileView, LedgerAccountView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { DateInput, today } from '../../console/date-input.js';
import { fenOf, ledgerApi } from './ledger-api.js';

interface Values {
  date: string;
  amount: string;
  counterparty: string;
  counterpartyKind: 'organisation' | 'person';
  category: string;
  purpose: string;
  debit: string;
  credit: string;
}

/**
 * Enter an income or an expense as one debit and one credit line (the usual case; the API takes more). An income
 * debits a fund and credits an income category; an expense debits an expense category and credits a fund.
 */
export function EntryForm({ communityId, kind, accounts, onClose, onDone }: { communityId: string; kind: 'income' | 'expense'; accounts: LedgerAccountView[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [receipts, setReceipts] = useState<(FileView & { public: boolean })[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = accounts.filter((a) => !a.retiredAt);
  const options = (k: string) => open.filter((a) => a.kind === k).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }));
  const [debitKind, creditKind] = kind === 'income' ? ['fund', 'income'] : ['expense', 'fund'];

  const submit = async (v: Values) => {
    const amount = fenOf(v.amount)!;
    setBusy(true);
    setError(null);
    try {
      await ledgerApi.create(communityId, {
        kind,
        date: v.date,
        amount,
        counterparty: v.counterparty,
        counterpartyKind: v.counterpartyKind,
        category: v.category,
        purpose: v.purpose,
        lines: [
          { accountId: v.debit, side: 'debit', amount },
          { accountId: v.credit, side: 'credit', amount },
        ],
        receipts: receipts.map((r) => ({ fileId: r.id, public: r.public })),
      });
      message.success(t(kind === 'income' ? 'ledger.messages.posted' : 'ledger.messages.submitted'));
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open title={t(`ledger.form.title.${kind}`)} onClose={onClose} size={520} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ date: today(), counterpartyKind: 'organisation' }}>
        {kind === 'expense' && <Alert type="info" showIcon title={t('ledger.form.pendingHint')} style={{ marginBottom: 16 }} />}
        <Form.Item name="date" label={t('ledger.form.date')} rules={[{ required: true }]}>
          <DateInput past aria-label={t('ledger.form.date')} />
        </Form.Item>
        <Form.Item name="amount" label={t('ledger.form.amount')} rules={[{ required: true, validator: async (_, v: string) => (fenOf(v ?? '') ? undefined : Promise.reject(new Error(t('validation.required')))) }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="counterpartyKind" label={t('ledger.form.counterpartyKind')} extra={t('ledger.form.personHint')}>
          <Select aria-label={t('ledger.form.counterpartyKind')} options={(['organisation', 'person'] as const).map((k) => ({ value: k, label: t(`ledger.counterpartyKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="counterparty" label={t('ledger.form.counterparty')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('ledger.form.category')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="purpose" label={t('ledger.form.purpose')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="debit" label={t('ledger.form.debit')} rules={[{ required: true }]}>
          <Select aria-label={t('ledger.form.debit')} options={options(debitKind)} />
        </Form.Item>
        <Form.Item name="credit" label={t('ledger.form.credit')} rules={[{ required: true }]}>
          <Select aria-label={t('ledger.form.credit')} options={options(creditKind)} />
        </Form.Item>
        <Form.Item label={t('ledger.form.receipts')}>
          <Space orientation="vertical">
            <Upload
              accept="image/jpeg,image/png,image/webp,application/pdf"
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const f = await ledgerApi.uploadReceipt(file as File);
                  setReceipts((r) => [...r, { ...f, public: true }]);
                  onSuccess?.(f);
                } catch (e) {
                  setError(errorText(e));
                  onError?.(e as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />}>{t('ledger.form.upload')}</Button>
            </Upload>
            {receipts.some((r) => r.public) && <Typography.Text type="warning">{t('ledger.form.receiptPublicHint')}</Typography.Text>}
            {receipts.map((r) => (
              <Checkbox key={r.id} checked={r.public} onChange={(e) => setReceipts((all) => all.map((x) => (x.id === r.id ? { ...x, public: e.target.checked } : x)))}>
                {r.fileName} · {t('ledger.form.receiptPublic')}
              </Checkbox>
            ))}
          </Space>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('ledger.form.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
