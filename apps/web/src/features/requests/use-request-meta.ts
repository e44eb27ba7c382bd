import { useCallback, useEffect, useState } from 'react';
import { defaultRequestSettings, type CategoryView, type Me, type RequestSettings, type Role } from '@gongzhi/shared';
import { useSession } from '../session/session-context.js';
import { requestAdminApi } from './requests-api.js';

/** The community the account works for through one of `roles` (the first, for the rare account with several). */
export function communityOf(me: Me | null, roles: readonly Role[]): string | null {
  return me?.roles.find((r) => roles.includes(r.role) && r.communityId)?.communityId ?? null;
}

/** The community's taxonomy (retired ones too when asked), reloaded on `reload()`. */
export function useCategories(includeRetired = false) {
  const [items, setItems] = useState<CategoryView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    requestAdminApi
      .categories({ includeRetired })
      .then((r) => {
        if (!live) return;
        setItems(r.items);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [includeRetired, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, loading, error, reload };
}

// Who may read a community's settings: its settings editors and its handlers (the server says the same).
const settingsReaders: readonly Role[] = ['community_admin', 'community_staff', 'grid_worker', 'org_representative'];

/**
 * The community's deadlines and thresholds. Accounts that may not read them (building leaders, the
 * subdistrict) work with the defaults, which here only decide highlighting: the server computes deadlines.
 */
export function useRequestSettings(): RequestSettings {
  const { me } = useSession();
  const communityId = communityOf(me, settingsReaders);
  const [settings, setSettings] = useState<RequestSettings>(defaultRequestSettings);
  useEffect(() => {
    if (!communityId) return;
    let live = true;
    requestAdminApi.settings(communityId).then(
      (s) => live && setSettings(s.settings),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [communityId]);
  return settings;
}
