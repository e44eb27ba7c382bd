import {
  residencyStatuses,
  residentSorts,
  residentStatuses,
  residentTags,
  type ResidencyStatus,
  type ResidentStatus,
  type ResidentTag,
} from '@gongzhi/shared';
import type { ResidentQuery } from './registers-api.js';
import { parseSearch } from './search-terms.js';

export type ResidentSort = (typeof residentSorts)[number];

/** The residents list as the address bar holds it, so "back" from a resident returns to the same page. */
export interface ResidentFilter {
  search: string;
  placeId?: string;
  tag?: ResidentTag;
  status: ResidentStatus;
  residency?: ResidencyStatus;
  sort: ResidentSort;
  order: 'asc' | 'desc';
  page: number;
  size: number;
}

export const PAGE_SIZES = [20, 50, 100, 200];

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function readFilter(p: URLSearchParams): ResidentFilter {
  const size = positive(p.get('size'), 50);
  return {
    search: p.get('search') ?? '',
    placeId: p.get('placeId') || undefined,
    tag: oneOf(residentTags, p.get('tag')),
    status: oneOf(residentStatuses, p.get('status')) ?? 'living',
    residency: oneOf(residencyStatuses, p.get('residency')),
    sort: oneOf(residentSorts, p.get('sort')) ?? 'name',
    order: p.get('order') === 'desc' ? 'desc' : 'asc',
    page: positive(p.get('page'), 1),
    size: PAGE_SIZES.includes(size) ? size : 50,
  };
}

/** Only what differs from the defaults goes into the address. */
export function writeFilter(f: ResidentFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.search.trim()) p.set('search', f.search.trim());
  if (f.placeId) p.set('placeId', f.placeId);
  if (f.tag) p.set('tag', f.tag);
  if (f.status !== 'living') p.set('status', f.status);
  if (f.residency) p.set('residency', f.residency);
  if (f.sort !== 'name') p.set('sort', f.sort);
  if (f.order !== 'asc') p.set('order', f.order);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.size !== 50) p.set('size', String(f.size));
  return p;
}

/** The API query for a filter: the search box becomes a name, a phone tail or an exact ID number. */
export function toQuery(f: ResidentFilter): ResidentQuery {
  return {
    ...parseSearch(f.search).terms,
    placeId: f.placeId,
    tag: f.tag,
    status: f.status,
    residencyStatus: f.residency,
    sort: f.sort,
    order: f.order,
    limit: f.size,
    offset: (f.page - 1) * f.size,
  };
}
