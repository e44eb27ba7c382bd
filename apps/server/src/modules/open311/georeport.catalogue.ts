import type { z } from 'zod';
import { requestKindLabels, requestKinds, urgencyLabels, type Locale, type open311Service, type open311ServiceDefinition, type Urgency } from '@gongzhi/shared';
import type { RequestCategoryRow } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { ensureTaxonomy } from '../triage/index.js';
import { findCommunity, someCommunities } from './georeport.repository.js';
import { Open311Error } from './georeport.format.js';

/** Jurisdictions and services: a jurisdiction is a community, its services are its request categories. */

export type Open311Service = z.infer<typeof open311Service>;
export type Open311ServiceDefinition = z.infer<typeof open311ServiceDefinition>;
export interface Jurisdiction {
  id: string;
  name: string;
  path: string;
}

/** The kind a report gets when it names none: most reports through an integration ask for something to be fixed. */
export const DEFAULT_KIND = 'help';

const pick = (label: { zh: string; en: string }, locale: Locale) => (locale === 'en-US' ? label.en : label.zh);

/**
 * The community a call is about: `jurisdiction_id` when given (404 when unknown); without it, the only
 * community of a single-community installation, or 400.
 */
export async function jurisdictionOf(deps: AppDeps, id: string | undefined): Promise<Jurisdiction> {
  if (id) {
    const c = await findCommunity(deps.db, id);
    if (!c) throw new Open311Error(404, 'jurisdiction_id not found');
    return c;
  }
  const all = await someCommunities(deps.db);
  if (all.length !== 1) throw new Open311Error(400, 'jurisdiction_id is required');
  return all[0]!;
}

/** The community's live categories (the default taxonomy on first use). */
export const categoriesOf = (deps: AppDeps, communityId: string): Promise<RequestCategoryRow[]> => ensureTaxonomy(deps.db, communityId, deps.clock.now());

/** The category behind a service code, or the spec's error (`status` differs: 404 for definitions, 400 for POST). */
export async function categoryByCode(deps: AppDeps, communityId: string, code: string, status: 400 | 404): Promise<RequestCategoryRow> {
  const c = (await categoriesOf(deps, communityId)).find((x) => x.code === code);
  if (!c) throw new Open311Error(status, 'service_code not found');
  return c;
}

function serviceOf(c: RequestCategoryRow, locale: Locale): Open311Service {
  const name = locale === 'en-US' ? c.name_en : c.name_zh;
  return {
    service_code: c.code,
    service_name: name,
    description: c.description ?? name,
    // Every service takes the `kind` and `anonymous` attributes.
    metadata: true,
    type: 'realtime',
    keywords: [c.name_zh, c.name_en].join(','),
    group: pick(urgencyLabels[c.urgency as Urgency] ?? urgencyLabels.general, locale),
  };
}

/** GET services: the jurisdiction's categories. */
export async function listServices(deps: AppDeps, jurisdictionId: string | undefined, locale: Locale): Promise<Open311Service[]> {
  const j = await jurisdictionOf(deps, jurisdictionId);
  return (await categoriesOf(deps, j.id)).map((c) => serviceOf(c, locale));
}

/** GET services/:code: the attributes a report of this service may carry. */
export async function serviceDefinition(deps: AppDeps, jurisdictionId: string | undefined, code: string, locale: Locale): Promise<Open311ServiceDefinition> {
  const j = await jurisdictionOf(deps, jurisdictionId);
  const c = await categoryByCode(deps, j.id, code, 404);
  const en = locale === 'en-US';
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: en ? `One of the keys; ${DEFAULT_KIND} when omitted` : `取值之一；不填为 ${DEFAULT_KIND}（求助）`,
        order: 1,
        description: en ? 'What kind of request this is' : '诉求类型',
        values: requestKinds.map((k) => ({ key: k, name: pick(requestKindLabels[k], locale) })),
      },
      {
        variable: true,
        code: 'anonymous',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: en ? 'true or false; false when omitted' : 'true 或 false；不填为 false',
        order: 2,
        description: en ? "Hide the reporter's name from neighbours, building leaders and organisations" : '是否匿名（不向邻居、楼栋长和相关单位显示姓名）',
        values: [
          { key: 'false', name: en ? 'No' : '否' },
          { key: 'true', name: en ? 'Yes' : '是' },
        ],
      },
    ],
  };
}
