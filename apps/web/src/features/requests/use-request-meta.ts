import { useEffect, useState } from 'react';
import { defaultRequestSettings, type CategoryView, type Me, type RequestSettings, type Role } from '@gongzhi/shared';
import { useLoaded } from '../../api/use-loaded.js';
import { useSession } from '../session/session-context.js';
import { requestAdminApi } from './requests-api.js';

/** The community the account works for through one of `roles` (the first, for the rare account with several). */
export function communityOf(me: Me | null, roles: readonly Role[]): string | null {
  return me?.roles.find((r) => roles.includes(r.role) && r.communityId)?.communityId ?? null;
}

// Stable while loading, so lists built from it are not rebuilt on every render.
const noCategories: CategoryView[] = [];

/** The community's taxonomy (retired ones too when asked), reloaded on `reload()`. */
export function useCategories(includeRetired = false) {
  const { data, loading, error, reload } = useLoaded(String(includeRetired), () => requestAdminApi.categories({ includeRetired }));
  return { items: data?.items ?? noCategories, loading, error, reload };
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
