import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeeBoardImportError, FeeBoardImportResult } from '@gongzhi/shared';
import { ApiError } from '../../api/client.js';
import { errorText } from '../../api/error-text.js';
import { saveFile } from '../../api/save-file.js';
import { feeBoardsApi } from './fee-boards-api.js';
import { monthLabel } from './fee-format.js';

/** Template download and .xlsx import; a refused file shows every wrong row and column, and nothing is written. */
export function ImportCard({ onImported }: { onImported: (r: FeeBoardImportResult) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FeeBoardImportResult | null>(null);
  const [failure, setFailure] = useState<{ text: string; rows: FeeBoardImportError[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const r = await feeBoardsApi.import(file);
      setResult(r);
      onImported(r);
    } catch (e) {
      const rows = e instanceof ApiError && e.code === 'fee_board_import_invalid' ? ((e.details as { errors?: FeeBoardImportError[] } | null)?.errors ?? []) : [];
      setFailure({ text: errorText(e), rows });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Card title={t('feeBoards.import.title')}>
      <p className="fee-hint">{t('feeBoards.import.help')}</p>
      <Space wrap>
        <Button onClick={() => feeBoardsApi.template().then(saveFile, (e: unknown) => message.error(errorText(e)))}>{t('feeBoards.import.template')}</Button>
        <Button type="primary" loading={busy} onClick={() => input.current?.click()}>
          {t('feeBoards.import.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('feeBoards.import.choose')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void upload(f);
          }}
        />
      </Space>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          message={t('feeBoards.import.done', {
            list: result.boards
              .map((b) => (b.outcome === 'unchanged' ? t('feeBoards.import.unchanged', { estate: b.estateName, month: monthLabel(b.month) }) : `${b.estateName} ${monthLabel(b.month)}`))
              .join('；'),
          })}
        />
      )}
      {failure && (
        <div style={{ marginTop: 12 }}>
          <Alert type="error" showIcon message={failure.rows.length ? t('feeBoards.import.errorsTitle') : failure.text} />
          {failure.rows.length > 0 && (
            <Table<FeeBoardImportError>
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.code}`}
              pagination={false}
              dataSource={failure.rows}
              columns={[
                { title: t('feeBoards.import.row'), dataIndex: 'row', width: 70 },
                { title: t('feeBoards.import.column'), dataIndex: 'column', width: 140 },
                { title: t('feeBoards.import.problem'), dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
