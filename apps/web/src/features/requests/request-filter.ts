import dayjs from 'dayjs';
import { requestChannels, requestKinds, requestSorts, urgencies, type RequestChannel, type RequestKind, type Urgency } from '@gongzhi/shared';
import type { RequestQuery } from './requests-api.js';

/** The queue's quick filters, in tab order. */
export const queueTabs = ['pending', 'handling', 'mine', 'overdue', 'replied', 'all'] as const;
export type QueueTab = (typeof queueTabs)[number];
export type RequestSort = (typeof requestSorts)[number];

/** What each tab asks the server for. */
const tabQuery: Record<QueueTab, Partial<RequestQuery>> = {
  pending: { status: 'received,returned' },
  handling: { status: 'dispatched,in_progress,objection' },
  mine: { assignedToMe: 'true', status: 'dispatched,in_progress,objection' },
  overdue: { overdue: 'true' },
  replied: { status: 'replied' },
  all: {},
};

/** The queue as the address bar holds it, so "back" from a request returns to the same page. */
export interface RequestFilter {
  tab: QueueTab;
  q: string;
  categoryId?: string;
  kind?: RequestKind;
  channel?: RequestChannel;
  urgency?: Urgency;
  placeId?: string;
  /** Local calendar days, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  sort: RequestSort;
  order: 'asc' | 'desc';
  page: number;
  size: number;
}

export const PAGE_SIZES = [20, 50, 100];

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Read the filter from the address; `defaultTab` depends on the viewer (dispatchers start at 待派单). */
export function readFilter(p: URLSearchParams, defaultTab: QueueTab): RequestFilter {
  const size = positive(p.get('size'), 20);
  return {
    tab: oneOf(queueTabs, p.get('tab')) ?? defaultTab,
    q: p.get('q') ?? '',
    categoryId: p.get('categoryId') || undefined,
    kind: oneOf(requestKinds, p.get('kind')),
    channel: oneOf(requestChannels, p.get('channel')),
    urgency: oneOf(urgencies, p.get('urgency')),
    placeId: p.get('placeId') || undefined,
    from: day(p.get('from')),
    to: day(p.get('to')),
    sort: oneOf(requestSorts, p.get('sort')) ?? 'created_at',
    order: p.get('order') === 'asc' ? 'asc' : 'desc',
    page: positive(p.get('page'), 1),
    size: PAGE_SIZES.includes(size) ? size : 20,
  };
}

/** Only what differs from the defaults goes into the address. */
export function writeFilter(f: RequestFilter, defaultTab: QueueTab): URLSearchParams {
  const p = new URLSearchParams();
  if (f.tab !== defaultTab) p.set('tab', f.tab);
  if (f.q.trim()) p.set('q', f.q.trim());
  for (const k of ['categoryId', 'kind', 'channel', 'urgency', 'placeId', 'from', 'to'] as const) {
    const v = f[k];
    if (v) p.set(k, v);
  }
  if (f.sort !== 'created_at') p.set('sort', f.sort);
  if (f.order !== 'desc') p.set('order', f.order);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.size !== 20) p.set('size', String(f.size));
  return p;
}

/** The API query for a filter; dates become the local day's first and last instant in UTC. */
export function toQuery(f: RequestFilter): RequestQuery {
  return {
    ...tabQuery[f.tab],
    q: f.q.trim() || undefined,
    categoryId: f.categoryId,
    kind: f.kind,
    channel: f.channel,
    urgency: f.urgency,
    placeId: f.placeId,
    from: f.from ? dayjs(f.from).startOf('day').toISOString() : undefined,
    to: f.to ? dayjs(f.to).endOf('day').toISOString() : undefined,
    sort: f.sort,
    order: f.order,
    limit: f.size,
    offset: (f.page - 1) * f.size,
  };
}
