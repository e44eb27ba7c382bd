import type { IdNumberCell } from './cells.js';
import { residentColumns } from './residents-columns.js';
import { exportResidents } from './residents-export.js';
import { planResidents } from './residents-plan.js';
import type { KindDefinition } from './types.js';

/** Residents, keyed by ID number within the community. */
export const residentsKind: KindDefinition = {
  kind: 'residents',
  sheet: { zh: '居民', en: 'Residents' },
  columns: residentColumns,
  notes: [
    '按身份证号识别居民：本社区已登记的居民会被更新，未登记的新建。已迁出或已故的居民不能通过导入修改。',
    '“与户主关系”为“户主”的行在所填房屋建立一户(本人已是该房屋某户的户主时即为该户)；其他关系的行加入“户主身份证号”所指户主的户，户主可以在本表中(任意行)。',
    '已入户的居民不能通过导入迁到别的户，变更户主也请在系统中办理。',
    '标签中的残疾、低保、慢性病、宗教信仰为敏感个人信息；新增这些标签、或登记不满 14 周岁的儿童时，须填写“敏感信息依据”和“依据说明”(儿童须为监护人同意或法定职责)。',
    '“标签”一列填写后即为该居民的全部标签(未列出的将被移除)；留空则不改动标签。',
  ],
  keyColumns: ['idNumber'],
  naturalKey: (v) => {
    const id = v.idNumber as IdNumberCell | null;
    return id && !id.masked ? id.facts.normalised : null;
  },
  plan: planResidents,
  exportPages: exportResidents,
};
