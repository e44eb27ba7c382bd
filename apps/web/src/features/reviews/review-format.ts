import { membershipRoleLabels, reviewLevelLabels, type MembershipRole, type ReviewLevel, type ReviewSubjectKind, type ReviewSubjectView } from '@gongzhi/shared';
import { useLabel } from '../../i18n/labels.js';

/** Words and colours of review results, shared by the console and the portal (so no component library here). */

/** Green, gold, red: the three levels in every table, chart and tag. */
export const levelColour: Record<ReviewLevel, string> = { good: '#389e0d', fair: '#d48806', poor: '#cf1322' };

const isPost = (p: string): p is MembershipRole => Object.hasOwn(membershipRoleLabels, p);

/** A subject's post (主任, 委员 …) for members; nothing for services. */
export function usePostLabel() {
  const label = useLabel();
  return (s: Pick<ReviewSubjectView, 'post'>) => (s.post && isPost(s.post) ? label(membershipRoleLabels[s.post]) : (s.post ?? ''));
}

/** The level's words for the subject's kind: 称职… for a member, 满意… for a service. */
export function useLevelLabel() {
  const label = useLabel();
  return (kind: ReviewSubjectKind, level: ReviewLevel) => label(reviewLevelLabels[kind][level]);
}

/** Per mille as a percentage with one decimal (333 → 33.3%). */
export const percent = (perMille: number): string => `${(perMille / 10).toFixed(1)}%`;
