import {
  findPersonalData,
  maskPersonalData,
  maskPersonName,
  type DisclosureCategory,
  type DisclosureChannel,
  type PublicationCommentKind,
  type PublicationCommentView,
  type PublicationDetail,
  type PublicationKind,
  type PublicationStatus,
  type PublicPublication,
} from '@gongzhi/shared';
import type { PublicationCommentsTable } from '../../db/disclosure-tables.js';
import type { Actor } from '../../lib/actor.js';
import { canEditAt } from './disclosure.policy.js';
import type { PublicationRow } from './publications.repository.js';

/** Turning publication rows into what the console and the public read. */

/** The fields every view shares. */
export function baseView(p: PublicationRow) {
  return {
    id: p.id,
    communityId: p.community_id,
    communityName: p.community_name,
    kind: p.kind as PublicationKind,
    category: p.category as DisclosureCategory | null,
    title: p.title,
    itemId: p.item_id,
    itemTitle: p.item_title,
    period: p.period,
    channels: JSON.parse(p.channels) as DisclosureChannel[],
    status: p.status as PublicationStatus,
    publishedAt: p.published_at,
    archivedAt: p.archived_at,
    textSha256: p.text_sha256,
    objectionEndsAt: p.objection_ends_at,
    noticeClosedAt: p.notice_closed_at,
    supersededById: p.superseded_by_id,
  };
}

/** Whether the objection period runs at `now`. */
export const objectionOpen = (p: PublicationRow, now: Date): boolean =>
  p.kind === 'public_notice' &&
  p.status === 'published' &&
  p.notice_closed_at === null &&
  p.objection_starts_at !== null &&
  p.objection_ends_at !== null &&
  now.toISOString() >= p.objection_starts_at &&
  now.toISOString() < p.objection_ends_at;

/** Whether staff may close the notice now (objections answered is checked when they try, with its own error). */
const closable = (p: PublicationRow, now: Date): boolean =>
  p.kind === 'public_notice' && (p.status === 'published' || p.status === 'archived') && p.notice_closed_at === null && p.objection_ends_at !== null && now.toISOString() >= p.objection_ends_at;

function commentView(c: PublicationCommentsTable, actor: Actor, masked: boolean): PublicationCommentView {
  const mine = actor.userId !== null && c.author_user_id === actor.userId;
  return {
    id: c.id,
    kind: c.kind as PublicationCommentKind,
    authorName: masked ? maskPersonName(c.author_name) : c.author_name,
    mine,
    text: masked ? maskPersonalData(c.text) : c.text,
    answer: c.answer === null ? null : masked ? maskPersonalData(c.answer) : c.answer,
    answeredAt: c.answered_at,
    createdAt: c.created_at,
  };
}

export function detailView(actor: Actor, p: PublicationRow, comments: PublicationCommentsTable[], now: Date): PublicationDetail {
  const edit = canEditAt(actor, p.community_path);
  const out = p.status === 'published' || p.status === 'archived';
  return {
    ...baseView(p),
    body: p.body,
    authorUserId: p.author_user_id,
    authorName: p.author_name,
    submittedAt: p.submitted_at,
    returnNote: p.return_note,
    approverName: p.approver_name,
    approvedAt: p.approved_at,
    objectionDays: Number(p.objection_days),
    objectionStartsAt: p.objection_starts_at,
    noticeOutcome: p.notice_outcome,
    supersedesId: p.supersedes_id,
    personalData: out ? [] : [...findPersonalData(p.title), ...findPersonalData(p.body)],
    comments: comments.map((c) => commentView(c, actor, false)),
    can: {
      edit: edit && p.status === 'draft',
      submit: edit && p.status === 'draft',
      approve: edit && p.status === 'submitted' && p.author_user_id !== actor.userId,
      publish: edit && p.status === 'approved',
      archive: edit && p.status === 'published' && !objectionOpen(p, now),
      closeNotice: edit && closable(p, now),
      answer: edit && out,
      correct: edit && out && p.superseded_by_id === null,
    },
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** The public page: names masked, personal data in objections, questions and answers masked. */
export function publicView(actor: Actor, p: PublicationRow, comments: PublicationCommentsTable[], titles: Map<string, string>, now: Date): PublicPublication {
  return {
    ...baseView(p),
    body: p.body,
    objectionStartsAt: p.objection_starts_at,
    objectionOpen: objectionOpen(p, now),
    noticeOutcome: p.notice_outcome,
    supersedesId: p.supersedes_id,
    supersedesTitle: p.supersedes_id ? (titles.get(p.supersedes_id) ?? null) : null,
    supersededByTitle: p.superseded_by_id ? (titles.get(p.superseded_by_id) ?? null) : null,
    comments: comments.map((c) => commentView(c, actor, true)),
  };
}
