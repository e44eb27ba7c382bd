import type { DisclosureCategory, DisclosureChannel, DisclosureFrequency } from '@gongzhi/shared';

/**
 * The default disclosure catalogue of an urban community (城市社区公开目录): what is disclosed, under which law or
 * regulation, how often and where. Laws are named without article numbers (the list is a starting point the
 * secretary adapts, not a legal opinion). `key` makes loading idempotent: a community gets each entry once,
 * and an entry it retired or edited is left as it is.
 */
export interface DefaultItem {
  key: string;
  category: DisclosureCategory;
  title: string;
  content: string;
  legalBasis: string;
  frequency: DisclosureFrequency;
  channels: DisclosureChannel[];
}

const ORGANIC_LAW = '《中华人民共和国城市居民委员会组织法》';
const PARTY_RULES = '《中国共产党党务公开条例（试行）》';
const GOV_INFO = '《中华人民共和国政府信息公开条例》';
const MCA = '民政部关于居务公开的指导意见';
const all: DisclosureChannel[] = ['portal', 'notice_board', 'resident_app'];
const boardAndPortal: DisclosureChannel[] = ['portal', 'notice_board'];

export const defaultCatalogue: DefaultItem[] = [
  // 党务公开
  { key: 'party_organisation', category: 'party', title: '社区党组织设置及班子成员分工', content: '党组织设置、书记和委员名单及分工、联系方式（办公电话）', legalBasis: PARTY_RULES, frequency: 'on_change', channels: all },
  { key: 'party_plan', category: 'party', title: '党组织年度工作计划和工作总结', content: '年度党建工作计划、重点任务及完成情况', legalBasis: PARTY_RULES, frequency: 'yearly', channels: all },
  { key: 'party_life', category: 'party', title: '“三会一课”及主题党日开展情况', content: '支部党员大会、支委会、党小组会、党课和主题党日的时间、主题和参加情况', legalBasis: `《中国共产党支部工作条例（试行）》；${PARTY_RULES}`, frequency: 'quarterly', channels: boardAndPortal },
  { key: 'party_dues', category: 'party', title: '党费收缴、使用和管理情况', content: '党费收缴人数、金额及使用情况', legalBasis: `《关于中国共产党党费收缴、使用和管理的规定》；${PARTY_RULES}`, frequency: 'half_yearly', channels: boardAndPortal },
  { key: 'party_development', category: 'party', title: '发展党员公示', content: '入党积极分子、发展对象和预备党员的公示', legalBasis: `《中国共产党发展党员工作细则》；${PARTY_RULES}`, frequency: 'on_event', channels: all },
  // 居务(政务)公开
  { key: 'committee_members', category: 'administration', title: '居民委员会成员及分工', content: '居委会、居务监督委员会成员名单、分工和任期', legalBasis: ORGANIC_LAW, frequency: 'on_change', channels: all },
  { key: 'annual_goals', category: 'administration', title: '社区年度工作目标及完成情况', content: '年度工作目标、重点项目和年终完成情况', legalBasis: `${ORGANIC_LAW}；${MCA}`, frequency: 'yearly', channels: all },
  { key: 'meeting_decisions', category: 'administration', title: '居民会议、居民代表会议决定事项及执行情况', content: '会议决定的事项、表决结果和执行进展', legalBasis: ORGANIC_LAW, frequency: 'on_event', channels: all },
  { key: 'work_list', category: 'administration', title: '社区工作事项清单及协助政府工作事项', content: '依法履职事项、协助政府工作事项及证明事项清单', legalBasis: `${ORGANIC_LAW}；${GOV_INFO}`, frequency: 'on_change', channels: boardAndPortal },
  { key: 'covenant', category: 'administration', title: '居民公约', content: '居民公约全文及修订情况', legalBasis: ORGANIC_LAW, frequency: 'on_change', channels: all },
  { key: 'major_matters', category: 'administration', title: '社区建设规划及涉及居民利益的重大事项', content: '改造项目、公共设施建设、停车和环境整治等重大事项的方案和进展', legalBasis: `${ORGANIC_LAW}；${MCA}`, frequency: 'on_event', channels: all },
  // 财务公开
  { key: 'finance_quarterly', category: 'finance', title: '社区财务收支情况（季度）', content: '本季度各项收入、支出明细及结余', legalBasis: `${ORGANIC_LAW}；${MCA}`, frequency: 'quarterly', channels: all },
  { key: 'service_funds', category: 'finance', title: '社区工作经费和服务群众专项经费使用情况', content: '经费来源、金额、使用项目和结余', legalBasis: `${MCA}；${GOV_INFO}`, frequency: 'half_yearly', channels: all },
  { key: 'fees_monthly', category: 'finance', title: '代收代缴费用收支情况（月度）', content: '物业费、路灯费、垃圾处理费等代收代缴款项的收取和支出', legalBasis: `${ORGANIC_LAW}；${MCA}`, frequency: 'monthly', channels: all },
  { key: 'donations', category: 'finance', title: '社会捐赠款物接收和使用情况', content: '捐赠来源、款物数量和去向', legalBasis: `《中华人民共和国慈善法》；${MCA}`, frequency: 'on_event', channels: boardAndPortal },
  { key: 'project_funds', category: 'finance', title: '社区惠民项目资金使用及验收情况', content: '项目名称、资金来源、金额、实施单位和验收结果', legalBasis: `${MCA}；${GOV_INFO}`, frequency: 'on_event', channels: boardAndPortal },
  // 服务公开
  { key: 'service_guide', category: 'service', title: '公共服务事项办事指南', content: '服务事项、办理条件、所需材料、办理时间和地点', legalBasis: GOV_INFO, frequency: 'on_change', channels: all },
  { key: 'subsistence', category: 'service', title: '最低生活保障审核确认公示', content: '拟纳入、退出低保的家庭（姓名遮盖）及保障金额', legalBasis: '《社会救助暂行办法》；《最低生活保障审核确认办法》', frequency: 'monthly', channels: boardAndPortal },
  { key: 'elderly_allowances', category: 'service', title: '高龄津贴、养老服务补贴发放情况', content: '发放人数、标准和金额（姓名遮盖）', legalBasis: `《中华人民共和国老年人权益保障法》；${GOV_INFO}`, frequency: 'quarterly', channels: boardAndPortal },
  { key: 'disability_allowances', category: 'service', title: '残疾人两项补贴发放情况', content: '困难残疾人生活补贴和重度残疾人护理补贴的人数和金额（姓名遮盖）', legalBasis: `《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》；${GOV_INFO}`, frequency: 'quarterly', channels: boardAndPortal },
  { key: 'requests_handled', category: 'service', title: '居民诉求办理情况', content: '本月受理诉求数量、类别、办结率和满意率', legalBasis: `${ORGANIC_LAW}；${MCA}`, frequency: 'monthly', channels: all },
  { key: 'service_commitment', category: 'service', title: '社区服务时间、联系方式和服务承诺', content: '办公时间、值班安排、服务电话和首问负责等服务承诺', legalBasis: `${MCA}；${GOV_INFO}`, frequency: 'on_change', channels: all },
];
