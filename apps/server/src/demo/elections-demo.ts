import type { AppDeps } from '../deps.js';
import { localDate } from '../lib/clock.js';
import { advancePhase, addDays, createElection } from '../modules/elections/elections.service.js';
import { fileObjection } from '../modules/elections/objections.service.js';
import { addVoter, buildRegister } from '../modules/elections/voters.service.js';
import { demoContext } from './demo-actor.js';

/**
 * The demo community's residents' committee election, through the services: prepared by the office with its
 * election committee, the voter register built from the resident register (one vote per voter), a community
 * worker registered on her six months' service, the list posted for the legal 20 days, and one objection from
 * 刘奶奶 (`jumin`) waiting for an answer — so the console, the phone and the portal all have something to show.
 */
export async function seedElectionsDemo(deps: AppDeps, communityId: string): Promise<{ elections: number; voters: number }> {
  const shuji = await demoContext(deps, 'shuji');
  const shegong = await demoContext(deps, 'shegong');
  const jumin = await demoContext(deps, 'jumin');
  const today = localDate(deps.clock.now());
  const electionDay = addDays(today, 25);
  const e = await createElection(deps, shuji, {
    communityId,
    title: '第十二届社区居民委员会换届选举',
    votingUnit: 'person',
    electionDay,
    votingOpensAt: `${addDays(electionDay, -1)}T00:00:00.000Z`,
    votingClosesAt: `${electionDay}T09:00:00.000Z`,
    noticeDays: 20,
    seats: { chair: 1, vice_chair: 2, member: 4 },
    committee: [{ name: '沈材政', chair: true }, { name: '李晓梅', chair: false }, { name: '王志强', chair: false }, { name: '周桂芳', chair: false }, { name: '陈立新', chair: false }],
    tellerUserIds: [shegong.actor.userId!],
  });
  await advancePhase(deps, shuji, e.id, 'registration');
  const built = await buildRegister(deps, shuji, e.id);
  await addVoter(deps, shuji, e.id, { basis: 'community_worker', userId: shegong.actor.userId!, basisNote: '社区专职工作者', workingSince: addDays(today, -800) });
  await advancePhase(deps, shuji, e.id, 'list_notice');
  await fileObjection(deps, jumin, e.id, { kind: 'omission', subjectName: '刘小军', reason: '我孙子下个月满十八岁，选举日前成年，名单上没有他。' });
  return { elections: 1, voters: built.added + 1 };
}
