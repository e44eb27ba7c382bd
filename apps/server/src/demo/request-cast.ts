import type { RequestChannel } from '@gongzhi/shared';
import type { PlaceRow } from '../db/database.js';
import { addDays } from './dates.js';
import { WeightedTable, type Random } from './prng.js';
import type { Handler, Person } from './request-trail.js';
import type { WrittenCommunity } from './write-community.js';

/**
 * Who is in the demo community's request history and where: the households that bring matters (living adults
 * in the register, spread over the real buildings, some buildings much busier than others), the staff who take
 * and dispatch them, and who handles each kind of matter. Only accounts that can sign in handle requests, as
 * dispatching requires (an active staff member, the grid worker in their grid, the property company through
 * its representative); households with a demo account are left out, so 刘奶奶 starts with no requests of her own.
 */

export interface Home {
  householdId: string;
  movedInOn: string | null;
  dwelling: PlaceRow;
  building: PlaceRow;
  estate: PlaceRow;
  grid: PlaceRow;
  /** Living adults without an account, who may call. */
  people: { id: string; name: string; gender: string | null }[];
}

export interface Where {
  place: { id: string | null; path: string };
  gridId: string | null;
}

/** Matters the property company handles, and matters for the grid worker (on the spot, between neighbours). */
const propertyMatters = new Set(['property_service', 'public_facilities', 'water_power_gas', 'greening', 'environment_sanitation', 'parking_traffic']);
const gridMatters = new Set(['safety_hazards', 'neighbour_disputes', 'noise', 'pets', 'illegal_construction']);

/** How the community hears of matters: staff enter them from these channels (residents here have no accounts yet). */
export const channelTable = new WeightedTable<RequestChannel>([
  ['phone', 30], ['walk_in', 18], ['visit', 18], ['wechat_group', 15], ['hotline', 8], ['meeting', 5], ['mailbox', 4], ['qq_group', 2],
]);

const replies = {
  property: ['物业已安排维修师傅上门处理，现已修复，请您查看。', '已通知物业公司，相关区域已清理干净，后续会加强巡查。', '物业已到现场查看并处理完毕，如再有问题请随时联系。', '已协调物业和施工方，问题已经解决。'],
  grid: ['网格员已上门了解情况，与双方沟通协调，已达成一致。', '网格员到现场核实后已劝导整改，后续会持续跟进。', '已联合物业和派出所到现场处置，隐患已消除。'],
  staff: ['已电话联系您，说明了办理流程和所需材料，请带齐材料到社区服务站办理。', '社区已为您登记并报街道审核，审核结果出来后会第一时间通知您。', '已安排社工上门了解情况，相关服务已为您对接好。', '已将您的意见转交相关部门，社区会跟进落实情况。'],
};
export const ratingComments = ['问题还是没有解决，过两天又坏了', '答复说已处理，但实际没有人来过', '只是临时处理了一下，希望彻底解决'];
export const returnReasons = ['不属于本单位职责范围，请重新派单', '需要其他部门配合处理，请社区协调'];

export class RequestCast {
  readonly community: PlaceRow;
  private readonly homes: WeightedTable<Home>;
  private readonly shegong: Person;
  private readonly shuji: Person;
  private readonly gridWorker: Person;
  private readonly gridId: string;
  private readonly property: Handler | null;

