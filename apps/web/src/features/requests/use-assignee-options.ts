import { useEffect, useRef, useState } from 'react';
import type { OrganisationKind, Role } from '@gongzhi/shared';
import { organisationsApi } from '../organisations/organisations-api.js';
import { usersApi } from '../users/users-api.js';

/** Who a request can go to: staff and grid workers of the community, and its serving organisations. */
export interface AssigneeOption {
  /** `user:<id>` or `organisation:<id>`, so one select holds both kinds. */
  key: string;
  kind: 'user' | 'organisation';
  id: string;
  name: string;
  /** The role or organisation kind, shown beside the name. */
  detail: Role | OrganisationKind;
}

const handlerRoles: Role[] = ['community_admin', 'community_staff', 'grid_worker'];
export const handlerOrganisationKinds: OrganisationKind[] = ['property_company', 'stationed_unit', 'social_org', 'owners_committee'];

export const assigneeKey = (kind: 'user' | 'organisation', id: string) => `${kind}:${id}`;

/**
 * Load the possible assignees once, when first `enabled`; the server checks each again on dispatch. Loading
 * again on every opening would replace the list under an open drop-down and lose the pick being made.
 */
export function useAssigneeOptions(enabled: boolean) {
  const [options, setOptions] = useState<AssigneeOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loaded = useRef(false);
  useEffect(() => {
    if (!enabled || loaded.current) return;
    let live = true;
    setLoading(true);
    const users = handlerRoles.map((role) =>
      usersApi.list({ role, limit: 200, offset: 0 }).then((r) =>
        r.items.filter((u) => u.status === 'active').map((u): AssigneeOption => ({ key: assigneeKey('user', u.id), kind: 'user', id: u.id, name: u.displayName, detail: role })),
      ),
    );
    const orgs = handlerOrganisationKinds.map((kind) =>
      organisationsApi.list({ kind }).then((r) =>
        r.items.map((o): AssigneeOption => ({ key: assigneeKey('organisation', o.id), kind: 'organisation', id: o.id, name: o.name, detail: kind })),
      ),
    );
    Promise.all([...users, ...orgs])
      .then((lists) => {
        if (!live) return;
        const seen = new Set<string>();
        // Someone with two roles is listed once, under the first.
        setOptions(lists.flat().filter((o) => !seen.has(o.key) && seen.add(o.key)));
        setError(null);
        loaded.current = true;
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [enabled]);
  return { options, loading, error };
}
