import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerEntryView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { ledgerApi, yuan } from './ledger-api.js';

/**
 * An entry with its lines, receipts and place in the chain; approve or reject another keeper's expense, or
 * reverse a posted entry after an inline confirmation with a reason (no modal: elder-friendly and testable).
 */
export function EntryDetail({ entry, onClose, onChanged }: { entry: LedgerEntryView; onClose: () => void; onChanged: (e: LedgerEntryView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'none' | 'reverse' | 'reject'>('none');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<LedgerEntryView>, done: 'approved' | 'rejected' | 'reversed') => {
    setBusy(true);
    setError(null);
    try {
      const e = await run();
      message.success(t(`ledger.messages.${done}`));
      setMode('none');
      setReason('');
      onChanged(e);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const e = entry;
  return (
    <Drawer open title={t('ledger.detail.title')} onClose={onClose} size={640}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('ledger.columns.kind')}>
            {t(`ledger.kinds.${e.kind}`)} <Tag>{t(`ledger.statuses.${e.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.columns.date')}>{e.date}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.columns.amount')}>{t('ledger.yuan', { amount: yuan(e.amount) })}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.columns.counterparty')}>
            {e.counterparty} ({t(`ledger.counterpartyKinds.${e.counterpartyKind}`)})
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.columns.category')}>{e.category}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.columns.purpose')}>{e.purpose}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.detail.lines')}>
            {e.lines.map((l, i) => (
              <div key={i}>
                {t(`ledger.sides.${l.side}`)} {l.account} {l.accountName} {yuan(l.amount)}
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.detail.receipts')}>
            {e.receipts.map((r) => (
              <div key={r.fileId}>
                <a href={r.url} target="_blank" rel="noreferrer">
                  {r.fileName}
                </a>{' '}
                <Typography.Text code>{r.sha256.slice(0, 16)}…</Typography.Text>
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.columns.author')}>{e.authorName}</Descriptions.Item>
          {e.approverName && <Descriptions.Item label={t('ledger.detail.approver')}>{e.approverName}</Descriptions.Item>}
          {e.rejectReason && <Descriptions.Item label={t('ledger.detail.rejectReason')}>{e.rejectReason}</Descriptions.Item>}
          {e.reversesId && <Descriptions.Item label={t('ledger.detail.reverses')}>{e.reversesId}</Descriptions.Item>}
          {e.reason && <Descriptions.Item label={t('ledger.detail.reason')}>{e.reason}</Descriptions.Item>}
          {e.reversedById && <Descriptions.Item label={t('ledger.detail.reversedBy')}>{e.reversedById}</Descriptions.Item>}
          <Descriptions.Item label={t('ledger.detail.chain')}>
            {e.chain ? (
              <div className="ledger-hashes">
                <div>{t('ledger.columns.seq')} {e.chain.seq}</div>
                <div>{t('ledger.detail.contentHash')}: <Typography.Text code copyable>{e.chain.contentHash}</Typography.Text></div>
                <div>{t('ledger.detail.prevHash')}: <Typography.Text code>{e.chain.prevHash}</Typography.Text></div>
                <div>{t('ledger.detail.entryHash')}: <Typography.Text code copyable>{e.chain.entryHash}</Typography.Text></div>
              </div>
            ) : (
              t('ledger.detail.notPosted')
            )}
          </Descriptions.Item>
        </Descriptions>
        {e.status === 'pending' && !e.can.approve && <Alert type="info" showIcon title={t('ledger.detail.ownEntry')} />}
        {error && <Alert type="error" showIcon title={error} />}
        {mode === 'none' && (
          <Space wrap>
            {e.can.approve && (
              <Button type="primary" loading={busy} onClick={() => act(() => ledgerApi.approve(e.id), 'approved')}>
                {t('ledger.actions.approve')}
              </Button>
            )}
            {e.can.approve && <Button onClick={() => setMode('reject')}>{t('ledger.actions.reject')}</Button>}
            {e.can.reverse && (
              <Button danger onClick={() => setMode('reverse')}>
                {t('ledger.actions.reverse')}
              </Button>
            )}
          </Space>
        )}
        {mode !== 'none' && (
          <section aria-label={t(mode === 'reverse' ? 'ledger.actions.reverse' : 'ledger.actions.reject')}>
            {mode === 'reverse' && <p>{t('ledger.detail.reverseIntro')}</p>}
            <Input.TextArea aria-label={t('ledger.detail.reasonLabel')} placeholder={t('ledger.detail.reasonLabel')} rows={2} value={reason} onChange={(ev) => setReason(ev.target.value)} maxLength={500} />
            <Space style={{ marginTop: 8 }}>
              <Button
                danger={mode === 'reverse'}
                type="primary"
                loading={busy}
                disabled={reason.trim().length < 2}
                onClick={() => act(() => (mode === 'reverse' ? ledgerApi.reverse(e.id, reason) : ledgerApi.reject(e.id, reason)), mode === 'reverse' ? 'reversed' : 'rejected')}
              >
                {t(mode === 'reverse' ? 'ledger.actions.confirmReverse' : 'ledger.actions.reject')}
              </Button>
              <Button onClick={() => setMode('none')}>{t('ledger.actions.cancel')}</Button>
            </Space>
          </section>
        )}
      </Space>
    </Drawer>
  );
}
