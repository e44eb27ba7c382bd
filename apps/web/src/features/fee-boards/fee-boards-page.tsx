import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeeBoardSummary, FeeBoardView } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { useResource } from '../../api/use-resource.js';
import { BoardEditor } from './board-editor.js';
import { BoardPreview } from './board-preview.js';
import { feeBoardsApi } from './fee-boards-api.js';
import { formatYuan, monthLabel, thisMonth } from './fee-format.js';
import { ImportCard } from './import-card.js';
import { rowsOf, standardRows } from './line-rows.js';
import './fee-boards.css';

/** /console/fee-boards: choose an estate and a month, enter or import its board, preview, publish, correct, print. */
export default function FeeBoardsPage() {
  const { t } = useTranslation();
  const estates = useLoaded('estates', (signal) => feeBoardsApi.estates(signal));
  const [estateId, setEstateId] = useState<string | undefined>();
  const [month, setMonth] = useState(thisMonth());
  const [version, setVersion] = useState(0);
  const list = useLoaded(`${estateId ?? ''}|${version}`, (signal) => (estateId ? feeBoardsApi.list({ estateId }, signal) : Promise.resolve({ items: [] })));
  const estate = estates.data?.items.find((e) => e.id === estateId);
  const refresh = () => setVersion((v) => v + 1);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3}>{t('feeBoards.title')}</Typography.Title>
        <p className="fee-hint">{t('feeBoards.intro')}</p>
      </div>
      <Card>
        {estates.error ? (
          <Alert type="error" showIcon message={errorText(estates.error)} />
        ) : (
          <div className="fee-picker">
            <label className="fee-picker">
              <span>{t('feeBoards.estate')}</span>
              <Select
                style={{ minWidth: 240 }}
                loading={estates.loading}
                placeholder={t('feeBoards.chooseEstate')}
                aria-label={t('feeBoards.estate')}
                value={estateId}
                onChange={setEstateId}
                showSearch
                optionFilterProp="label"
                notFoundContent={t('feeBoards.noEstates')}
                options={(estates.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.communityName} ${e.name}` }))}
              />
            </label>
            <label className="fee-picker">
              <span>{t('feeBoards.month')}</span>
              <Input type="month" style={{ width: 180 }} aria-label={t('feeBoards.month')} value={month} max={thisMonth()} onChange={(e) => e.target.value && setMonth(e.target.value)} />
            </label>
          </div>
        )}
      </Card>
      {estate && <Workspace key={`${estate.id}|${month}|${version}`} estateId={estate.id} estateName={estate.name} month={month} boards={(list.data?.items ?? []).filter((b) => b.month === month)} loading={list.loading} onChanged={refresh} />}
      <ImportCard onImported={refresh} />
      {estate && <BoardList boards={list.data?.items ?? []} loading={list.loading} onOpen={(m) => setMonth(m)} />}
    </Space>
  );
}

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'correct' };

/** The chosen estate's month: the editor when there is nothing yet (or on request), else the draft or the current board. */
function Workspace({ estateId, estateName, month, boards, loading, onChanged }: { estateId: string; estateName: string; month: string; boards: FeeBoardSummary[]; loading: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const shown = boards.find((b) => b.status === 'draft') ?? boards.find((b) => b.status === 'published');
  const board = useResource(shown?.id ?? '', (id) => (id ? feeBoardsApi.get(id) : Promise.resolve(null)));
  if (loading && boards.length === 0) return <Spin />;
  const title = t('feeBoards.editor.title', { estate: estateName, month: monthLabel(month) });
  const saved = () => {
    setMode({ kind: 'view' });
    onChanged();
  };
  if (!shown) return <BoardEditor title={title} estateId={estateId} month={month} initial={standardRows()} correcting={null} onSaved={saved} />;
  if (board.state.status !== 'ready' || !board.state.data) return board.state.status === 'failed' ? <Alert type="error" message={errorText(board.state.error)} /> : <Spin />;
  const b: FeeBoardView = board.state.data;
  if (mode.kind === 'edit' || mode.kind === 'correct') {
    const correcting = b.status === 'draft' ? (b.supersedesId ? b.revision : null) : b.revision + 1;
    return (
      <BoardEditor
        title={correcting ? t('feeBoards.editor.correctTitle', { n: correcting - 1 }) : title}
        estateId={estateId}
        month={month}
        initial={rowsOf(b.lines)}
        correcting={correcting}
        initialReason={b.status === 'draft' ? (b.correctionReason ?? '') : ''}
        onSaved={saved}
        onCancel={() => setMode({ kind: 'view' })}
      />
    );
  }
  return <BoardPreview board={b} onChanged={onChanged} onEdit={() => setMode({ kind: 'edit' })} onCorrect={() => setMode({ kind: 'correct' })} />;
}

function BoardList({ boards, loading, onOpen }: { boards: FeeBoardSummary[]; loading: boolean; onOpen: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('feeBoards.list.title')}>
      <Table<FeeBoardSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={boards}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('feeBoards.list.empty')} /> }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('feeBoards.month'), key: 'm', render: (_, b) => monthLabel(b.month) },
          { title: '', key: 'r', render: (_, b) => <Tag>{`${t('feeBoards.revision', { n: b.revision })} ${t(`feeBoards.status.${b.status}`)}`}</Tag> },
          { title: t('feeBoards.collected'), key: 'c', align: 'right', render: (_, b) => formatYuan(b.totals.collectedFen) },
          { title: t('feeBoards.spent'), key: 's', align: 'right', render: (_, b) => formatYuan(b.totals.spentFen) },
          { title: t('feeBoards.balance'), key: 'b', align: 'right', render: (_, b) => formatYuan(b.totals.balanceFen) },
          {
            title: '',
            key: 'open',
            render: (_, b) => (
              <Button type="link" onClick={() => onOpen(b.month)}>
                {t('feeBoards.list.open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
