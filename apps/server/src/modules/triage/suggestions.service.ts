import { defaultRequestSettings, requestSettingsSchema, type RequestSettings } from '@gongzhi/shared';
import type { z } from 'zod';
import type { requestSuggestions } from '@gongzhi/shared';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/app-error.js';
import { findPlace } from '../places/places.repository.js';
import { classifyText } from './classification.js';
import * as repo from './routing.repository.js';
import { findSimilar, toSimilarRequests } from './similar.service.js';
import { splitTokens } from './similarity.js';
import { findCategoriesByIds } from './taxonomy.repository.js';
import { requestForSuggestions, settingsJson } from './triage.repository.js';
import { covers, dispatcherPrefixes } from './triage.policy.js';
import { validAssignee, type Assignee } from './routing.service.js';

/** How far back the history of lead handlers is read. */
export const HISTORY_DAYS = 180;

export interface HandlerSuggestion extends Assignee {
  reason: 'rule' | 'history' | 'grid_worker';
}

/**
 * Who should handle a request of `categoryId` at `placePath`: the routing rule of the most specific place
 * (a rule for the whole community last; the newest among equals), else the most frequent lead handler of the
 * category in the same grid over the last 180 days, else the grid's grid worker. Assignees no longer valid
 * (disabled account, retired organisation) are passed over. Null when nothing applies.
 */
export async function suggestHandler(
  db: Db,
  o: { communityId: string; categoryId: string | null; placePath: string; gridId: string | null; now: Date },
): Promise<HandlerSuggestion | null> {
  const community = await findPlace(db, o.communityId);
  if (!community) return null;
  if (o.categoryId) {
    const rules = (await repo.listRules(db, { communityIds: [o.communityId], categoryId: o.categoryId }))
      .filter((r) => r.place_path === null || o.placePath.startsWith(r.place_path))
      .sort((a, b) => (b.place_path?.length ?? -1) - (a.place_path?.length ?? -1) || b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
    for (const r of rules) {
      const a = await validAssignee(db, community, { kind: r.assignee_kind, userId: r.user_id, organisationId: r.organisation_id });
      if (a) return { ...a, reason: 'rule' };
    }
    const since = new Date(o.now.getTime() - HISTORY_DAYS * 86_400_000).toISOString();
    for (const l of await repo.frequentLeads(db, { communityId: o.communityId, categoryId: o.categoryId, gridId: o.gridId, since })) {
      const a = await validAssignee(db, community, { kind: l.assignee_kind, userId: l.user_id, organisationId: l.organisation_id });
      if (a) return { ...a, reason: 'history' };
    }
  }
  if (o.gridId) {
    const [worker] = await repo.gridWorkers(db, o.gridId);
    if (worker) return { kind: 'user', userId: worker.id, organisationId: null, name: worker.display_name, reason: 'grid_worker' };
  }
  return null;
}

/** The community's deadlines and thresholds (the defaults when never saved or unreadable). */
export async function communitySettings(db: Db, communityId: string): Promise<RequestSettings> {
  const json = await settingsJson(db, communityId);
  if (!json) return defaultRequestSettings;
  try {
    return requestSettingsSchema.parse({ ...defaultRequestSettings, ...(JSON.parse(json) as object) });
  } catch {
    return defaultRequestSettings;
  }
}

/**
 * For a dispatcher looking at a request: the predicted category (with a "check this" flag below the community's
 * confidence threshold), a handler for its category (staff's, or else the prediction's) and place, and open
 * requests it may duplicate.
 */
export async function requestSuggestionsFor(deps: AppDeps, actor: Actor, id: string): Promise<z.infer<typeof requestSuggestions>> {
  const r = await requestForSuggestions(deps.db, id);
  if (!r || !covers(dispatcherPrefixes(actor), r.place_path)) throw notFound();
  const now = deps.clock.now();
  const predicted = await classifyText(deps, deps.db, r.community_id, `${r.title}\n${r.text}`);
  const settings = await communitySettings(deps.db, r.community_id);
  const names = new Map((await findCategoriesByIds(deps.db, predicted?.alternatives.map((a) => a.categoryId) ?? [])).map((c) => [c.id, { zh: c.name_zh, en: c.name_en }]));
  const category = predicted
    ? {
        categoryId: predicted.categoryId,
        code: predicted.code,
        name: names.get(predicted.categoryId)!,
        confidence: predicted.confidence,
        alternatives: predicted.alternatives.map((a) => ({ categoryId: a.categoryId, code: a.code, name: names.get(a.categoryId)!, confidence: a.confidence })),
        low: predicted.confidence < settings.lowConfidence,
      }
    : null;
  const handler = await suggestHandler(deps.db, {
    communityId: r.community_id,
    categoryId: r.category_id ?? predicted?.categoryId ?? null,
    placePath: r.place_path,
    gridId: r.grid_id,
    now,
  });
  const duplicates = await findSimilar(deps.db, { communityId: r.community_id, tokens: splitTokens(r.tokens), placePath: r.place_path, excludeId: r.id, limit: 5, now });
  return { category, handler, duplicates: await toSimilarRequests(deps.db, duplicates) };
}
