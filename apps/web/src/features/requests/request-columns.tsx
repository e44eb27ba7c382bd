import type { TableColumnsType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { ratingLabels, requestChannelLabels, requestKindLabels, type Label, type RequestSummary } from '@gongzhi/shared';
import { formatDateTime } from '../../i18n/format.js';
import { CategoryText, DueText, RequestStatusTag, UrgencyTag } from './request-bits.js';
import type { RequestFilter, RequestSort } from './request-filter.js';

/** Table column key → the server's sort name. */
export const sortOfColumn: Record<string, RequestSort> = { createdAt: 'created_at', replyDueAt: 'reply_due_at' };

interface Options {
  t: TFunction;
  label: (l: Label | null | undefined) => string;
  filter: RequestFilter;
  now: number;
  lowConfidence: number;
  soonMinutes: number;
}

/** The queue's columns: number and title first, so a row reads like a work order. */
export function requestColumns({ t, label, filter, now, lowConfidence, soonMinutes }: Options): TableColumnsType<RequestSummary> {
  const sorted = (key: string): SortOrder => (sortOfColumn[key] === filter.sort ? (filter.order === 'asc' ? 'ascend' : 'descend') : null);
  const dash = (v: string | null) => v || '—';
  return [
    {
      key: 'number',
      width: 150,
      title: t('requests.fields.number'),
      dataIndex: 'number',
      fixed: 'left',
      className: 'gz-nowrap gz-mono',
      render: (n: string, r) => (
        <Link to={`/console/requests/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {n}
        </Link>
      ),
    },
    { key: 'title', width: 240, title: t('requests.fields.title'), dataIndex: 'title', ellipsis: true },
    { key: 'status', width: 100, title: t('requests.fields.status'), dataIndex: 'status', render: (s: RequestSummary['status']) => <RequestStatusTag status={s} /> },
    { key: 'urgency', width: 100, title: t('requests.fields.urgency'), dataIndex: 'urgency', render: (u: RequestSummary['urgency']) => <UrgencyTag urgency={u} /> },
    {
      key: 'category',
      width: 170,
      title: t('requests.fields.category'),
      render: (_: unknown, r) => <CategoryText name={r.categoryName} confidence={r.categoryConfidence} source={r.categorySource} lowConfidence={lowConfidence} />,
    },
    { key: 'kind', width: 80, title: t('requests.fields.kind'), dataIndex: 'kind', render: (k: RequestSummary['kind']) => label(requestKindLabels[k]) },
    { key: 'channel', width: 100, title: t('requests.fields.channel'), dataIndex: 'channel', render: (c: RequestSummary['channel']) => label(requestChannelLabels[c]) },
    { key: 'place', width: 180, title: t('requests.fields.place'), dataIndex: 'placeName', ellipsis: true, render: dash },
    {
      key: 'submitter',
      width: 100,
      title: t('requests.fields.submitter'),
      dataIndex: 'submitterName',
      render: (v: string | null) => v ?? t('requests.anonymous'),
    },
    { key: 'lead', width: 140, title: t('requests.fields.lead'), dataIndex: 'leadHandlerName', ellipsis: true, render: dash },
    {
      key: 'createdAt',
      width: 170,
      title: t('requests.fields.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sorted('createdAt'),
      className: 'gz-nowrap',
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'replyDueAt',
      width: 170,
      title: t('requests.fields.replyDueAt'),
      dataIndex: 'replyDueAt',
      sorter: true,
      sortOrder: sorted('replyDueAt'),
      render: (v: string, r) => <DueText status={r.status} dueAt={v} now={now} soonMinutes={soonMinutes} />,
    },
    { key: 'rating', width: 100, title: t('requests.fields.rating'), dataIndex: 'rating', render: (v: RequestSummary['rating']) => (v ? label(ratingLabels[v]) : '—') },
  ];
}
