import { placeManagerRoles, placeViewerRoles, type Me, type PlaceView } from '@gongzhi/shared';

export interface PlaceRights {
  /** May add a place under this one (the scope place itself included). */
  add: boolean;
  /** May rename, move, retire or restore it (only places strictly inside the scope). */
  change: boolean;
}

/**
 * What the UI offers for a place; the server decides for real. `ancestorIds` are the place's ancestors, so
 * "inside a manager's scope" means the scope place is the place itself or one of them.
 */
export function placeRights(me: Me | null, place: PlaceView, ancestorIds: string[]): PlaceRights {
  const scopes = (me?.roles ?? []).filter((r) => placeManagerRoles.includes(r.role)).map((r) => r.placeId);
  return {
    add: scopes.some((s) => s === place.id || ancestorIds.includes(s)),
    change: scopes.some((s) => ancestorIds.includes(s)),
  };
}

/**
 * Which of the ancestors (top-down) lie inside the user's viewing scope. Those above it are shown by name
 * only: the breadcrumb does not invite the user to open places outside their area.
 */
export function ancestorsInScope(me: Me | null, ancestorIds: string[]): Set<string> {
  const scopes = new Set((me?.roles ?? []).filter((r) => placeViewerRoles.includes(r.role)).map((r) => r.placeId));
  const inside = new Set<string>();
  let entered = false;
  for (const id of ancestorIds) {
    entered ||= scopes.has(id);
    if (entered) inside.add(id);
  }
  return inside;
}

export const canManagePlaces = (me: Me | null): boolean => (me?.roles ?? []).some((r) => placeManagerRoles.includes(r.role));