  /** `today`: the demo's local day (ages are counted on it). */
  constructor(rng: Random, w: WrittenCommunity, today: string) {
    const { places, households, residents, memberships, links } = w.written;
    const person = (username: 'shegong' | 'shuji' | 'wanggeyuan' | 'wuye'): Person => ({
      id: links[username]!.userId,
      name: w.accounts.find((a) => a.username === username)!.displayName,
    });
    this.community = places.community;
    [this.shegong, this.shuji, this.gridWorker] = [person('shegong'), person('shuji'), person('wanggeyuan')];
    this.gridId = places.grids[0]!.id;
    const wuye = person('wuye');
    const company = memberships.find((m) => m.user_id === wuye.id && m.organisation_id);
    this.property = company ? { kind: 'organisation', userId: null, organisationId: company.organisation_id!, actor: wuye } : null;

    const byId = new Map<string, PlaceRow>();
    for (const p of [...places.grids, ...places.estates.flat(), ...places.buildings.flat(2), ...places.dwellings]) byId.set(p.id, p);
    // A few buildings (old lifts, shared courtyards) bring several times the requests of the others.
    const heat = new Map(places.buildings.flat(2).map((b) => [b.id, rng.chance(0.15) ? rng.int(2, 5) : 1]));
    const withAccount = new Set(residents.filter((r) => r.user_id).map((r) => r.household_id));
    const adultBorn = addDays(today, -18 * 366);
    const people = new Map<string, Home['people']>();
    for (const r of residents) {
      if (r.status !== 'living' || r.user_id || !r.household_id || !r.birth_date || r.birth_date > adultBorn) continue;
      const list = people.get(r.household_id) ?? [];
      list.push({ id: r.id, name: r.name, gender: r.gender ?? null });
      people.set(r.household_id, list);
    }
    const homes: [Home, number][] = [];
    for (const h of households) {
      const adults = people.get(h.id);
      if (h.status !== 'active' || withAccount.has(h.id) || !adults) continue;
      const [, , grid, estate, building] = h.place_path.split('/').filter(Boolean);
      const home = { householdId: h.id, movedInOn: h.moved_in_on ?? null, dwelling: byId.get(h.dwelling_id)!, building: byId.get(building!)!, estate: byId.get(estate!)!, grid: byId.get(grid!)!, people: adults };
      homes.push([home, heat.get(home.building.id) ?? 1]);
    }
    this.homes = new WeightedTable(homes);
  }

  /** A household living here by `day` (local `YYYY-MM-DD`); a few tries, then anyone. */
  home(rng: Random, day: string): Home {
    let h = this.homes.draw(rng);
    for (let i = 0; i < 3 && h.movedInOn && h.movedInOn > day; i++) h = this.homes.draw(rng);
    return h;
  }

  /** What the request is about: the flat itself, the building's common parts, the estate or the whole community. */
  where(rng: Random, h: Home): Where {
    const x = rng.next();
    const place = x < 0.55 ? h.dwelling : x < 0.85 ? h.building : x < 0.95 ? h.estate : null;
    return place ? { place: { id: place.id, path: place.path }, gridId: h.grid.id } : { place: { id: null, path: this.community.path }, gridId: null };
  }

  /** Who took it: the grid worker on a visit in their grid, otherwise the community office. */
  enteredBy(rng: Random, channel: RequestChannel, gridId: string | null): Person {
    if (channel === 'visit' && gridId === this.gridId) return this.gridWorker;
    return this.office(rng);
  }

  office(rng: Random): Person {
    return rng.chance(0.7) ? this.shegong : this.shuji;
  }

  /** Who handles a matter of category `code`, with the answer they give. */
  handler(rng: Random, code: string, gridId: string | null): { handler: Handler; reply: string } {
    const user = (p: Person): Handler => ({ kind: 'user', userId: p.id, organisationId: null, actor: p });
    if (propertyMatters.has(code) && this.property && rng.chance(0.85)) return { handler: this.property, reply: rng.pick(replies.property) };
    if (gridMatters.has(code) && gridId === this.gridId) return { handler: user(this.gridWorker), reply: rng.pick(replies.grid) };
    return { handler: user(this.office(rng)), reply: rng.pick(gridMatters.has(code) ? replies.grid : replies.staff) };
  }

  /** A caller who gave only a name: 王先生, 李女士. */
  contactName(p: Home['people'][number]): string {
    return `${p.name.slice(0, 1)}${p.gender === 'female' ? '女士' : '先生'}`;
  }
}
