import type { AppDeps } from '../deps.js';
import { iso } from '../lib/clock.js';
import { advanceCovenant, createCovenant } from '../modules/covenant/covenant.service.js';
import { addOpinion } from '../modules/covenant/consultation.service.js';
import { createVersion } from '../modules/covenant/versions.service.js';
import { createMeeting } from '../modules/meetings/meetings.service.js';
import { addComment } from '../modules/topics/comments.service.js';
import { recordDecision } from '../modules/topics/decisions.service.js';
import { addTask } from '../modules/topics/tasks.service.js';
import { closeConsultation, proposeTopic, putOnAgenda } from '../modules/topics/topics.service.js';
import { demoContext } from './demo-actor.js';

const DAY = 86_400_000;

/** A draft covenant in consultation: short, in the shape the shared parser reads, rewards only. */
const covenantDraft = `# 第一章 总则

第一条 为建设和谐、文明、安全的五福桥社区，经居民广泛协商，制定本公约。

第二条 本公约适用于居住在本社区的全体居民，驻区单位参照执行。

# 第二章 邻里互助

第三条 邻里之间相互尊重、相互帮助，主动关心独居老人、残疾人等有需要的邻居。

第四条 装修、聚会等活动注意时间和音量，晚十时至早七时不得产生噪声扰民。

# 第三章 环境与安全

第五条 垃圾分类投放，不乱扔杂物，不在楼道堆放物品。

第六条 电动车不进楼道、不入户充电，在集中充电棚有序停放充电。

第七条 文明养犬，出门拴绳，及时清理犬只粪便。

# 第四章 附则

第八条 模范遵守本公约的家庭，可由居民推荐为示范户，在社区光荣榜上表彰。
`;

/**
 * Deliberation in the demo community, through the services: a resident's topic in consultation with a comment, a
 * decided topic with its task, a council meeting with the first topic on its agenda, and a covenant whose draft
 * is out for consultation. Pages that list these start with something to show.
 */
export async function seedDeliberationDemo(deps: AppDeps, communityId: string): Promise<{ topics: number; meetings: number; covenants: number }> {
  const staff = await demoContext(deps, 'shuji');
  const resident = await demoContext(deps, 'jumin');
  const now = deps.clock.now().getTime();
  const at = (days: number) => iso(new Date(now + days * DAY));

  const handrail = await proposeTopic(deps, resident, {
    communityId,
    title: '老楼楼道加装扶手',
    description: '我们楼里老人多，楼梯没有扶手，上下楼很吃力。希望社区牵头在楼道加装扶手，费用怎么分担大家商量。',
  });
  await putOnAgenda(deps, staff, handrail.id, { consultationEndsAt: at(14), note: '列入下次议事会议程，先听取各楼栋意见。' });
  await addComment(deps, resident, handrail.id, { kind: 'opinion', side: 'support', text: '支持，扶手装在靠墙一侧，不影响搬家具。' });

  const charging = await proposeTopic(deps, staff, {
    communityId,
    title: '电动车集中充电棚选址',
    description: '居民反映电动车在楼道充电存在火灾隐患。拟在小区内新建集中充电棚，请居民就选址和收费方式提出意见。',
  });
  await putOnAgenda(deps, staff, charging.id, { consultationEndsAt: at(1) });
  await closeConsultation(deps, staff, charging.id);
  await recordDecision(deps, staff, charging.id, {
    result: 'adopted',
    text: '在北门停车场东侧建设集中充电棚，按度计费，收支每月在公开栏公示。',
    meetingRef: '居民代表会议 第3号决议',
    decidedAt: at(-1),
    forCount: 38,
    againstCount: 4,
    abstainCount: 3,
  });
  await addTask(deps, staff, charging.id, { title: '完成充电棚施工并验收', ownerKind: 'person', ownerName: '陈物业', dueOn: at(45).slice(0, 10) });

  await createMeeting(deps, staff, {
    communityId,
    kind: 'deliberation_council',
    title: '五福桥社区议事会（十二月）',
    startsAt: at(10),
    location: '社区议事茶亭',
    chairName: '沈材政',
    speechMinutes: 3,
    speechTurns: 2,
    agenda: [{ title: '老楼楼道加装扶手', subjectKind: 'topic', subjectId: handrail.id }],
    membershipIds: [],
    organisationIds: [],
    guests: [],
  });

  const covenant = await createCovenant(deps, staff, { communityId, title: '五福桥社区居民公约', phases: [] });
  await addOpinion(deps, resident, covenant.id, { text: '希望公约里写上电动车不进楼道。', channel: 'online' });
  await advanceCovenant(deps, staff, covenant.id, 'drafting');
  await createVersion(deps, staff, covenant.id, { markdown: covenantDraft });
  await advanceCovenant(deps, staff, covenant.id, 'consultation');
  return { topics: 2, meetings: 1, covenants: 1 };
}
