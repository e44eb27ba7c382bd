import { newId } from '../../../lib/ids.js';
import { activePlacesUnder } from '../lookups.repository.js';
import { chainColumns, chainLevels, chainNames, PlaceIndex, type ChainPlace } from './place-chain.js';
import type { ExportContext, ExportRow, KindDefinition, ParsedRow, PlanContext, RowPlan } from './types.js';

const PAGE = 1000;

/**
 * Places: one row per address, from the grid down as far as it goes. Missing places along the chain are
 * created (the path rule: parent path + id + '/'); existing ones are found by name under their parent. Rows never
 * rename or retire anything, so a row is either created or unchanged.
 */
export const placesKind: KindDefinition = {
  kind: 'places',
  sheet: { zh: '地址', en: 'Places' },
  columns: chainColumns(false, {
    zh: '从网格起依次填写，可只填到某一层(如只建小区或楼栋)。',
    en: 'Fill from the grid down; stop at any level.',
  }).map((c, i) => (i === 0 ? { ...c, required: true } : c)),
  notes: ['每行是一个地址，从网格起依次填写；系统中没有的网格、小区、楼栋、单元、房屋会按所填名称新建，已有的保持不变。', '导入不会改名或撤销地址；改名、撤销请在地址管理中办理。'],
  keyColumns: ['grid'],
  naturalKey: (v) => chainNames(v).names.join('/') || null,

  async plan(pc: PlanContext, rows: ParsedRow[]): Promise<RowPlan[]> {
    const index = await PlaceIndex.load(pc.deps.db, pc.community);
    const actor = pc.ctx?.actor.userId ?? null;
    return rows.map((r): RowPlan => {
      const errors = [...r.errors];
      const { names, gapAt } = chainNames(r.values);
      if (gapAt) errors.push({ row: r.row, column: gapAt, code: 'place_gap' });
      if (errors.length) return { row: r.row, order: 0, outcome: 'error', errors, writes: null };
      let parent: ChainPlace = { id: pc.community.id, kind: 'community', name: pc.community.name, parentId: pc.community.parent_id, path: pc.community.path };
      const created: ChainPlace[] = [];
      names.forEach((name, i) => {
        let p = index.child(parent.id, name);
        if (!p) {
          const id = newId();
          p = { id, kind: chainLevels[i]!.kind, name, parentId: parent.id, path: `${parent.path}${id}/` };
          index.add(p);
          created.push(p);
        }
        parent = p;
      });
      if (created.length === 0) return { row: r.row, order: 0, outcome: 'unchanged', errors: [], writes: null };
      return {
        row: r.row,
        order: 0,
        outcome: 'created',
        errors: [],
        writes: {
          inserts: {
            places: created.map((p) => ({
              id: p.id,
              kind: p.kind,
              name: p.name,
              parent_id: p.parentId,
              community_id: pc.community.id,
              path: p.path,
              retired_at: null,
              created_at: pc.now,
              updated_at: pc.now,
            })),
            place_history: created.map((p) => ({ id: newId(), place_id: p.id, change: 'created', from_value: null, to_value: p.name, actor_user_id: actor, at: pc.now })),
          },
          updates: [],
          tagDeletes: [],
          audit: {
            action: 'place.import.create',
            targetType: 'place',
            targetId: parent.id,
            communityId: pc.community.id,
            scopePath: parent.path,
            after: { created: created.map((p) => ({ id: p.id, kind: p.kind, name: p.name, parentId: p.parentId })) },
          },
        },
      };
    });
  },

  /** Every place with no active place below it (a dwelling, or a level not yet filled in), in tree order. */
  async *exportPages(ec: ExportContext): AsyncGenerator<ExportRow[]> {
    const index = await PlaceIndex.load(ec.deps.db, ec.community);
    const inPlace = await activePlacesUnder(ec.deps.db, ec.place.path);
    const parents = new Set(inPlace.map((p) => p.parent_id));
    const leaves = inPlace.filter((p) => p.kind !== 'community' && p.kind !== 'subdistrict' && !parents.has(p.id)).sort((a, b) => (a.path < b.path ? -1 : 1));
    for (let i = 0; i < leaves.length; i += PAGE) {
      yield leaves.slice(i, i + PAGE).map((p) => {
        const names = index.namesOf(p.id);
        return Object.fromEntries(chainLevels.map((l) => [l.key, names[l.key] ?? null]));
      });
    }
  },
};
