import { consentBasisLabels, genderLabels, relationLabels, residencyStatusLabels } from '@gongzhi/shared';
import { optionsOf } from './cells.js';
import { chainColumns } from './place-chain.js';
import type { ColumnDef } from './types.js';

/** The residents sheet, in order; an export writes the same columns so it imports back. */
export const residentColumns: ColumnDef[] = [
  { key: 'name', zh: '姓名', en: 'Name', type: 'name', required: true, width: 12, help: { zh: '居民姓名', en: "The resident's name" }, example: '张秀英' },
  {
    key: 'idNumber',
    zh: '身份证号',
    en: 'ID number',
    type: 'id_number',
    required: true,
    width: 22,
    help: { zh: '18 位居民身份证号码，同一社区内唯一；再次导入时按它找到已登记的居民', en: '18-character ID number; identifies the resident on re-import' },
    example: '11010519491231002X',
  },
  { key: 'gender', zh: '性别', en: 'Gender', type: 'enum', options: optionsOf(genderLabels), width: 8, help: { zh: '可不填：按身份证号自动识别；填写时须一致', en: 'Optional: read from the ID number' } },
  { key: 'birthDate', zh: '出生日期', en: 'Birth date', type: 'past_date', width: 12, help: { zh: '可不填：按身份证号自动识别；填写时须一致', en: 'Optional: read from the ID number' } },
  { key: 'phone', zh: '联系电话', en: 'Phone', type: 'phone', width: 15, help: { zh: '11 位手机号', en: '11-digit mobile number' }, example: '13812345678' },
  { key: 'ethnicity', zh: '民族', en: 'Ethnicity', type: 'text', max: 20, width: 8, help: { zh: '如 汉族、回族', en: 'e.g. Han' }, example: '汉族' },
  {
    key: 'residencyStatus',
    zh: '居住类型',
    en: 'Residency',
    type: 'enum',
    required: true,
    options: optionsOf(residencyStatusLabels),
    width: 10,
    help: { zh: '常住、流动或人户分离', en: 'Permanent, floating or registered elsewhere' },
    example: '常住',
  },
  { key: 'registeredAddress', zh: '户籍地址', en: 'Registered address', type: 'text', max: 200, width: 24, help: { zh: '户口登记地址', en: 'Household registration address' } },
  ...chainColumns(false, { zh: '居民入户的房屋地址，须从网格填到房号且已在系统中；不入户的居民五列都不填。', en: 'The dwelling of their household, grid to room; blank for none.' }),
  {
    key: 'relation',
    zh: '与户主关系',
    en: 'Relation',
    type: 'enum',
    options: optionsOf(relationLabels),
    width: 12,
    help: { zh: '“户主”在该房屋建户(或找到本人的户)；其他关系加入户主的户', en: 'Householder founds (or finds) the household; others join it' },
    example: '户主',
  },
  {
    key: 'householderIdNumber',
    zh: '户主身份证号',
    en: 'Householder ID number',
    type: 'id_number',
    width: 22,
    help: { zh: '非户主填写所属户户主的身份证号；该房屋只有一户时可不填', en: "For members: the householder's ID number; optional when one household lives there" },
  },
  { key: 'movedInOn', zh: '迁入日期', en: 'Moved in on', type: 'past_date', width: 12, help: { zh: '迁入本社区的日期', en: 'When they moved into the community' }, example: '2005-06-01' },
  {
    key: 'tags',
    zh: '标签',
    en: 'Tags',
    type: 'tags',
    width: 18,
    help: { zh: '用“、”分隔，如 高龄、独居；残疾、低保、慢性病、宗教信仰为敏感信息，须同时填写依据', en: 'Separated by 、; sensitive tags need a basis' },
    example: '高龄、独居',
  },
  {
    key: 'basis',
    zh: '敏感信息依据',
    en: 'Basis',
    type: 'enum',
    options: optionsOf(consentBasisLabels),
    width: 14,
    help: { zh: '新增敏感标签或登记不满 14 周岁的儿童时必填：本人同意、监护人同意或法定职责', en: 'Needed for new sensitive tags and children under 14' },
  },
  { key: 'basisDetail', zh: '依据说明', en: 'Basis detail', type: 'text', max: 500, width: 24, help: { zh: '如 “2024-03-01 本人签字同意书”“民政低保名册”', en: 'e.g. the signed form, the civil-affairs list' } },
  { key: 'note', zh: '备注', en: 'Note', type: 'text', max: 500, width: 20, help: { zh: '其他说明', en: 'Anything else' } },
];

/** A residents column by key. */
export const residentColumn = (key: string): ColumnDef => residentColumns.find((c) => c.key === key)!;
