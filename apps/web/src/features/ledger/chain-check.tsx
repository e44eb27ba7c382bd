import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LedgerVerification } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { ledgerApi } from './ledger-api.js';

/** One line per problem the verifier named, in the words of the console. */
function problemLines(r: LedgerVerification, t: TFunction): string[] {
  return r.problems.map((p) => {
    switch (p.kind) {
      case 'edited':
        return t('ledger.check.edited', { seq: p.seq, fields: p.fields.length ? ` (${p.fields.map((f) => (f === 'amount' ? t('ledger.columns.amount') : f)).join(', ')})` : '' });
      case 'broken_link':
        return t('ledger.check.brokenLink', { seq: p.seq });
      case 'removed':
        return t('ledger.check.removed', { from: p.fromSeq, to: p.toSeq });
      case 'head_mismatch':
        return t('ledger.check.headMismatch');
      default:
        return t('ledger.check.other', { seq: p.seq });
    }
  });
}

/** "Verify the whole chain" on the server, with the verdict shown inline (no pop-up, for elder mode too). */
export function ChainCheck({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LedgerVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await ledgerApi.verify(communityId));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={run} loading={busy}>
        {busy ? t('ledger.check.running') : t('ledger.check.run')}
      </Button>
      {error && <Alert type="error" showIcon title={error} />}
      {result &&
        (result.ok ? (
          <Alert type="success" showIcon title={t('ledger.check.ok', { entries: result.entries, seq: result.head.seq, hash: `${result.head.hash.slice(0, 12)}…`, seconds: result.seconds })} />
        ) : (
          <Alert
            type="error"
            showIcon
            title={t('ledger.check.bad', { count: result.problems.length, entries: result.entries })}
            description={
              <ul className="ledger-check-problems">
                {problemLines(result, t).slice(0, 50).map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            }
          />
        ))}
    </Space>
  );
}
