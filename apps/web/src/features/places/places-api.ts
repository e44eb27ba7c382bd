import type { PlaceKind, PlaceTreeNode, PlaceView } from '@gongzhi/shared';
import { api } from '../../api/client.js';

export interface PlaceDetail {
  place: PlaceView;
  ancestors: PlaceView[];
  children: PlaceView[];
  counts: Partial<Record<PlaceKind, number>>;
}

export interface PlaceHistoryEntry {
  id: string;
  change: 'created' | 'renamed' | 'moved' | 'retired' | 'restored';
  fromValue: string | null;
  toValue: string | null;
  actorUserId: string | null;
  at: string;
}

const flag = (b: boolean | undefined) => (b ? 'true' : undefined);

/** The place tree and its changes. */
export const placesApi = {
  tree: (opts: { depth: number; rootId?: string; includeRetired?: boolean }) =>
    api.get<{ roots: PlaceTreeNode[] }>('/places/tree', {
      depth: opts.depth,
      rootId: opts.rootId,
      includeRetired: flag(opts.includeRetired),
    }),
  detail: (id: string, includeRetired?: boolean) =>
    api.get<PlaceDetail>(`/places/${encodeURIComponent(id)}`, { includeRetired: flag(includeRetired) }),
  history: (id: string) => api.get<{ items: PlaceHistoryEntry[] }>(`/places/${encodeURIComponent(id)}/history`),
  create: (body: { kind: PlaceKind; name: string; parentId: string }) => api.post<PlaceView>('/places', body),
  rename: (id: string, name: string) => api.patch<PlaceView>(`/places/${encodeURIComponent(id)}`, { name }),
  move: (id: string, parentId: string) => api.post<PlaceView>(`/places/${encodeURIComponent(id)}/move`, { parentId }),
  retire: (id: string, reason?: string) => api.post<PlaceView>(`/places/${encodeURIComponent(id)}/retire`, reason ? { reason } : {}),
  restore: (id: string) => api.post<PlaceView>(`/places/${encodeURIComponent(id)}/restore`, {}),
};
