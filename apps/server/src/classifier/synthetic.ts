import { Random } from '../demo/prng.js';
import { defaultTaxonomy } from './default-taxonomy.js';
import { seedPhrasings } from './seed-examples.js';
import type { LabelledExample } from './types.js';

/**
 * A deterministic generator of realistic community requests, labelled with default-taxonomy codes: for the
 * demo's request history, the benchmark's 10,000-message corpus and tests. Each message is a category's core
 * complaint or question (the seed phrasings and more), dressed with an opener, a place, how long it has lasted,
 * a detail and an ask; about one in eight also mentions a second, unrelated issue, so categories overlap as
 * real requests do and a classifier cannot score perfectly.
 */

/** Category-specific details: a second sentence that says more about the same issue. */
const details: Record<string, string[]> = {
  property_service: ['物业说要等领导批', '找了管家好几次都推脱', '交了物业费却享受不到服务', '业主群里大家意见都很大', '维修师傅来看了一眼就走了', '物业前台说不归他们管'],
  environment_sanitation: ['味道特别难闻', '蚊蝇滋生影响健康', '保洁员说人手不够', '路过的人都捂着鼻子', '污水流到了人行道上', '垃圾都堆到了单元门口'],
  public_facilities: ['老人和孩子出行很不方便', '报修电话打了好几次', '晚上出门只能打手电', '已经有人摔倒了', '维修公司说配件还没到', '每次下雨情况更严重'],
  water_power_gas: ['家里老人孩子生活很不方便', '供水公司说要排查', '物业说是市政管网的问题', '没有提前发任何通知', '做饭洗澡都成了问题', '问了几次都说在抢修'],
  parking_traffic: ['晚上救护车都开不进来', '每天早上上班都要挪车', '保安也不管', '已经发生过好几次剐蹭', '孩子上学路上很危险', '车主电话打不通'],
  safety_hazards: ['万一起火后果不堪设想', '楼里住的多是老人', '劝过几次都不听', '这是很大的安全隐患', '之前别的小区就出过事', '晚上经常能闻到焦味'],
  neighbour_disputes: ['沟通了好几次都没用', '对方态度很强硬', '希望社区出面调解', '两家关系闹得很僵', '已经影响到正常生活', '找物业物业说管不了'],
  noise: ['晚上根本睡不着觉', '家里有高考的孩子', '老人心脏不好受不了', '敲门沟通过也没用', '打了110也只管一会儿', '已经持续好长时间了'],
  illegal_construction: ['影响了其他住户的采光', '占用了公共空间', '举报过但一直没处理', '施工还在继续', '存在安全隐患', '其他住户也开始效仿'],
  elderly_care: ['子女都在外地工作', '老人腿脚不方便', '家里只有老两口', '不会用手机线上申请', '老人身体越来越差', '希望能有人定期上门'],
  social_security: ['家里生活比较困难', '材料都已经交齐了', '窗口让我们回社区开证明', '不清楚具体的政策', '打热线电话没有人接', '已经等了两个多月'],
  health: ['老人孩子看病很不方便', '周末也想能开门', '药品经常缺货', '排队要等很久', '希望能上门服务', '担心有健康风险'],
  education_culture: ['家长们都很关心', '孩子放假没人照看', '希望多组织一些活动', '场地一直空着没利用起来', '周边没有别的去处', '收费标准不清楚'],
  employment: ['家里还有孩子要养', '年纪大了不好找工作', '不知道去哪个部门问', '希望有政策支持', '之前的工作没签合同', '手续太复杂搞不清楚'],
  household_registration: ['单位急着要', '派出所说要社区先盖章', '不知道需要哪些材料', '跑了好几趟都没办成', '孩子上学要用', '老家那边也让开证明'],
  pets: ['小孩被吓哭了', '主人还不听劝', '到处是狗屎踩一脚', '晚上吵得睡不着', '担心传染疾病', '物业说管不了'],
  greening: ['影响了低楼层的采光', '夏天蚊虫特别多', '好好的绿地变成了荒地', '树枝刮到了路过的车', '物业说要等园林部门', '下雨天树枝容易断'],
  other: ['不知道该找哪个部门', '想咨询一下', '谢谢社区的工作人员', '希望能尽快答复', '在网上没查到相关信息', '麻烦告知一下流程'],
};

