import { z } from 'zod';
import { deliberationMeetingKindLabels, deliberationMeetingKinds, periodLabel, requestStatuses, requestStatusLabels, type Label, type Locale } from '@gongzhi/shared';

/**
 * Every notification's words, in zh-CN and en-US. The outbox stores a template key and its parameters, and the
 * text is made here when it is read (in-app, in the reader's language) or sent (mail in the recipient's
 * language, group robots in Chinese). Parameters carry only facts and what people wrote (a request's title, a
 * reply): that text is framed, never translated.
 */

/** What a message says in one language. */
export interface Rendered {
  subject: string;
  body: string;
}

/** The language used where a message has no single reader (group robots, webhooks), and for stored text. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const say = (l: Label, locale: Locale): string => (locale === 'en-US' ? l.en : l.zh);

/** A request named by its number, with its title as the resident wrote it. */
const requestRef = z.object({ number: z.string().max(40), title: z.string().max(2000) });
/** A resident's request moved to `status`; `message` is what the handler wrote to them (a reply), if anything. */
const statusChange = z.object({ number: z.string().max(40), status: z.enum(requestStatuses), message: z.string().max(2000).nullable() });

/** A formal meeting's notice (居民会议 and the like): its kind, title, time (ISO) and place. */
const meetingNotice = z.object({ kind: z.enum(deliberationMeetingKinds), title: z.string().max(200), startsAt: z.string().max(40), location: z.string().max(200) });

/** A disclosure catalogue item whose period (`2026-Q3`) is due on `dueOn` (China date). */
const disclosureDue = z.object({ title: z.string().max(200), period: z.string().max(10), dueOn: z.string().max(10) });

/** A topic's proposer learns it was put on the agenda, or declined with the reason staff gave. */
const topicOutcome = z.object({ title: z.string().max(200), outcome: z.enum(['on_agenda', 'declined']), reason: z.string().max(1000).nullable() });

/** Openness work waiting on someone or answered to them: what happened, the subject's title, and a note (a reason, a resident's words). */
export const opennessAlertKinds = ['publication_submitted', 'publication_returned', 'publication_objection', 'publication_question', 'expense_pending', 'expense_rejected'] as const;
const opennessAlert = z.object({ what: z.enum(opennessAlertKinds), title: z.string().max(200), note: z.string().max(1000).nullable() });
const opennessHeadings: Record<(typeof opennessAlertKinds)[number], Label> = {
  publication_submitted: { zh: '公开信息待审核', en: 'Publication awaiting approval' },
  publication_returned: { zh: '公开信息被退回修改', en: 'Publication returned to you' },
  publication_objection: { zh: '公示收到异议', en: 'An objection to a public notice' },
  publication_question: { zh: '公开信息收到提问', en: 'A question on a publication' },
  expense_pending: { zh: '支出待审核', en: 'Expense awaiting approval' },
  expense_rejected: { zh: '支出未获通过', en: 'Expense not approved' },
};

/** The parameters of each template. */
interface ParamMap {
  topic_outcome: z.infer<typeof topicOutcome>;
  request_status: z.infer<typeof statusChange>;
  request_submitted: z.infer<typeof requestRef>;
  request_assigned: z.infer<typeof requestRef>;
  request_objection: z.infer<typeof requestRef>;
  request_returned: z.infer<typeof requestRef>;
  request_due: z.infer<typeof requestRef>;
  request_overdue: z.infer<typeof requestRef>;
  request_escalated: z.infer<typeof requestRef>;
  callback_due: z.infer<typeof requestRef>;
  meeting_notice: z.infer<typeof meetingNotice>;
  disclosure_due: z.infer<typeof disclosureDue>;
  disclosure_overdue: z.infer<typeof disclosureDue>;
  openness_alert: z.infer<typeof opennessAlert>;
}
export type TemplateName = keyof ParamMap;

interface Template<P> {
  /** Checks stored parameters: a row that does not fit shows its stored text instead. */
  params: z.ZodType<P>;
  render: (p: P, locale: Locale) => Rendered;
}

/** A staff alert: what happened, the request's number, and its title as the body. */
const staffAlert = (heading: Label): Template<z.infer<typeof requestRef>> => ({
  params: requestRef,
  render: (p, locale) => ({ subject: `${say(heading, locale)}${locale === 'en-US' ? ': ' : '：'}${p.number}`, body: p.title }),
});

