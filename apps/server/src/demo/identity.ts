import { idNumberCheckChar } from '@gongzhi/shared';
import type { Gender } from './names.js';
import { WeightedTable, type Random } from './prng.js';

/** Where a person's ID number was first issued, and the address text of that place. */
export interface Region {
  code: string;
  address: string;
}

/** The demo's city is 长沙 (the place names of the demo are in its 岳麓区). */
export const LOCAL_DISTRICT: Region = { code: '430104', address: '湖南省长沙市岳麓区' };

const city: Region[] = [
  LOCAL_DISTRICT,
  { code: '430102', address: '湖南省长沙市芙蓉区' },
  { code: '430103', address: '湖南省长沙市天心区' },
  { code: '430105', address: '湖南省长沙市开福区' },
  { code: '430111', address: '湖南省长沙市雨花区' },
  { code: '430112', address: '湖南省长沙市望城区' },
  { code: '430121', address: '湖南省长沙市长沙县' },
  { code: '430181', address: '湖南省长沙市浏阳市' },
  { code: '430182', address: '湖南省长沙市宁乡市' },
];
const province: Region[] = [
  { code: '430321', address: '湖南省湘潭市湘潭县' },
  { code: '430281', address: '湖南省株洲市醴陵市' },
  { code: '430421', address: '湖南省衡阳市衡阳县' },
  { code: '430582', address: '湖南省邵阳市邵东市' },
  { code: '430621', address: '湖南省岳阳市岳阳县' },
  { code: '430721', address: '湖南省常德市安乡县' },
  { code: '430922', address: '湖南省益阳市桃江县' },
  { code: '431021', address: '湖南省郴州市桂阳县' },
  { code: '431122', address: '湖南省永州市东安县' },
  { code: '431221', address: '湖南省怀化市中方县' },
  { code: '431321', address: '湖南省娄底市双峰县' },
  { code: '433101', address: '湖南省湘西土家族苗族自治州吉首市' },
];
const elsewhere: Region[] = [
  { code: '360321', address: '江西省萍乡市莲花县' },
  { code: '420921', address: '湖北省孝感市孝昌县' },
  { code: '511621', address: '四川省广安市岳池县' },
  { code: '500231', address: '重庆市垫江县' },
  { code: '411521', address: '河南省信阳市罗山县' },
  { code: '520321', address: '贵州省遵义市播州区' },
  { code: '441481', address: '广东省梅州市兴宁市' },
  { code: '341221', address: '安徽省阜阳市临泉县' },
  { code: '450923', address: '广西壮族自治区玉林市博白县' },
];

export type Origin = 'local' | 'city' | 'province' | 'elsewhere';

/** A region of the given origin; `local` is this district, `city` any district of 长沙 (mostly this one). */
export function drawRegion(rng: Random, origin: Origin): Region {
  if (origin === 'local') return LOCAL_DISTRICT;
  if (origin === 'city') return rng.chance(0.5) ? LOCAL_DISTRICT : rng.pick(city);
  if (origin === 'province') return rng.pick(province);
  return rng.pick(elsewhere);
}

const towns = ['城关镇', '石桥镇', '新塘镇', '黄土铺镇', '太平镇', '白沙镇', '金桥镇', '花明楼镇', '双江镇', '大塘乡'];
const villages = ['枫树', '新华', '石门', '竹山', '长岭', '荷塘', '桥头', '柏树', '杨柳', '联合'];
const streets = ['人民路', '解放路', '五一大道', '建设路', '芙蓉路', '湘江路', '劳动路', '韶山路', '东风路', '车站路'];

/** A plausible household-registration address in a region other than here (town and village, or street). */
export function drawAddressIn(rng: Random, region: Region): string {
  if (region.address.startsWith('湖南省长沙市')) return `${region.address}${rng.pick(streets)}${rng.int(1, 399)}号`;
  return `${region.address}${rng.pick(towns)}${rng.pick(villages)}村${rng.int(1, 12)}组`;
}

/** Every ID number and phone number generated in one run, so none repeats (the registers index them uniquely). */
export class IdentityRegistry {
  private readonly idNumbers = new Set<string>();
  private readonly phones = new Set<string>();

  /**
   * A valid 18-character ID number (GB 11643): region, birth date, a sequence whose last digit is odd for men
   * and even for women, and the ISO 7064 MOD 11-2 check character.
   */
  idNumber(rng: Random, region: Region, birthDate: string, gender: Gender): string {
    const date = birthDate.replaceAll('-', '');
    for (;;) {
      const parity = rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${region.code}${date}${String(rng.int(0, 99)).padStart(2, '0')}${parity}`;
      const n = first17 + idNumberCheckChar(first17);
      if (!this.idNumbers.has(n)) {
        this.idNumbers.add(n);
        return n;
      }
    }
  }

  /** A mainland mobile number on a real carrier prefix, never handed out twice. */
  phone(rng: Random): string {
    for (;;) {
      const n = `${prefixes.draw(rng)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!this.phones.has(n)) {
        this.phones.add(n);
        return n;
      }
    }
  }

  get counts() {
    return { idNumbers: this.idNumbers.size, phones: this.phones.size };
  }
}

const prefixes = new WeightedTable<string>(
  [
    ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'].map((p) => [p, 5] as const),
    ...['150', '151', '152', '153', '155', '156', '157', '158', '159'].map((p) => [p, 4] as const),
    ...['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'].map((p) => [p, 4] as const),
    ...['173', '175', '176', '177', '178', '166', '191', '193', '195', '198', '199'].map((p) => [p, 2] as const),
  ],
);

const ethnicities = new WeightedTable<string>([
  ['汉族', 940],
  ['土家族', 20],
  ['苗族', 15],
  ['侗族', 8],
  ['瑶族', 7],
  ['回族', 4],
  ['壮族', 3],
  ['满族', 2],
  ['白族', 1],
]);

/** An ethnicity as the register writes it; 汉族 for most, the minorities common in 湖南 for a few. */
export function drawEthnicity(rng: Random): string {
  return ethnicities.draw(rng);
}
