import { WeightedTable, type Random } from './prng.js';

/**
 * Surnames weighted roughly as in the 2020 census (per mille of the population); the long tail is folded into
 * the smaller weights so that 王 李 张 刘 陈 lead and a few compound surnames still appear.
 */
const surnames = new WeightedTable<string>([
  ['王', 71], ['李', 70], ['张', 64], ['刘', 53], ['陈', 46], ['杨', 31], ['黄', 24], ['赵', 23], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 13], ['郭', 12], ['何', 12], ['林', 10], ['高', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['欧阳', 0.4], ['司马', 0.1], ['诸葛', 0.05], ['上官', 0.05],
]);

/** Given names by birth cohort: what parents chose changed a lot from 秀英/建国 to 子涵/浩然. */
const cohorts: { bornBefore: number; male: string[]; female: string[] }[] = [
  {
    bornBefore: 1950,
    male: ['德明', '长生', '福生', '国华', '振华', '家顺', '永福', '金生', '学文', '桂生', '树林', '玉山', '宝山', '文斌', '德华', '守仁', '春生', '满堂', '荣华', '子明'],
    female: ['秀英', '桂兰', '玉兰', '桂英', '秀兰', '淑珍', '凤英', '玉珍', '桂芳', '素珍', '翠兰', '玉梅', '秀珍', '桂珍', '冬梅', '兰英', '凤兰', '金凤', '玉英', '月英'],
  },
  {
    bornBefore: 1966,
    male: ['建国', '建华', '国强', '志强', '建军', '国庆', '卫国', '红兵', '援朝', '建平', '建设', '胜利', '跃进', '国平', '振国', '德胜', '新民', '爱国', '保国', '光明'],
    female: ['秀英', '桂兰', '淑华', '凤琴', '玉华', '秀芳', '丽华', '红梅', '桂香', '秀云', '爱华', '美华', '淑英', '素华', '兰芳', '彩霞', '秀梅', '月华', '金花', '红英'],
  },
  {
    bornBefore: 1981,
    male: ['志强', '伟', '勇', '军', '斌', '涛', '明', '刚', '建军', '海涛', '志刚', '永强', '卫东', '红军', '晓东', '建新', '建伟', '国华', '文杰', '俊'],
    female: ['丽', '红', '艳', '敏', '燕', '霞', '丽华', '丽娟', '红霞', '海燕', '晓梅', '春梅', '秀梅', '艳红', '小红', '丽萍', '玉梅', '芳', '静', '慧'],
  },
  {
    bornBefore: 1996,
    male: ['伟', '磊', '涛', '超', '鹏', '杰', '强', '浩', '斌', '亮', '俊杰', '晓东', '志伟', '文杰', '鹏飞', '海波', '小龙', '宇', '凯', '思远'],
    female: ['静', '丽', '婷', '敏', '燕', '娟', '婷婷', '丹', '倩', '雪', '琳', '晶', '莉', '佳', '慧', '颖', '露', '晓燕', '丽娜', '艳'],
  },
  {
    bornBefore: 2009,
    male: ['浩', '宇', '杰', '鑫', '俊杰', '浩然', '子豪', '宇航', '博文', '一鸣', '天宇', '明轩', '家豪', '志豪', '文博', '思远', '嘉豪', '子轩', '浩宇', '晨'],
    female: ['欣怡', '佳怡', '雨欣', '思雨', '诗琪', '梦瑶', '雨涵', '佳琪', '欣然', '心怡', '紫涵', '婧', '雪', '雅琪', '可馨', '梓涵', '思琪', '晓雯', '嘉欣', '佳慧'],
  },
  {
    bornBefore: 10000,
    male: ['子涵', '浩然', '宇轩', '梓豪', '一诺', '子墨', '沐宸', '浩宇', '宇泽', '俊熙', '梓睿', '奕辰', '睿泽', '子睿', '皓轩', '铭泽', '承泽', '煜祺', '宸睿', '思源'],
    female: ['欣怡', '梓涵', '一诺', '子涵', '诗涵', '梓萱', '可馨', '语桐', '若汐', '雨桐', '依诺', '芷若', '沐瑶', '梓琪', '思彤', '安琪', '欣妍', '语汐', '诗琪', '佳怡'],
  },
];

export type Gender = 'male' | 'female';

export function drawSurname(rng: Random): string {
  return surnames.draw(rng);
}

/** A given name fitting the person's birth year and gender. */
export function drawGivenName(rng: Random, gender: Gender, birthYear: number): string {
  const cohort = cohorts.find((c) => birthYear < c.bornBefore)!;
  return rng.pick(gender === 'male' ? cohort.male : cohort.female);
}

/** A full name: the surname given (a child's is the father's), or a fresh one. */
export function drawName(rng: Random, gender: Gender, birthYear: number, surname = drawSurname(rng)): string {
  return surname + drawGivenName(rng, gender, birthYear);
}

/** The surname of a full name (compound surnames included). */
export function surnameOf(name: string): string {
  for (const compound of ['欧阳', '司马', '诸葛', '上官']) if (name.startsWith(compound)) return compound;
  return name.slice(0, 1);
}
