import { useState } from 'react';
import { Alert, Button, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleDiffRow, VersionSummary } from '@gongzhi/shared';
import { errorText } from '../../api/error-text.js';
import { useLoaded } from '../../api/use-loaded.js';
import { numeral } from './covenant-bits.js';
import { covenantApi } from './covenant-api.js';

type Block = { kind: 'same'; rows: ArticleDiffRow[] } | { kind: 'row'; row: ArticleDiffRow };

/** Runs of unchanged articles fold into one line; every other row stands alone. */
function blocks(rows: ArticleDiffRow[]): Block[] {
  const out: Block[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (row.change === 'same' && last?.kind === 'same') last.rows.push(row);
    else out.push(row.change === 'same' ? { kind: 'same', rows: [row] } : { kind: 'row', row });
  }
  return out;
}

const changeColor: Record<ArticleDiffRow['change'], string> = { same: 'default', changed: 'processing', added: 'success', removed: 'error', moved: 'purple' };

function SameRun({ rows }: { rows: ArticleDiffRow[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const first = rows[0]?.to?.number ?? 0;
  const last = rows[rows.length - 1]?.to?.number ?? first;
  return (
    <div className="gz-cov-diff-row gz-cov-diff-same">
      <Button type="link" size="small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {rows.length === 1
          ? t('covenant.diff.sameOne', { number: numeral(first) })
          : t('covenant.diff.sameRun', { count: rows.length, first: numeral(first), last: numeral(last) })}
      </Button>
      {open &&
        rows.map((r) => (
          <div key={r.to?.articleId ?? r.from?.articleId} className="gz-cov-diff-body">
            <Typography.Text strong>{t('covenant.text.article', { number: numeral(r.to?.number ?? 0) })}</Typography.Text>{' '}
            <span className="gz-cov-pre">{r.to?.body}</span>
          </div>
        ))}
    </div>
  );
}

function DiffRow({ row }: { row: ArticleDiffRow }) {
  const { t } = useTranslation();
  const side = row.to ?? row.from;
  const numbers =
    row.from && row.to && row.from.number !== row.to.number
      ? t('covenant.diff.renumbered', { from: numeral(row.from.number), to: numeral(row.to.number) })
      : t('covenant.text.article', { number: numeral(side?.number ?? 0) });
  return (
    <div className={`gz-cov-diff-row gz-cov-diff-${row.change}`}>
      <Space size={4} wrap>
        <Tag color={changeColor[row.change]}>{t(`covenant.diff.change.${row.change}`)}</Tag>
        <Typography.Text strong>{numbers}</Typography.Text>
        {side?.chapterTitle && <Typography.Text type="secondary">{side.chapterTitle}</Typography.Text>}
      </Space>
      <div className="gz-cov-diff-body gz-cov-pre">
        {row.change === 'changed' && row.parts.length > 0
          ? row.parts.map((p, i) =>
              p.op === 'insert' ? (
                <ins key={i} className="gz-cov-ins">{p.text}</ins>
              ) : p.op === 'delete' ? (
                <del key={i} className="gz-cov-del">{p.text}</del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )
          : row.change === 'removed'
            ? <del className="gz-cov-del">{row.from?.body}</del>
            : row.change === 'added'
              ? <ins className="gz-cov-ins">{row.to?.body}</ins>
              : side?.body}
      </div>
    </div>
  );
}

/** 版本对比: pick two versions; article rows show what was kept, changed (with the edits marked), added, removed. */
export function VersionDiff({ covenantId, versions }: { covenantId: string; versions: VersionSummary[] }) {
  const { t } = useTranslation();
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  const [from, setFrom] = useState(sorted[sorted.length - 2]?.id);
  const [to, setTo] = useState(sorted[sorted.length - 1]?.id);
  const ready = !!from && !!to && from !== to;
  const diff = useLoaded(`${from}|${to}`, (signal) => (ready ? covenantApi.diff(covenantId, from, to, signal) : Promise.resolve(null)));
  const options = sorted.map((v) => ({ value: v.id, label: t('covenant.versions.numbered', { number: v.number }) }));

  if (sorted.length < 2) return <Empty description={t('covenant.diff.needTwo')} />;
  const rows = diff.data?.rows ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label={t('covenant.diff.from')} value={from} onChange={setFrom} options={options} style={{ minWidth: 120 }} />
        <span>→</span>
        <Select aria-label={t('covenant.diff.to')} value={to} onChange={setTo} options={options} style={{ minWidth: 120 }} />
      </Space>
      {!ready && <Alert type="info" showIcon title={t('covenant.diff.pickTwo')} />}
      {diff.error ? <Alert type="error" showIcon title={errorText(diff.error)} /> : null}
      {ready && diff.loading && !diff.data ? <Spin /> : null}
      {ready && diff.data && (
        <div className="gz-cov-diff" aria-label={t('covenant.diff.title')} role="region">
          {rows.length === 0 ? (
            <Empty description={t('covenant.diff.empty')} />
          ) : (
            blocks(rows).map((b, i) => (b.kind === 'same' ? <SameRun key={i} rows={b.rows} /> : <DiffRow key={i} row={b.row} />))
          )}
        </div>
      )}
    </Space>
  );
}
