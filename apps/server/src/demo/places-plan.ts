import type { Random } from './prng.js';

/** The place tree of one generated community, below the community itself. */
export interface EstatePlan {
  name: string;
  /** When it was built: households moved in after. */
  builtYear: number;
  buildings: { name: string; entrances: { name: string; dwellings: string[] }[] }[];
}
export interface GridPlan {
  name: string;
  estates: EstatePlan[];
}

/** One dwelling, flattened, for households to point at. */
export interface DwellingRef {
  grid: number;
  estate: number;
  building: number;
  entrance: number;
  dwelling: number;
  /** "五福苑1栋1单元101室" */
  address: string;
  floor: number;
  builtYear: number;
}

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 22 → 二十二 (enough for grid numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${digits[n % 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${digits[n % 10]}`;
  return String(n);
}

export const gridName = (i: number): string => `第${chineseNumber(i + 1)}网格`;

const communityNames = [
  '五福桥社区', '双桂社区', '龙王港社区', '桂花坪社区', '茶亭社区', '望月湖社区', '枫林社区', '麓山社区', '咸嘉湖社区', '西湖社区',
  '金星社区', '白鹤社区', '银杉社区', '梅溪湖社区', '观沙岭社区', '谷山社区', '含光社区', '长塘社区', '荷叶塘社区', '学士社区',
  '洋湖社区', '岳华社区', '天顶社区', '杜鹃社区', '桃花岭社区', '阳光社区', '新民社区', '溁湾社区', '望城坡社区', '银盆社区',
];
/** The name of the i-th community of the demo subdistrict (the first is the one the demo accounts work in). */
export const communityName = (i: number): string => communityNames[i] ?? `第${chineseNumber(i + 1)}社区`;

/** The first community keeps the estates the browser tests and the documentation name. */
const firstCommunityEstates = [
  ['五福苑', '桂花里'],
  ['龙王港小区', '锦江花园'],
  ['双桂小区', '茶亭院落'],
  ['格林小镇', '书香苑'],
];
const estatePrefixes = [
  '桂花', '锦江', '书香', '翠湖', '金色', '阳光', '丽景', '怡园', '枫林', '湘江', '麓山', '和平', '幸福', '新华', '建设', '工人',
  '兴业', '康乐', '银杉', '梧桐', '紫薇', '百合', '春晖', '嘉禾', '景秀', '滨江', '恒祥', '润泽', '长青', '明珠', '福泰', '安居',
];
const estateSuffixes = ['小区', '花园', '苑', '里', '家园', '新村', '公寓', '院落', '雅苑', '小镇', '华庭', '佳园'];

type Style = 'walkup' | 'midrise' | 'highrise';
/** Old courtyards are walk-ups, gardens and towns are towers; the rest varies. */
function styleOf(rng: Random, name: string): Style {
  if (/(里|院落|新村)$/.test(name)) return 'walkup';
  if (/(花园|小镇|华庭)$/.test(name)) return 'highrise';
  return rng.weighted<Style>([['walkup', 3], ['midrise', 4], ['highrise', 3]]);
}

function buildingShape(rng: Random, style: Style) {
  if (style === 'walkup') return { floors: rng.int(5, 7), entrances: rng.int(2, 4), perFloor: 2, built: rng.int(1984, 2002) };
  if (style === 'midrise') return { floors: rng.int(8, 11), entrances: rng.int(1, 2), perFloor: rng.int(2, 3), built: rng.int(1998, 2012) };
  return { floors: rng.int(18, 32), entrances: rng.int(1, 2), perFloor: 4, built: rng.int(2006, 2021) };
}

/** Buildings enough for `target` dwellings (the last one lower), all in the estate's style. */
function planEstate(rng: Random, name: string, target: number): EstatePlan {
  const style = styleOf(rng, name);
  const buildings: EstatePlan['buildings'] = [];
  let left = target;
  let builtYear = 0;
  for (let b = 1; left > 0; b++) {
    const shape = buildingShape(rng, style);
    builtYear ||= shape.built;
    const perFloorAll = shape.entrances * shape.perFloor;
    const floors = Math.max(2, Math.min(shape.floors, Math.ceil(left / perFloorAll)));
    const entrances = [];
    for (let e = 1; e <= shape.entrances; e++) {
      const dwellings: string[] = [];
      for (let f = 1; f <= floors; f++) for (let r = 1; r <= shape.perFloor; r++) dwellings.push(`${f}${String(r).padStart(2, '0')}室`);
      entrances.push({ name: `${e}单元`, dwellings });
    }
    buildings.push({ name: `${b}栋`, entrances });
    left -= floors * perFloorAll;
  }
  return { name, builtYear, buildings };
}

/**
 * Grids of about 375 households (a grid worker's load), each with two or three estates holding a few more
 * dwellings than households (some stand empty).
 */
export function planPlaces(rng: Random, communityIndex: number, households: number): GridPlan[] {
  const gridCount = Math.max(1, Math.round(households / 375));
  const used = new Set<string>();
  // Estate names are unique in the community (siblings must differ, and workers tell estates apart by name).
  const freshEstateName = () => {
    let name = rng.pick(estatePrefixes) + rng.pick(estateSuffixes);
    for (let tries = 0; used.has(name) && tries < 50; tries++) name = rng.pick(estatePrefixes) + rng.pick(estateSuffixes);
    // A very large community runs out of names: later phases of an estate are 二期, 三期 …
    for (let phase = 2; used.has(name); phase++) name = `${name.replace(/[一二三四五六七八九十]+期$/, '')}${chineseNumber(phase)}期`;
    used.add(name);
    return name;
  };
  const grids: GridPlan[] = [];
  for (let g = 0; g < gridCount; g++) {
    const share = Math.floor(households / gridCount) + (g < households % gridCount ? 1 : 0);
    const dwellings = Math.ceil(share * 1.07) + 2;
    const names = communityIndex === 0 && firstCommunityEstates[g] ? [...firstCommunityEstates[g]!] : [];
    if (names.length === 0) for (let k = rng.int(2, 3); k > 0; k--) names.push(freshEstateName());
    names.forEach((n) => used.add(n));
    const weights = names.map(() => rng.int(2, 5));
    const total = weights.reduce((a, b) => a + b, 0);
    const estates = names.map((name, i) => planEstate(rng, name, Math.max(8, Math.round((dwellings * weights[i]!) / total))));
    grids.push({ name: gridName(g), estates });
  }
  return grids;
}

/** Every dwelling in tree order, with the address text registers print. */
export function flattenDwellings(grids: GridPlan[]): DwellingRef[] {
  const out: DwellingRef[] = [];
  grids.forEach((grid, g) =>
    grid.estates.forEach((estate, es) =>
      estate.buildings.forEach((building, b) =>
        building.entrances.forEach((entrance, en) =>
          entrance.dwellings.forEach((dwelling, d) =>
            out.push({
              grid: g,
              estate: es,
              building: b,
              entrance: en,
              dwelling: d,
              address: `${estate.name}${building.name}${entrance.name}${dwelling}`,
              floor: Number(dwelling.slice(0, -3)),
              builtYear: estate.builtYear,
            }),
          ),
        ),
      ),
    ),
  );
  return out;
}
