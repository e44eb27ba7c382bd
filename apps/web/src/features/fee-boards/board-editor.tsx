import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { FEE_BOARD_MAX_OTHER, feeItemLabels, type FeeBoardView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLabel } from '../../i18n/labels.js';
import { feeBoardsApi } from './fee-boards-api.js';
import { blankRow, toLines, type LineRow, type RowErrors } from './line-rows.js';

interface Props {
  title: string;
  estateId: string;
  month: string;
  initial: LineRow[];
  /** Set when the draft corrects a published revision: the reason is asked for. */
  correcting: number | null;
  initialReason?: string;
  onSaved: (board: FeeBoardView) => void;
  onCancel?: () => void;
}

/** The lines of one estate's month, amounts typed in yuan; saving replaces the whole draft. */
export function BoardEditor({ title, estateId, month, initial, correcting, initialReason, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const [rows, setRows] = useState<LineRow[]>(initial);
  const [reason, setReason] = useState(initialReason ?? '');
  const [errors, setErrors] = useState<RowErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (key: string, patch: Partial<LineRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const others = rows.filter((r) => r.item === 'other').length;
  const nameOf = (r: LineRow) => (r.item === 'other' ? r.label || label(feeItemLabels.other) : label(feeItemLabels[r.item]));

  const save = async () => {
    const { lines, errors: found } = toLines(rows);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    if (lines.length === 0) return setFailure(t('validation.atLeastOne'));
    setSaving(true);
    try {
      const board = await feeBoardsApi.saveDraft({ estateId, month, lines, correctionReason: correcting ? reason.trim() || null : null });
      message.success(t('feeBoards.editor.saved'));
      onSaved(board);
    } catch (e) {
      setFailure(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const text = (r: LineRow, field: 'collected' | 'spent' | 'quantity' | 'unit' | 'note', caption: string, width: number) => {
    const err = field === 'collected' || field === 'spent' ? errors[r.key]?.[field] : undefined;
    return (
      <div style={{ width }}>
        <Input value={r[field]} status={err ? 'error' : undefined} aria-label={`${nameOf(r)} ${caption}`} inputMode={field === 'collected' || field === 'spent' || field === 'quantity' ? 'decimal' : undefined} onChange={(e) => set(r.key, { [field]: e.target.value })} />
        {err && <div className="ant-form-item-explain-error">{t(`errors.${err}`)}</div>}
      </div>
    );
  };

  return (
    <Card title={title}>
      <p className="fee-hint">{t('feeBoards.editor.amountHint')}</p>
      <Table<LineRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('feeBoards.item'),
            key: 'item',
            width: 160,
            render: (_, r) =>
              r.item === 'other' ? (
                <div>
                  <Input value={r.label} aria-label={t('feeBoards.otherLabel')} placeholder={t('feeBoards.otherLabel')} status={errors[r.key]?.label ? 'error' : undefined} onChange={(e) => set(r.key, { label: e.target.value })} />
                  {errors[r.key]?.label && <div className="ant-form-item-explain-error">{t(`errors.${errors[r.key]!.label!}`)}</div>}
                </div>
              ) : (
                label(feeItemLabels[r.item])
              ),
          },
          { title: t('feeBoards.collected'), key: 'collected', render: (_, r) => text(r, 'collected', t('feeBoards.collected'), 130) },
          { title: t('feeBoards.spent'), key: 'spent', render: (_, r) => text(r, 'spent', t('feeBoards.spent'), 130) },
          { title: t('feeBoards.quantity'), key: 'quantity', render: (_, r) => text(r, 'quantity', t('feeBoards.quantity'), 100) },
          { title: t('feeBoards.unit'), key: 'unit', render: (_, r) => text(r, 'unit', t('feeBoards.unit'), 70) },
          { title: t('feeBoards.note'), key: 'note', render: (_, r) => text(r, 'note', t('feeBoards.note'), 200) },
          {
            title: '',
            key: 'remove',
            render: (_, r) => (
              <Button type="link" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                {t('feeBoards.editor.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Button disabled={others >= FEE_BOARD_MAX_OTHER} onClick={() => setRows((rs) => [...rs, blankRow('other')])}>
          {t('feeBoards.editor.addOther')}
        </Button>
        {correcting !== null && (
          <label className="fee-reason">
            <span>{t('feeBoards.editor.reason')}</span>
            <Input.TextArea value={reason} maxLength={300} rows={2} onChange={(e) => setReason(e.target.value)} aria-label={t('feeBoards.editor.reason')} />
            <span className="fee-hint">{t('feeBoards.editor.reasonHelp', { n: correcting })}</span>
          </label>
        )}
        {failure && <Alert type="error" showIcon message={failure} />}
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('feeBoards.editor.save')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('feeBoards.editor.cancel')}</Button>}
        </Space>
      </Space>
    </Card>
  );
}
