import { PDFDocument } from 'pdf-lib';
import { ballots, deliberationMeetingKindLabels, motionResultLabels, type DeliberationMeetingDetail } from '@gongzhi/shared';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { PdfLayout } from '../analysis/pdf-layout.js';
import { DEFAULT_REPORT_FONT, embedReportFont, readReportFont } from '../analysis/report-font.js';
import { managedMeeting } from './meetings.access.js';
import { detailView } from './meetings.views.js';

/**
 * The minutes as a Chinese PDF for the archive: the meeting's facts, attendance (eligible, present, women),
 * the agenda, who spoke and how often, each motion with its ballot, counts and result, and the recorder's
 * summary and decisions. Built from the same view the chair's screen shows, so the two never disagree.
 */

const localTime = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');
const ballotLabel: Record<(typeof ballots)[number], string> = { named: '记名表决', secret: '无记名投票' };
const basisLabel = { households: '以户为单位（户代表）', members: '全体成年居民', posts: '按职务与单位' } as const;

export interface MinutesFile {
  fileName: string;
  asciiName: string;
  bytes: Uint8Array;
}

export function minutesDocument(v: DeliberationMeetingDetail, layout: PdfLayout): void {
  const kind = deliberationMeetingKindLabels[v.kind].zh;
  layout.text(`${v.communityName}${kind}会议纪要`, { size: 18 });
  layout.text(v.title, { size: 13 });
  layout.gap(6);
  layout.table(
    [
      { title: '项目', width: 1 },
      { title: '内容', width: 4 },
    ],
    [
      ['会议类型', kind],
      ['会议时间', localTime(v.startsAt)],
      ['会议地点', v.location],
      ['主持人', v.chairName],
      ['记录人', v.recorderName ?? '—'],
      ['参会范围', basisLabel[v.basis]],
      ['开会 / 散会', `${localTime(v.openedAt)} / ${localTime(v.closedAt)}`],
    ],
  );
  const a = v.attendance;
  layout.heading('出席情况');
  layout.figures([
    { label: '应到', value: String(a.eligible) },
    { label: '实到', value: String(a.present) },
    { label: '其中女性', value: String(a.womenPresent) },
    { label: '列席', value: String(a.guestsPresent) },
    { label: '法定人数（过半数）', value: String(a.quorumNeeded) },
    { label: '是否达到法定人数', value: a.quorumMet ? '已达到' : '未达到', alert: !a.quorumMet },
  ]);
  layout.text(`表决规则：到会人数须超过应到人数的 ${a.quorum.num}/${a.quorum.den}；决定须经到会人员 ${a.majority.num}/${a.majority.den} 以上同意。`, { size: 9 });

  layout.heading('会议议程');
  if (v.agenda.length === 0) layout.text('（无）');
  for (const item of v.agenda) layout.text(`${item.position}. ${item.title}`);

  layout.heading('发言情况');
  const spoken = v.speeches.filter((s) => s.startedAt);
  if (spoken.length === 0) layout.text('（无发言）');
  else
    layout.table(
      [
        { title: '发言人', width: 2 },
        { title: '第几次', width: 1, align: 'right' },
        { title: '开始', width: 2 },
        { title: '结束', width: 2 },
      ],
      spoken.map((s) => [s.speakerName, `第 ${s.turn ?? 1} 次`, localTime(s.startedAt), localTime(s.endedAt)]),
    );

  layout.heading('表决事项');
  if (v.motions.length === 0) layout.text('（无表决事项）');
  for (const m of v.motions) {
    layout.text(`动议 ${m.position}：${m.text}`, { size: 11 });
    if (m.subjectTitle) layout.text(`表决对象：${m.subjectTitle}`, { size: 9, indent: 12 });
    const result = m.result ? motionResultLabels[m.result].zh : '表决中';
    layout.text(
      `${ballotLabel[m.ballot]}；应到 ${m.eligible ?? '—'} 人，实到 ${m.present ?? '—'} 人（女性 ${m.womenPresent ?? '—'} 人）；赞成 ${m.forCount ?? '—'} 票，反对 ${m.againstCount ?? '—'} 票，弃权 ${m.abstainCount ?? '—'} 票；结果：${result}。`,
      { size: 10, indent: 12 },
    );
  }

  layout.heading('会议纪要');
  layout.text(v.minutesSummary ?? '（未填写）');
  layout.heading('会议决定');
  layout.text(v.minutesDecisions ?? '（未填写）');
  layout.gap(24);
  layout.text(`主持人签字：____________        记录人签字：____________`, { size: 10 });
}

export async function minutesPdf(deps: AppDeps, actor: Actor, id: string, opts: { fontPath?: string } = {}): Promise<MinutesFile> {
  const m = await managedMeeting(deps, actor, id, ['in_session', 'closed']);
  const fontBytes = await readReportFont(opts.fontPath ?? DEFAULT_REPORT_FONT);
  const view = await detailView(deps.db, m, true);
  const doc = await PDFDocument.create();
  doc.setTitle(`${view.title} 会议纪要`);
  doc.setCreator('Gongzhi 共治');
  doc.setCreationDate(deps.clock.now());
  const layout = new PdfLayout(doc, await embedReportFont(doc, fontBytes));
  minutesDocument(view, layout);
  layout.numberPages((n, total) => `第 ${n} 页 / 共 ${total} 页`);
  const day = localTime(view.startsAt).slice(0, 10);
  return { fileName: `${day} ${view.title} 会议纪要.pdf`, asciiName: `minutes-${day}.pdf`, bytes: await doc.save() };
}
