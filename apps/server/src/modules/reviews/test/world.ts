import type { ReviewLevel, ReviewRoundView } from '@gongzhi/shared';
import { errCode, ok, topicsWorld, type Api, type T } from '../../topics/test/world.js';

export { errCode, ok };
export type { T };

/**
 * The reviews' test world, on the topics' world (community A with two verified residents, B with its admin):
 * A's residents' committee with a chair and two members, and five representative posts: the two verified
 * residents (by account) and three people known only by name, whose forms come in on paper.
 */
export async function reviewsWorld(t: T) {
  const w = await topicsWorld(t);
  const a = t.world.a.id;
  const committee = ok<{ id: string }>(await w.staff.post('/organisations', { communityId: a, kind: 'residents_committee', name: '甲社区居民委员会' }), 'committee');
  const post = async (body: object) => ok<{ id: string }>(await w.staff.post('/memberships', { communityId: a, ...body }), 'membership').id;
  const chair = await post({ organisationId: committee.id, personName: '王建国', role: 'chair' });
  const member1 = await post({ organisationId: committee.id, personName: '刘芳', role: 'committee_member' });
  const member2 = await post({ organisationId: committee.id, personName: '陈志强', role: 'committee_member' });
  const repResident = await post({ userId: t.world.users.resident, role: 'representative' });
  const repResident2 = await post({ userId: (await userOf(w.resident2)) ?? '', role: 'representative' });
  const paper = [await post({ personName: '孙代表', role: 'representative' }), await post({ personName: '周代表', role: 'representative' }), await post({ personName: '吴代表', role: 'representative' })];
  return { ...w, committeeId: committee.id, members: { chair, member1, member2 }, reps: { resident: repResident, resident2: repResident2, paper }, post };
}
export type RW = Awaited<ReturnType<typeof reviewsWorld>>;

async function userOf(api: Api): Promise<string | undefined> {
  return ok<{ id: string }>(await api.get('/me'), 'me').id;
}

export const roundBody = (t: T, extra: object = {}) => ({
  title: '2026年度居委会民主评议',
  period: '2026年度',
  opensAt: t.clock.now().toISOString(),
  closesAt: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
  services: ['为老服务', '环境卫生', '便民服务'],
  ...extra,
});

/** A round created and opened by staff. */
export async function openRound(t: T, w: RW, extra: object = {}): Promise<ReviewRoundView> {
  const r = ok<ReviewRoundView>(await w.staff.post('/reviews', roundBody(t, extra)), 'create');
  return ok<ReviewRoundView>(await w.staff.post(`/reviews/${r.id}/open`), 'open');
}

/** A form rating every subject of the round at `level`, or per subject name from `by`. */
export function form(r: ReviewRoundView, level: ReviewLevel, by: Record<string, ReviewLevel> = {}) {
  return { ratings: r.subjects.map((s) => ({ subjectId: s.id, level: by[s.name] ?? level })) };
}
