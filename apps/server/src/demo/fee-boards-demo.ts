import type { FeeBoardLineInput } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { localDate } from '../lib/clock.js';
import { publishBoard, saveDraft } from '../modules/fee-boards/fee-boards.service.js';
import { monthsBefore } from '../modules/fee-boards/public.service.js';
import { demoContext } from './demo-actor.js';

/**
 * The demo community's fee boards, through the services: the first three estates with six published months
 * each (entered by the social worker 社工, published by the secretary 书记), one month of the first estate
 * corrected (revision 2, with its reason), and last month's board of the third estate left as a draft. The
 * current month is left empty for people (and the browser spec) to enter.
 */
export async function seedFeeBoardsDemo(deps: AppDeps, communityId: string): Promise<{ boards: number }> {
  const shegong = await demoContext(deps, 'shegong');
  const shuji = await demoContext(deps, 'shuji');
  const estates = await deps.db
    .selectFrom('places')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where('kind', '=', 'estate')
    .orderBy('path')
    .limit(3)
    .execute();
  const thisMonth = localDate(deps.clock.now()).slice(0, 7);
  // Amounts that vary believably by estate and month without a random source: the demo is deterministic.
  const lines = (e: number, back: number): FeeBoardLineInput[] => {
    const k = (base: number, spread: number) => base + ((e * 7 + back * 13) % 10) * spread;
    return [
      { item: 'property_fee', collectedFen: k(4_860_000, 35_000), spentFen: k(4_210_000, 28_000), note: '保洁、秩序维护、绿化养护' },
      { item: 'streetlight_fee', collectedFen: k(86_000, 1_500), spentFen: k(79_500, 1_200) },
      { item: 'garbage_fee', collectedFen: k(312_000, 4_000), spentFen: k(298_000, 3_500), note: '生活垃圾清运' },
      { item: 'water_usage', collectedFen: k(528_000, 9_000), spentFen: k(528_000, 9_000), quantity: String(k(1_480, 35)), unit: 'm³', note: '公共区域用水' },
      { item: 'parking', collectedFen: k(960_000, 12_000), spentFen: k(180_000, 5_000), quantity: String(60 + e * 12), unit: '个' },
      { item: 'ev_charging', collectedFen: k(142_000, 6_000), spentFen: k(118_000, 4_000), quantity: String(k(900, 40)), unit: '次' },
    ];
  };
  let boards = 0;
  for (const [e, estate] of estates.entries()) {
    for (let back = 6; back >= 1; back--) {
      const month = monthsBefore(thisMonth, back);
      const draft = await saveDraft(deps, shegong, { estateId: estate.id, month, lines: lines(e, back) });
      boards++;
      if (e === 2 && back === 1) continue;
      await publishBoard(deps, shuji, draft.id);
      if (e === 0 && back === 2) {
        const fixed = lines(e, back).map((l) => (l.item === 'parking' ? { ...l, collectedFen: l.collectedFen + 30_000 } : l));
        const correction = await saveDraft(deps, shegong, { estateId: estate.id, month, lines: fixed, correctionReason: '车辆停放费漏记 1 个临时车位月租 300 元' });
        await publishBoard(deps, shuji, correction.id);
        boards++;
      }
    }
  }
  return { boards };
}