const templates: { [K in TemplateName]: Template<ParamMap[K]> } = {
  request_status: {
    params: statusChange,
    render: (p, locale) => {
      const label = requestStatusLabels[p.status];
      const line = say(label.resident, locale);
      return locale === 'en-US'
        ? { subject: `Your request ${p.number}: ${label.en}`, body: p.message ? `${line}. ${p.message}` : line }
        : { subject: `您的诉求 ${p.number}：${label.zh}`, body: p.message ? `${line}。${p.message}` : line };
    },
  },
  request_submitted: staffAlert({ zh: '新诉求', en: 'New request' }),
  request_assigned: staffAlert({ zh: '新派单', en: 'New assignment' }),
  request_objection: staffAlert({ zh: '居民有异议，请重新办理', en: 'The resident disputes the answer; please handle it again' }),
  request_returned: staffAlert({ zh: '诉求被退回', en: 'Request returned' }),
  request_due: staffAlert({ zh: '诉求即将到期', en: 'Request due soon' }),
  request_overdue: staffAlert({ zh: '诉求已超时', en: 'Request overdue' }),
  request_escalated: staffAlert({ zh: '超时诉求督办', en: 'Overdue request escalated' }),
  callback_due: staffAlert({ zh: '回访到期', en: 'Callback due' }),
  disclosure_due: {
    params: disclosureDue,
    render: (p, locale) =>
      locale === 'en-US'
        ? { subject: `Disclosure due: ${p.title}`, body: `${periodLabel(p.period, locale)}, due by ${p.dueOn}` }
        : { subject: `公开事项即将到期：${p.title}`, body: `${periodLabel(p.period)}，请于${p.dueOn}前发布` },
  },
  disclosure_overdue: {
    params: disclosureDue,
    render: (p, locale) =>
      locale === 'en-US'
        ? { subject: `Disclosure overdue: ${p.title}`, body: `${periodLabel(p.period, locale)} was due by ${p.dueOn}` }
        : { subject: `公开事项已逾期：${p.title}`, body: `${periodLabel(p.period)}，应于${p.dueOn}前发布` },
  },
  openness_alert: {
    params: opennessAlert,
    render: (p, locale) => ({ subject: `${say(opennessHeadings[p.what], locale)}${locale === 'en-US' ? ': ' : '：'}${p.title}`, body: p.note ?? '' }),
  },
  topic_outcome: {
    params: topicOutcome,
    render: (p, locale) => {
      if (p.outcome === 'on_agenda') {
        return locale === 'en-US'
          ? { subject: `Your topic is on the agenda: ${p.title}`, body: 'Residents can now give their views on it.' }
          : { subject: `您提出的议题已列入议程：${p.title}`, body: '居民现在可以就此发表意见。' };
      }
      return locale === 'en-US'
        ? { subject: `Your topic was not put on the agenda: ${p.title}`, body: p.reason ?? '' }
        : { subject: `您提出的议题未列入议程：${p.title}`, body: p.reason ? `理由：${p.reason}` : '' };
    },
  },
  meeting_notice: {
    params: meetingNotice,
    render: (p, locale) => {
      // Meetings are held in China: the time is said in China Standard Time whatever the reader's language.
      const when = new Date(new Date(p.startsAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
      const kind = say(deliberationMeetingKindLabels[p.kind], locale);
      return locale === 'en-US'
        ? { subject: `Meeting notice: ${p.title}`, body: `${kind}, ${when} (Beijing time), ${p.location}` }
        : { subject: `会议通知：${p.title}`, body: `${kind}，${when}，地点：${p.location}` };
    },
  },
};
const templateNames = Object.keys(templates) as TemplateName[];

/** A message as its template and parameters, typed together. */
export type NoticeContent = { [K in TemplateName]: { template: K; params: ParamMap[K] } }[TemplateName];

/** The staff alerts, for callers that pick one by name. */
export type StaffAlert = Exclude<TemplateName, 'request_status' | 'meeting_notice' | 'topic_outcome' | 'disclosure_due' | 'disclosure_overdue' | 'openness_alert'>;

/** Put a message into words in `locale`. */
export function render<K extends TemplateName>(c: { template: K; params: ParamMap[K] }, locale: Locale): Rendered {
  return templates[c.template].render(c.params, locale);
}

function renderChecked<K extends TemplateName>(name: K, raw: unknown, locale: Locale): Rendered | null {
  const t = templates[name];
  const p = t.params.safeParse(raw);
  return p.success ? t.render(p.data, locale) : null;
}

/** What an outbox row carries: its template and parameters (if any), and the text stored when it was written. */
export interface StoredMessage {
  template: string | null;
  params_json: string | null;
  subject: string;
  body: string;
}

/**
 * A stored message in `locale`. Rows without a template (written before templates), or whose template is gone
 * or parameters do not fit, show the text stored with them.
 */
export function renderStored(row: StoredMessage, locale: Locale): Rendered {
  const stored = { subject: row.subject, body: row.body };
  const name = templateNames.find((n) => n === row.template);
  if (!name || row.params_json === null) return stored;
  try {
    return renderChecked(name, JSON.parse(row.params_json), locale) ?? stored;
  } catch {
    return stored;
  }
}

/** A saved preference as a locale; anything unknown is the default. */
export const asLocale = (s: string | null | undefined): Locale => (s === 'en-US' ? 'en-US' : DEFAULT_LOCALE);