/** Further core sentences beyond the seed phrasings, so the generated corpus is wider than the seed model's data. */
const extraCore: Record<string, string[]> = {
  property_service: ['物业对业主的投诉一直不理睬', '小区公共区域维修物业一直拖着不修', '物业公司擅自提高停车管理费'],
  environment_sanitation: ['小区垃圾清运不及时，垃圾桶周围污水横流', '有人在小区空地焚烧垃圾', '公共区域长期无人打扫积满灰尘'],
  public_facilities: ['电梯运行时抖动很厉害，还有异响', '小区里的道路破损严重需要修补', '楼道窗户玻璃碎了一直没换'],
  water_power_gas: ['热水器用不了因为燃气一直没通', '整栋楼晚上频繁停电', '水龙头放出来的水有沙子'],
  parking_traffic: ['小区门口违停严重，车辆进出困难', '小区内车辆行驶太快，需要限速', '停车位划线不清楚，经常有纠纷'],
  safety_hazards: ['电动车停在楼梯间还在充电', '有人从楼上往下扔酒瓶', '小区消防设施损坏没人维护'],
  neighbour_disputes: ['邻居装修时破坏了我家的管道不肯修', '楼上空调冷凝水一直滴在我家窗台上', '邻居在公共过道安装铁门'],
  noise: ['楼下商户的音响从早放到晚', '深夜有人在小区里飙车轰油门', '附近工厂的机器噪音太大'],
  illegal_construction: ['楼下商户私自搭建厨房占用人行道', '有住户在楼顶平台私自搭建阳光房', '小区围墙边新建了几间违章房'],
  elderly_care: ['独居老人需要有人帮忙做饭', '希望社区办一个老年活动室', '老人摔倒后需要长期照护'],
  social_security: ['申请了低保但一直没有审批结果', '退休人员资格认证怎么做', '残疾人护理补贴为什么停发了'],
  health: ['社区卫生服务中心的医生太少', '想给家里老人签约家庭医生', '附近小诊所卫生条件很差'],
  education_culture: ['社区能否开设四点半课堂', '活动中心的图书太旧了', '希望社区举办亲子阅读活动'],
  employment: ['找了很久工作都没有着落', '想申请创业补贴但不清楚条件', '希望社区多提供一些就业岗位信息'],
  household_registration: ['需要开具居住证明用于孩子入学', '办理居住证需要提供租房合同吗', '户口迁移证明在哪里开'],
  pets: ['小区里的狗没有拴绳还追咬路人', '邻居在家里养了很多只狗', '流浪猫在车库里生了一窝小猫'],
  greening: ['小区绿化长期无人打理', '楼前的大树需要修剪了', '绿化带里的灌木都枯死了'],
  other: ['想咨询一下社区的办事流程', '建议社区在周末也安排人值班', '对社区的服务提一点意见'],
};

const openers = ['', '', '', '您好，', '你好，', '社区领导好，', '我是这个小区的业主，', '我是一名住在这里多年的居民，', '反映一个问题：', '我想反映一下，'];
const buildings = ['', '', '我们小区', '我们这栋楼', '我住的单元', '小区东门附近', '小区北区', '老小区这边', '小区西侧', '我家楼下'];
const durations = ['', '', '', '最近', '这几天', '已经一个多月了，', '从上周开始', '好长时间了，', '今天早上', '每天晚上'];
const asks = ['', '', '希望尽快处理。', '请社区帮忙协调一下。', '麻烦相关部门来看一下。', '盼回复，谢谢！', '希望有关部门重视。', '请问该怎么办？', '请尽快解决！', '多谢了。'];

/** Relative frequency of each category in a community's requests (property and sanitation are most common). */
const frequency: Record<string, number> = {
  property_service: 14, environment_sanitation: 12, public_facilities: 11, water_power_gas: 9, parking_traffic: 9, safety_hazards: 7,
  neighbour_disputes: 6, noise: 7, illegal_construction: 4, elderly_care: 4, social_security: 4, health: 3,
  education_culture: 3, employment: 2, household_registration: 4, pets: 4, greening: 4, other: 3,
};

function building(rng: Random): string {
  const b = rng.pick(buildings);
  // Digits are spelled as residents type them, sometimes full-width.
  if (b || rng.chance(0.5)) return b;
  const n = `${rng.int(1, 30)}号楼${rng.chance(0.5) ? `${rng.int(1, 6)}单元` : ''}`;
  return rng.chance(0.2) ? n.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : n;
}

function message(rng: Random, code: string, all: string[]): string {
  const core = rng.chance(0.6) ? rng.pick(seedPhrasings[code]!) : rng.pick(extraCore[code]!);
  // A question ("低保怎么申请") reads oddly after a place and a duration; only complaints get them.
  const question = /[吗么？?]$|请问|怎么|什么|哪里|多少|能否|是否|哪些|多久|几点|在哪/.test(core);
  const parts = question ? [rng.pick(openers), core] : [rng.pick(openers), building(rng), rng.pick(durations), core];
  let text = parts.join('');
  if (rng.chance(0.55)) text += `，${rng.pick(details[code]!)}`;
  // About one in eight requests also mentions an unrelated issue: the category is the first one raised.
  if (rng.chance(0.12)) {
    const other = rng.pick(all.filter((c) => c !== code));
    text += `。另外，${rng.pick(seedPhrasings[other]!)}`;
  }
  const ask = rng.pick(asks);
  return ask ? `${text}，${ask}` : `${text}。`;
}

/** `count` labelled requests, deterministic for a seed; `categories` restricts them to some default-taxonomy codes. */
export function syntheticRequests(count: number, seed: string | number, categories?: readonly string[]): LabelledExample[] {
  const known = defaultTaxonomy.map((c) => c.code);
  const codes = categories ? [...categories] : known;
  const unknown = codes.filter((c) => !known.includes(c));
  if (unknown.length) throw new Error(`syntheticRequests: not default-taxonomy codes: ${unknown.join(', ')}`);
  if (!codes.length) throw new Error('syntheticRequests: no categories');
  const rng = new Random(`synthetic-requests/${seed}`);
  const table = codes.map((c) => [c, frequency[c] ?? 1] as const);
  return Array.from({ length: Math.max(0, Math.floor(count)) }, () => {
    const label = rng.weighted(table);
    return { text: message(rng, label, known), label };
  });
}
