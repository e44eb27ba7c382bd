// The covenant benchmark's data, on top of the demo community: a residents' covenant in the pledging phase (an
// adopted version of 30 articles in 6 chapters, the consulted draft before it with its comments, stances,
// questions and answers, a review, a vote, a filing) with household pledges whose coverage varies by building, and
// a deliberation topic in consultation with as many comments. Written straight through the app's Kysely in one
// transaction of batched inserts: the services would take minutes for what is a few seconds of rows.
import { randomBytes } from 'node:crypto';
import { defaultCovenantPermissions, defaultTopicPermissions, isCovenantMarkdownFailure, parseCovenantMarkdown, covenantPhases } from '@gongzhi/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../../apps/server/src/deps.js';
import type { Db } from '../../apps/server/src/db/database.js';
import { insertMany, releaseStatements } from '../../apps/server/src/demo/bulk-insert.js';
import { Random } from '../../apps/server/src/demo/prng.js';

export interface CovenantSeedOptions {
  /** Comments on the covenant (on its consulted draft) and, as many, on the topic. */
  comments: number;
  /** Standing pledges (capped at the community's active households). */
  pledges: number;
  /** Resident accounts that comment, take stances and answer questions. */
  commenters: number;
  log: (line: string) => void;
}

export interface CovenantSeedResult {
  communityId: string;
  covenantId: string;
  /** The consulted draft (v1): the comments, stances and questions are on it. */
  draftVersionId: string;
  /** The adopted version (v2, final). */
  adoptedVersionId: string;
  /** The article with the most comments. */
  hotArticleId: string;
  /** A `before` cursor ~90% of the way back through the comments, newest first. */
  deepBefore: string;
  topicId: string;
  households: number;
  pledges: number;
  comments: number;
  topicComments: number;
  stances: number;
  answers: number;
  seconds: number;
}

const DAY = 86_400_000;

