import type { ReviewLevel, ReviewRoundView } from '@gongzhi/shared';
import type { AppDeps } from '../deps.js';
import { iso, localDate } from '../lib/clock.js';
import { createMembership } from '../modules/organisations/memberships.service.js';
import { enterPaperForm } from '../modules/reviews/forms.service.js';
import * as repo from '../modules/reviews/reviews.repository.js';
import { closeRound, createRound, openRound, publishRound } from '../modules/reviews/reviews.service.js';
import { demoContext } from './demo-actor.js';

const DAY = 86_400_000;
const services = ['为老服务', '环境卫生', '便民服务', '文体活动'];

/**
 * The demo community's democratic reviews, through the services: two published years in which one committee
 * member is judged unfit both times (so the later year carries the flag), and this year's round open, with some
 * paper forms already in and 刘奶奶 (account `jumin`, made a residents' representative here) still to rate on her
 * phone. Ratings follow a fixed pattern, so the demo is the same every time.
 */
export async function seedReviewsDemo(deps: AppDeps, communityId: string): Promise<{ rounds: number; forms: number }> {
  const shuji = await demoContext(deps, 'shuji');
  const jumin = await demoContext(deps, 'jumin');
  const now = deps.clock.now();
  const year = Number(localDate(now).slice(0, 4));
  await createMembership(deps, shuji, { communityId, userId: jumin.actor.userId!, role: 'representative', startOn: `${year - 2}-01-01` });
  const reps = (await repo.representatives(deps.db, communityId)).filter((r) => r.user_id !== jumin.actor.userId);
  let forms = 0;

  // Representative i's rating of subject j in round k; `weak` is the member most of them find unfit in the past years.
  const level = (i: number, j: number, k: number, weak: boolean): ReviewLevel => {
    if (weak) return i % 10 < 6 ? 'poor' : i % 10 < 8 ? 'fair' : 'good';
    const x = (i * 7 + j * 3 + k * 5) % 10;
    return x < 6 ? 'good' : x < 9 ? 'fair' : 'poor';
  };
  const comment = (i: number, j: number) => (i % 9 === 0 && j === 0 ? '希望多到楼栋走走，听听老人的意见。' : i % 11 === 0 && j > 0 ? '服务时间能否延长到周末？' : undefined);
  const fill = async (r: ReviewRoundView, k: number, count: number, weakIndex: number | null) => {
    for (const [i, rep] of reps.slice(0, count).entries()) {
      const ratings = r.subjects.map((s, j) => ({ subjectId: s.id, level: level(i, j, k, j === weakIndex), comment: comment(i, j) }));
      await enterPaperForm(deps, shuji, r.id, { representativeId: rep.id, ratings: ratings.map(({ comment: c, ...x }) => (c ? { ...x, comment: c } : x)) });
      forms++;
    }
  };

  // Past years: opened each December, closed two weeks later, published in early January.
  for (const [k, back] of [2, 1].entries()) {
    const y = year - back;
    const opens = new Date(Date.UTC(y, 11, 1, 1));
    const r = await createRound(deps, shuji, {
      communityId,
      title: `${y}年度居委会民主评议`,
      period: `${y}年度`,
      opensAt: iso(opens),
      closesAt: iso(new Date(opens.getTime() + 14 * DAY)),
      services,
    });
    await openRound(deps, shuji, r.id);
    // The member rated weakly: the third subject (a committee member when the committee has three or more).
    const weak = r.subjects.filter((s) => s.kind === 'member').length >= 3 ? 2 : null;
    await fill(r, k, Math.round(reps.length * 0.45), weak);
    await closeRound(deps, shuji, r.id);
    await publishRound(deps, shuji, r.id, { publishComments: k === 1 });
    // The demo is seeded today; its past rounds carry the dates they would have had.
    await repo.updateRound(deps.db, r.id, 'published', { closed_at: iso(new Date(opens.getTime() + 14 * DAY)), published_at: iso(new Date(Date.UTC(y + 1, 0, 6, 2))) });
  }

  const current = await createRound(deps, shuji, {
    communityId,
    title: `${year}年度居委会民主评议`,
    period: `${year}年度`,
    opensAt: iso(new Date(now.getTime() - 2 * DAY)),
    closesAt: iso(new Date(now.getTime() + 12 * DAY)),
    services,
  });
  await openRound(deps, shuji, current.id);
  await fill(current, 2, Math.round(reps.length * 0.2), null);
  return { rounds: 3, forms };
}
