import { Tag } from 'antd';
import {
  commentHandlingLabels,
  covenantPhaseLabels,
  covenantPhases,
  type CommentHandling,
  type CovenantPhase,
  type CovenantView,
} from '@gongzhi/shared';
import i18n from '../../i18n/index.js';
import { useLabel } from '../../i18n/labels.js';
import { chineseNumber } from '../my-covenant/covenant-format.js';

const phaseColor: Record<CovenantPhase, string> = {
  opinion_collection: 'blue',
  drafting: 'geekblue',
  consultation: 'cyan',
  revision: 'purple',
  legality_review: 'orange',
  vote: 'gold',
  filing: 'lime',
  publication: 'green',
  pledging: 'red',
};

/** 征集意见, 起草草案 … 签字承诺. */
export function PhaseTag({ phase }: { phase: CovenantPhase }) {
  const label = useLabel();
  return <Tag color={phaseColor[phase]}>{label(covenantPhaseLabels[phase])}</Tag>;
}

const handlingColor: Record<CommentHandling, string> = { adopted: 'success', partly: 'processing', not: 'default' };

/** 已采纳 / 部分采纳 / 未采纳, or nothing yet. */
export function HandlingTag({ handling, pending }: { handling: CommentHandling | null; pending: string }) {
  const label = useLabel();
  if (!handling) return <Tag color="warning">{pending}</Tag>;
  return <Tag color={handlingColor[handling]}>{label(commentHandlingLabels[handling])}</Tag>;
}

/** The phase after `phase`, or null after the last one. */
export function nextPhase(phase: CovenantPhase): CovenantPhase | null {
  const i = covenantPhases.indexOf(phase);
  return covenantPhases[i + 1] ?? null;
}

/** Why a precondition keeps the covenant from moving on (an i18n key under covenant.advance.why), or null. */
export type BlockReason = 'notManager' | 'needVersion' | 'needApproval' | 'needVote' | 'needFiling' | 'needPublication' | 'last' | 'server';

/**
 * Why the next phase cannot be started now. The server decides (`can.advanceTo`); this only names the reason
 * the rules in covenant-api.md give, so the disabled button can say it instead of staying silent.
 */
export function advanceBlock(c: CovenantView): BlockReason | null {
  const next = nextPhase(c.phase);
  if (!next) return 'last';
  if (c.can.advanceTo.includes(next)) return null;
  if (!c.can.manage) return 'notManager';
  switch (c.phase) {
    case 'drafting':
      return c.versions.length === 0 ? 'needVersion' : 'server';
    case 'legality_review':
      return 'needApproval';
    case 'vote':
      return 'needVote';
    case 'filing':
      return 'needFiling';
    case 'publication':
      return 'needPublication';
    default:
      return 'server';
  }
}

/** `YYYY-MM-DD` of an ISO moment in the browser's calendar, or a dash. */
export function dayOf(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A planned span `2026-01-01 – 2026-01-31`, one end or a dash. */
export function span(from: string | null, to: string | null): string {
  if (!from && !to) return '—';
  return `${from ?? '…'} – ${to ?? '…'}`;
}

/** Words the law forbids in a covenant (no penalties); a soft check in the editor only. */
const penaltyWords = /罚款|罚金|罚则|penalt|\bfine[sd]?\b/i;
export const mentionsPenalty = (text: string): boolean => penaltyWords.test(text);

/**
 * A thin inline bar for a count out of a maximum (support, oppose, comments on an article, a question's option);
 * the number stays readable next to it, the bar only helps the eye compare rows.
 */
export function CountBar({ value, max, color, label }: { value: number; max: number; color: string; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="gz-cov-bar" role="img" aria-label={`${label} ${value}`} title={`${label} ${value}`}>
      <span className="gz-cov-bar-label">{label}</span>
      <span className="gz-cov-bar-track">
        <span className="gz-cov-bar-fill" style={{ width: `${pct}%`, background: color }} />
      </span>
      <span className="gz-cov-bar-value">{value}</span>
    </span>
  );
}

/** What every tab of the detail page gets: the covenant, a way to put a fresh answer in place, and a reload. */
export interface CovenantTabProps {
  c: CovenantView;
  onSaved: (c: CovenantView) => void;
  reload: () => void;
}

/** An article or chapter number as the text writes it: 第十二条 in Chinese, 12 in English. */
export const numeral = (n: number): string => (i18n.language === 'en-US' ? String(n) : chineseNumber(n));