/** A UUIDv7 for a moment in the past, so ids sort as the created_at times do (the comment pages page by id). */
function idAt(ms: number): string {
  const t = Math.floor(ms).toString(16).padStart(12, '0');
  const r = randomBytes(10).toString('hex');
  const variant = ((parseInt(r[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
}

const zhDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals (第二十一条). */
const zh = (n: number) => (n < 10 ? zhDigits[n]! : `${n >= 20 ? zhDigits[Math.floor(n / 10)] : ''}十${zhDigits[n % 10]}`);

const chapters: [string, string[]][] = [
  ['总则', ['为建设和谐文明社区，依据有关法律法规，经居民会议讨论通过，制定本公约。', '本公约适用于本社区全体居民、驻区单位和租住人员。', '居民依法享有参与社区事务、监督居委会工作的权利。', '居民委员会负责本公约的宣传和实施，并定期向居民报告。', '倡导邻里守望相助，遇事协商解决。']],
  ['邻里和睦', ['邻里之间互相尊重，不传闲话，不搬弄是非。', '晚上十点至次日早上七点，不在室内外制造噪音。', '装修房屋应提前告知邻居，遵守作息时间。', '关心孤寡老人、残疾人和困难家庭，主动帮扶。', '邻里纠纷先行协商，协商不成的请调解委员会调解。']],
  ['环境卫生', ['自觉做好生活垃圾分类，定时定点投放。', '不在楼道、消防通道堆放杂物。', '不高空抛物，不乱扔烟头纸屑。', '文明养犬，出门牵绳，及时清理宠物粪便。', '爱护绿地花木，不在公共绿地种菜。']],
  ['安全秩序', ['电动自行车不进楼入户，不私拉电线充电。', '机动车按划线停放，不占用消防通道。', '发现安全隐患及时向物业或居委会报告。', '外来人员租住房屋，房东应及时登记。', '不在小区内燃放烟花爆竹。']],
  ['文明新风', ['倡导婚事新办、丧事简办，不大操大办。', '弘扬孝老爱亲，家庭和睦。', '积极参加志愿服务和社区公益活动。', '反对封建迷信，崇尚科学。', '爱护公共设施，损坏照价赔偿或修复。']],
  ['附则', ['本公约的修改，须经居民会议或居民代表会议讨论通过。', '对遵守公约表现突出的家庭，社区予以表扬。', '本公约未尽事宜，由居民会议协商补充。', '本公约由居民委员会负责解释。', '本公约自公布之日起施行。']],
];

/** The covenant's Markdown; the adopted version words a few articles differently. */
export function covenantMarkdown(adopted: boolean): string {
  const out = ['# 五福桥社区居民公约', ''];
  let n = 0;
  for (const [c, [title, bodies]] of chapters.entries()) {
    out.push(`## 第${zh(c + 1)}章 ${title}`, '');
    for (const body of bodies) {
      n++;
      const text = adopted && n % 7 === 3 ? body.replace('。', '，并接受居民监督。') : body;
      out.push(`第${zh(n)}条 ${text}`, '');
    }
  }
  return out.join('\n');
}

const commentTexts = [
  '建议把时间写得更具体一些，便于大家遵守。',
  '这一条很好，支持。',
  '希望增加对老年人的关照内容。',
  '电动车充电的问题，建议社区统一建充电桩。',
  '停车位不够，划线停放需要物业配合。',
  '养犬的规定要写清楚大型犬怎么办。',
  '装修时间能否周末放宽一点？',
  '垃圾分类投放点太远，建议增加。',
  '高空抛物要加强宣传，装摄像头。',
  '这条表述有点笼统，建议举例说明。',
];
const topicTexts = ['同意加装，方便老人上下楼。', '低层住户的采光和噪音需要考虑。', '费用怎么分摊要先说清楚。', '建议先做一次全楼意见征询。', '希望尽快开工。', '担心施工期间影响出行。'];

/** Seed the covenant and the topic into the demo community (the first one). */
export async function seedCovenant(deps: AppDeps, opts: CovenantSeedOptions): Promise<CovenantSeedResult> {
  const started = performance.now();
  const raw = deps.handle.sqlite;
  try {
    const result = await deps.db.transaction().execute((trx) => seed(trx, deps, opts));
    // Statistics and (PostgreSQL) the visibility map, as autovacuum would have them on a live database.
    await (deps.handle.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(deps.db);
    result.seconds = Math.round((performance.now() - started) / 100) / 10;
    opts.log(`  covenant: ${result.comments} comments, ${result.stances} stances, ${result.answers} answers; ${result.pledges} pledges of ${result.households} households; topic: ${result.topicComments} comments — ${result.seconds} s`);
    return result;
  } finally {
    releaseStatements(raw);
  }
}

async function seed(trx: Db, deps: AppDeps, opts: CovenantSeedOptions): Promise<CovenantSeedResult> {
  const raw = deps.handle.sqlite;
  const rng = new Random('bench-covenant');
  const nowMs = deps.clock.now().getTime();
  const at = (daysAgo: number) => new Date(nowMs - daysAgo * DAY).toISOString();
  const day = (daysAgo: number) => at(daysAgo).slice(0, 10);
  const user = async (username: string) => (await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const [staffId, reviewerId, gridWorkerId, leaderId] = [await user('shuji'), await user('jiedao'), await user('wanggeyuan'), await user('loudongzhang')];
  const jumin = await user('jumin');
  const community = await trx
    .selectFrom('role_assignments as r')
    .innerJoin('places as p', 'p.id', 'r.place_id')
    .select(['p.id', 'p.path'])
    .where('r.user_id', '=', staffId)
    .executeTakeFirstOrThrow();

  // Resident accounts that take part: householders of active households (so some pledge online), linked as a
  // claimed account is (residents.user_id), with the resident role in the community like the demo's `jumin`.
  const households = await trx
    .selectFrom('households as h')
    .innerJoin('residents as r', 'r.id', 'h.householder_id')
    .select(['h.id', 'h.place_path', 'r.id as resident_id', 'r.name', 'r.user_id'])
    .where('h.community_id', '=', community.id)
    .where('h.status', '=', 'active')
    .where('r.status', '=', 'living')
    .orderBy('h.id')
    .execute();
  const linkable = rng.shuffled(households.filter((h) => h.user_id === null)).slice(0, opts.commenters);
  const now = at(0);
  const users = linkable.map((h) => ({ h, userId: idAt(nowMs - 200 * DAY + rng.int(0, 10 * DAY)) }));
  await insertMany(trx, 'users', users.map(({ h, userId }) => ({ id: userId, display_name: h.name, username: null, phone_cipher: null, phone_index: null, password_hash: null, status: 'active', elder_mode: 0, locale: 'zh-CN', created_at: now, updated_at: now })), raw);
  await insertMany(trx, 'role_assignments', users.map(({ userId }) => ({ id: idAt(nowMs - 200 * DAY), user_id: userId, role: 'resident', place_id: community.id, created_at: now })), raw);
  for (const { h, userId } of users) await trx.updateTable('residents').set({ user_id: userId }).where('id', '=', h.resident_id).execute();
  const accountOf = new Map(users.map(({ h, userId }) => [h.id, userId]));

  // The covenant, its phases (each dated, pledging open), the draft and the adopted version.
  const covenantId = idAt(nowMs - 150 * DAY);
  const phaseDays: Record<string, [number, number | null]> = {
    opinion_collection: [150, 130], drafting: [130, 110], consultation: [110, 80], revision: [80, 60], legality_review: [60, 50],
    vote: [50, 45], filing: [45, 40], publication: [40, 30], pledging: [30, null],
  };
  const versions = [
    { id: idAt(nowMs - 115 * DAY), number: 1, kind: 'draft', markdown: covenantMarkdown(false), changelog: null, createdAt: at(115) },
    { id: idAt(nowMs - 70 * DAY), number: 2, kind: 'final', markdown: covenantMarkdown(true), changelog: '根据征求意见修改了第三、十、十七、二十四条的表述。', createdAt: at(70) },
  ];
  const [draft, adopted] = versions as [(typeof versions)[0], (typeof versions)[0]];
  await insertMany(trx, 'covenants', [{ id: covenantId, community_id: community.id, title: '五福桥社区居民公约', phase: 'pledging', current_version_id: adopted.id, adopted_version_id: adopted.id, filed_on: day(42), filing_reference: '双桂街备〔2026〕12号', filed_by: reviewerId, published_at: at(30), published_by: staffId, created_by: staffId, created_at: at(150), updated_at: at(30) }], raw);
  await insertMany(trx, 'covenant_phases', covenantPhases.map((phase) => {
    const [from, to] = phaseDays[phase]!;
    return { covenant_id: covenantId, phase, planned_start_on: day(from), planned_end_on: to === null ? null : day(to), started_at: at(from), ended_at: to === null ? null : at(to), permissions: JSON.stringify(defaultCovenantPermissions[phase]) };
  }), raw);
  await insertMany(trx, 'covenant_versions', versions.map((v) => ({ id: v.id, covenant_id: covenantId, number: v.number, kind: v.kind, markdown: v.markdown, changelog: v.changelog, created_by: staffId, created_at: v.createdAt })), raw);
  const articlesOf = (v: (typeof versions)[0]) => {
    const parsed = parseCovenantMarkdown(v.markdown);
    if (isCovenantMarkdownFailure(parsed)) throw new Error(`the benchmark's covenant does not parse: ${parsed.error} at line ${parsed.line}`);
    return parsed.articles.map((a) => ({ id: idAt(Date.parse(v.createdAt)), covenant_id: covenantId, version_id: v.id, position: a.position, chapter_number: a.chapterNumber, chapter_title: a.chapterTitle, number: a.number, body: a.body }));
  };
  const draftArticles = articlesOf(draft);
  await insertMany(trx, 'covenant_articles', [...draftArticles, ...articlesOf(adopted)], raw);
  await insertMany(trx, 'covenant_opinions', Array.from({ length: 60 }, (_, i) => {
    const u = users[i % Math.max(1, users.length)];
    return { id: idAt(nowMs - (150 - i / 3) * DAY), covenant_id: covenantId, author_user_id: u?.userId ?? staffId, resident_id: u?.h.resident_id ?? null, organisation_id: null, author_name: u?.h.name ?? '沈材政', text: rng.pick(commentTexts), channel: 'online', handling: 'adopted', handling_reason: '已在草案中体现。', handled_by: staffId, handled_at: at(115), created_at: at(150 - i / 3) };
  }), raw);

  // Comments over the 30 days of consultation: most on an article (some articles far hotter than others), a few
  // on the whole text; most handled in the revision.
  const heat = draftArticles.map((a, i) => [a, 1 + ((i * 7) % 11) ** 1.5] as const);
  const hot = new Map<string, number>();
  const authors = users.length ? users : [{ h: households[0]!, userId: jumin }];
  const comments = Array.from({ length: opts.comments }, (_, i) => {
    const ms = nowMs - 110 * DAY + ((i + rng.next()) / opts.comments) * 30 * DAY;
    const article = rng.chance(0.9) ? rng.weighted(heat) : null;
    if (article) hot.set(article.id, (hot.get(article.id) ?? 0) + 1);
    const a = rng.pick(authors);
    const handled = rng.chance(0.8);
    return {
      id: idAt(ms), covenant_id: covenantId, version_id: draft.id, article_id: article?.id ?? null, author_user_id: a.userId, resident_id: a.h.resident_id, household_id: a.h.id, organisation_id: null,
      author_name: a.h.name, text: rng.pick(commentTexts), handling: handled ? rng.weighted([['adopted', 4], ['partly', 3], ['not', 3]] as const) : null, handling_reason: handled ? '经研究，已在修订稿中统筹考虑。' : null,
      handled_in_version_id: handled ? adopted.id : null, handled_by: handled ? staffId : null, handled_at: handled ? at(72) : null, created_at: new Date(ms).toISOString(),
    };
  });
  await insertMany(trx, 'covenant_comments', comments, raw);
  const stances = authors.flatMap((a) => draftArticles.filter(() => rng.chance(0.4)).map((art) => ({ article_id: art.id, user_id: a.userId, covenant_id: covenantId, version_id: draft.id, stance: rng.chance(0.8) ? 'support' : 'oppose', updated_at: at(rng.int(80, 110)) })));
  await insertMany(trx, 'covenant_stances', stances, raw);
  const questions = [
    { text: '电动自行车集中充电点设在哪里更合适？', options: ['各楼栋门口', '小区东门停车棚', '地下车库'], multiple: 0 },
    { text: '您希望公约的宣传方式有哪些？', options: ['楼道张贴', '微信群', '居民会议', '上门讲解'], multiple: 1 },
    { text: '装修作业时间定为几点到几点？', options: ['8:00–18:00', '8:30–12:00、14:00–18:00', '9:00–17:00'], multiple: 0 },
    { text: '是否增设文明养犬条款的监督员？', options: ['是', '否'], multiple: 0 },
  ].map((q, i) => ({ id: idAt(nowMs - (108 - i) * DAY), covenant_id: covenantId, version_id: draft.id, article_id: i === 0 ? draftArticles[15]!.id : null, text: q.text, options: JSON.stringify(q.options), multiple: q.multiple, created_by: staffId, created_at: at(108 - i) }));
  await insertMany(trx, 'covenant_questions', questions, raw);
  const answers = questions.flatMap((q) => {
    const n = (JSON.parse(q.options) as string[]).length;
    return authors.filter(() => rng.chance(0.6)).flatMap((a) => {
      const picked = q.multiple ? [...new Set([rng.int(0, n - 1), rng.int(0, n - 1)])] : [rng.int(0, n - 1)];
      return picked.map((o) => ({ question_id: q.id, user_id: a.userId, option_index: o, answered_at: at(rng.int(80, 105)) }));
    });
  });
  await insertMany(trx, 'covenant_answers', answers, raw);
  await insertMany(trx, 'covenant_reviews', [{ id: idAt(nowMs - 55 * DAY), covenant_id: covenantId, version_id: adopted.id, decision: 'approved', notes: null, reviewer_user_id: reviewerId, created_at: at(55) }], raw);
  await insertMany(trx, 'covenant_votes', [{ id: idAt(nowMs - 46 * DAY), covenant_id: covenantId, version_id: adopted.id, meeting_id: idAt(nowMs - 47 * DAY), motion_id: idAt(nowMs - 47 * DAY), meeting_kind: 'representative_assembly', result: 'adopted', eligible: 61, present: 52, women_present: 27, for_count: 49, against_count: 1, abstain_count: 2, decided_at: at(46) }], raw);

  // Pledges: each building gets its own reach (20–100%), then households are drawn by that weight (weighted
  // sampling without replacement), so coverage by building and grid varies as it does door to door.
  const buildings = await trx.selectFrom('places').select(['id', 'path']).where('community_id', '=', community.id).where('kind', '=', 'building').execute();
  const reach = new Map(buildings.map((b) => [b.id, 0.2 + 0.8 * rng.next()]));
  const buildingOf = (path: string) => path.split('/').find((seg) => reach.has(seg));
  const drawn = households
    .map((h) => ({ h, key: rng.next() ** (1 / (reach.get(buildingOf(h.place_path) ?? '') ?? 0.5)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, Math.min(opts.pledges, households.length))
    .map((x) => x.h);
  const recorders = [staffId, gridWorkerId, leaderId];
  const pledgeRow = (h: (typeof households)[0], daysAgo: number, revoked: boolean) => {
    const account = accountOf.get(h.id);
    const online = account !== undefined && !revoked;
    return {
      id: idAt(nowMs - daysAgo * DAY), covenant_id: covenantId, household_id: h.id, place_path: h.place_path, method: online ? 'online' : 'paper', signer_resident_id: h.resident_id, signer_name: h.name,
      signed_on: day(daysAgo), recorded_by: online ? account : rng.pick(recorders), photo_file_id: null, created_at: at(daysAgo),
      revoked_at: revoked ? at(daysAgo - 0.5) : null, revoked_by: revoked ? staffId : null, revoke_reason: revoked ? '户号登记错误，重新签署。' : null,
    };
  };
  // One in a hundred was first recorded by mistake and revoked, then signed again.
  const pledges = drawn.flatMap((h) => {
    const daysAgo = 1 + 29 * rng.next();
    return rng.chance(0.01) ? [pledgeRow(h, daysAgo + 1, true), pledgeRow(h, daysAgo, false)] : [pledgeRow(h, daysAgo, false)];
  });
  await insertMany(trx, 'covenant_pledges', pledges, raw);

  // The topic: in consultation, with as many comments (opinions with a side, questions, half of them answered).
  const topicId = idAt(nowMs - 20 * DAY);
  const proposer = authors[0]!;
  await insertMany(trx, 'topics', [{
    id: topicId, community_id: community.id, community_path: community.path, place_id: buildings[0]?.id ?? null, title: '老旧楼栋加装电梯', description: '五福苑多栋楼没有电梯，老人上下楼困难，建议协商加装电梯及费用分摊办法。', status: 'on_agenda', phase: 'consultation',
    permissions: JSON.stringify(defaultTopicPermissions), proposer_user_id: proposer.userId, proposer_name: proposer.h.name, proposer_kind: 'resident', proposer_organisation_id: null, consultation_ends_at: at(-10),
    decline_reason: null, decision_result: null, decision_text: null, decision_meeting_id: null, decision_motion_id: null, decision_meeting_ref: null, decision_for: null, decision_against: null, decision_abstain: null, decision_present: null, decided_at: null,
    report_back: null, report_back_published_at: null, created_at: at(20), updated_at: at(18),
  }], raw);
  await insertMany(trx, 'topic_events', [
    { id: idAt(nowMs - 20 * DAY), topic_id: topicId, kind: 'proposed', actor_user_id: proposer.userId, actor_name: proposer.h.name, note: null, data: '{}', at: at(20) },
    { id: idAt(nowMs - 18 * DAY), topic_id: topicId, kind: 'put_on_agenda', actor_user_id: staffId, actor_name: '沈材政', note: null, data: '{}', at: at(18) },
  ], raw);
  const topicComments = Array.from({ length: opts.comments }, (_, i) => {
    const ms = nowMs - 18 * DAY + ((i + rng.next()) / opts.comments) * 17 * DAY;
    const a = rng.pick(authors);
    const question = rng.chance(0.15);
    const answered = question && rng.chance(0.5);
    return {
      id: idAt(ms), topic_id: topicId, phase: 'consultation', kind: question ? 'question' : 'opinion', side: question ? null : rng.weighted([['support', 6], ['oppose', 2], ['neutral', 2]] as const),
      author_user_id: a.userId, author_name: a.h.name, text: question ? '费用分摊按什么标准？' : rng.pick(topicTexts), answer: answered ? '按楼层系数分摊，具体方案将在会上讨论。' : null,
      answered_by: answered ? staffId : null, answered_at: answered ? new Date(ms + DAY / 2).toISOString() : null, created_at: new Date(ms).toISOString(),
    };
  });
  await insertMany(trx, 'topic_comments', topicComments, raw);

  const newestFirst = comments.map((c) => c.id).sort((a, b) => (a < b ? 1 : -1));
  const hotArticleId = [...hot].sort((a, b) => b[1] - a[1])[0]?.[0] ?? draftArticles[0]!.id;
  const result = {
    communityId: community.id,
    covenantId,
    draftVersionId: draft.id,
    adoptedVersionId: adopted.id,
    hotArticleId,
    deepBefore: newestFirst[Math.floor(newestFirst.length * 0.9)] ?? newestFirst[0] ?? idAt(nowMs),
    topicId,
    households: households.length,
    pledges: drawn.length,
    comments: comments.length,
    topicComments: topicComments.length,
    stances: stances.length,
    answers: answers.length,
    seconds: 0,
  };
  return result;
}
