import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeeBoardLineView, FeeBoardView } from '@gongzhi/shared';
import { ApiError } from '../../api/client.js';
import { errorText } from '../../api/error-text.js';
import { formatDate } from '../my-requests/format-date.js';
import { feeBoardsApi, publicFeeBoardsApi } from './fee-boards-api.js';
import { formatYuan, monthLabel, useLineName } from './fee-format.js';

const statusColour = { draft: 'gold', published: 'green', superseded: 'default' } as const;

interface Finding {
  field: string;
  masked: string;
}

/** A board as it will read (or reads) publicly, with what may be done to it: edit, publish (confirmed inline), discard, correct, print. */
export function BoardPreview({ board, onChanged, onEdit, onCorrect }: { board: FeeBoardView; onChanged: (b: FeeBoardView | null) => void; onEdit: () => void; onCorrect: () => void }) {
  const { t } = useTranslation();
  const lineName = useLineName();
  const { message } = App.useApp();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ text: string; findings: Finding[] } | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (e) {
      const findings = e instanceof ApiError && e.code === 'fee_board_personal_data' ? ((e.details as { findings?: Finding[] } | null)?.findings ?? []) : [];
      setFailure({ text: errorText(e), findings });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const publish = () =>
    run(async () => {
      const b = await feeBoardsApi.publish(board.id);
      message.success(t('feeBoards.board.published'));
      onChanged(b);
    });
  const discard = () =>
    run(async () => {
      await feeBoardsApi.discard(board.id);
      message.success(t('feeBoards.board.discarded'));
      onChanged(null);
    });

  return (
    <Card
      title={
        <Space wrap>
          <span>
            {board.estateName} {monthLabel(board.month)}
          </span>
          <Tag color={statusColour[board.status]}>{t(`feeBoards.status.${board.status}`)}</Tag>
          <span className="fee-hint">{t('feeBoards.revision', { n: board.revision })}</span>
        </Space>
      }
    >
      {board.correctionReason && <p>{t('feeBoards.board.correctionOf', { n: board.revision, reason: board.correctionReason })}</p>}
      <Table<FeeBoardLineView>
        rowKey={(l) => `${l.item}-${l.label}`}
        size="small"
        pagination={false}
        dataSource={board.lines}
        scroll={{ x: 640 }}
        columns={[
          { title: t('feeBoards.item'), key: 'item', render: (_, l) => lineName(l) },
          { title: t('feeBoards.quantity'), key: 'q', align: 'right', render: (_, l) => (l.quantity ? `${l.quantity} ${l.unit ?? ''}` : '') },
          { title: t('feeBoards.collected'), key: 'c', align: 'right', render: (_, l) => formatYuan(l.collectedFen) },
          { title: t('feeBoards.spent'), key: 's', align: 'right', render: (_, l) => formatYuan(l.spentFen) },
          { title: t('feeBoards.note'), dataIndex: 'note' },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('feeBoards.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} />
            <Table.Summary.Cell index={2} align="right">
              <strong>{formatYuan(board.totals.collectedFen)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{formatYuan(board.totals.spentFen)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4}>
              {t('feeBoards.balance')} {formatYuan(board.totals.balanceFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {board.status !== 'draft' && (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          {board.publishedAt && <Descriptions.Item label={t('feeBoards.board.published')}>{t('feeBoards.board.publishedBy', { name: board.publishedByName ?? '', date: formatDate(board.publishedAt) })}</Descriptions.Item>}
          <Descriptions.Item label={t('feeBoards.board.hash')}>
            <Typography.Text code copyable className="fee-hash">
              {board.contentHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('feeBoards.board.revisions')}>
            {board.revisions.map((r) => `${t('feeBoards.revision', { n: r.revision })} ${t(`feeBoards.status.${r.status}`)}`).join('，')}
          </Descriptions.Item>
        </Descriptions>
      )}
      {failure && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          message={failure.text}
          description={failure.findings.length > 0 ? `${t('feeBoards.board.personalData')} ${failure.findings.map((f) => `${f.field}（${f.masked}）`).join('，')}` : undefined}
        />
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {board.can.edit && <Button onClick={onEdit}>{t('feeBoards.board.edit')}</Button>}
        {board.can.publish && !confirming && (
          <Button type="primary" onClick={() => setConfirming(true)}>
            {t('feeBoards.board.publish')}
          </Button>
        )}
        {board.can.discard && (
          <Button danger loading={busy && !confirming} onClick={() => void discard()}>
            {t('feeBoards.board.discard')}
          </Button>
        )}
        {board.can.correct && <Button onClick={onCorrect}>{t('feeBoards.board.correct')}</Button>}
        {board.status !== 'draft' && (
          <>
            <a href={publicFeeBoardsApi.posterUrl(board.id, 'A3')} target="_blank" rel="noreferrer">
              {t('feeBoards.board.posterA3')}
            </a>
            <a href={publicFeeBoardsApi.posterUrl(board.id, 'A4')} target="_blank" rel="noreferrer">
              {t('feeBoards.board.posterA4')}
            </a>
            <a href={`/fee-boards/${board.id}`} target="_blank" rel="noreferrer">
              {t('feeBoards.board.openPublic')}
            </a>
          </>
        )}
      </Space>
      {confirming && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          message={t('feeBoards.board.publishConfirm')}
          action={
            <Space>
              <Button type="primary" loading={busy} onClick={() => void publish()}>
                {t('feeBoards.board.confirmPublish')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('feeBoards.editor.cancel')}</Button>
            </Space>
          }
        />
      )}
    </Card>
  );
}
