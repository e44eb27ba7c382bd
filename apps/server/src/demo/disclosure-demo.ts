import { expectedPeriod, isPeriodic, periodLabel, type DisclosureFrequency, type PublicationBody } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { localDate } from '../lib/clock.js';
import { loadDefaultCatalogue } from '../modules/disclosure/index.js';
import { approvePublication, createPublication, publishPublication, submitPublication } from '../modules/disclosure/publications.service.js';
import { answerComment, fileComment } from '../modules/disclosure/public.service.js';
import { findPlace } from '../modules/places/places.repository.js';
import { demoContext } from './demo-actor.js';

/**
 * The demo community's disclosure catalogue and a few publications, through the services: the default catalogue
 * (the secretary owns it), last month's fee disclosure, last quarter's party-life report and a subsistence
 * allowance notice (公示) with a resident's objection and its answer, each drafted by the social worker and
 * approved by the secretary. Last quarter's finance disclosure is left undone, so it shows on the overdue list.
 */
export async function seedDisclosureDemo(deps: AppDeps, communityId: string): Promise<{ items: number; publications: number }> {
  const shuji = await demoContext(deps, 'shuji');
  const shegong = await demoContext(deps, 'shegong');
  const jumin = await demoContext(deps, 'jumin');
  const community = await findPlace(deps.db, communityId);
  if (!community) return { items: 0, publications: 0 };
  const { items } = await loadDefaultCatalogue(deps, shuji, community);
  const today = localDate(deps.clock.now());
  const periodOfItem = (key: string) => {
    const item = items.find((i) => i.title.includes(key))!;
    const f = item.frequency as DisclosureFrequency;
    return { item, period: isPeriodic(f) ? expectedPeriod(f, today, item.dueDays).period : null };
  };
  const publish = async (body: PublicationBody) => {
    const d = await createPublication(deps, shegong, body);
    await submitPublication(deps, shegong, d.id);
    await approvePublication(deps, shuji, d.id);
    return publishPublication(deps, shuji, d.id);
  };

  const fees = periodOfItem('代收代缴费用');
  await publish({
    kind: 'disclosure',
    itemId: fees.item.id,
    period: fees.period,
    title: `${periodLabel(fees.period!)}代收代缴费用收支情况`,
    body: '一、代收物业费 386,420.00 元，已全额转交物业服务企业。\n二、代收路灯电费 12,860.00 元，已缴供电公司。\n三、代收生活垃圾处理费 18,240.00 元，已缴区城管局。\n如有疑问，请在办公时间到社区居委会查阅原始票据。',
    channels: ['portal', 'notice_board', 'resident_app'],
  });
  const party = periodOfItem('三会一课');
  await publish({
    kind: 'disclosure',
    itemId: party.item.id,
    period: party.period,
    title: `${periodLabel(party.period!)}“三会一课”及主题党日开展情况`,
    body: '本季度召开支部党员大会 1 次、支委会 3 次、党小组会 6 次，讲授党课 1 次。\n主题党日活动 3 次：垃圾分类宣传、老旧小区加装电梯意见征集、关爱独居老人走访。',
    channels: ['portal', 'notice_board'],
  });
  const subsistence = periodOfItem('最低生活保障');
  const notice = await publish({
    kind: 'public_notice',
    itemId: subsistence.item.id,
    period: subsistence.period,
    title: `${periodLabel(subsistence.period!)}最低生活保障拟纳入对象公示`,
    body: '经入户调查、民主评议，拟将以下家庭纳入城市最低生活保障：\n1. 王*明家庭（3人），月保障金额 2,130 元；\n2. 陈*芳家庭（1人），月保障金额 1,010 元。\n公示期内如有异议，请向社区居委会反映，或在本页提出。',
    channels: ['portal', 'notice_board', 'resident_app'],
    objectionDays: 7,
  });
  const objection = await fileComment(deps, jumin, notice.id, 'objection', '王家的情况我了解，建议再核实一下家庭收入。');
  await answerComment(deps, shegong, notice.id, objection.id, '已再次入户核实收入材料，符合低保条件，维持拟纳入意见。');
  await fileComment(deps, jumin, notice.id, 'question', '低保金每月几号发放？');
  return { items: items.length, publications: 3 };
}
