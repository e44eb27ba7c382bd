import { commentHandlingLabels, type CommentHandling } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';

/** 已采纳 / 部分采纳 / 未采纳, or 待处理 while nobody has answered it yet; always in words, not colour alone. */
export function HandlingTag({ handling }: { handling: CommentHandling | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <span className={`gz-handling gz-handling-${handling ?? 'open'}`}>{handling ? label(commentHandlingLabels[handling]) : t('myCovenant.handling.open')}</span>
  );
}

/** How my comment or opinion was handled, with the reason the community gave. */
export function HandlingLine({
  handling,
  reason,
  versionNumber,
}: {
  handling: CommentHandling | null;
  reason: string | null;
  versionNumber?: number | null;
}) {
  const { t } = useTranslation();
  if (!handling) return <p className="gz-muted">{t('myCovenant.handling.waiting')}</p>;
  return (
    <div className="gz-handling-reply">
      {reason && <p>{t('myCovenant.handling.reason', { reason })}</p>}
      {versionNumber != null && <p className="gz-muted">{t('myCovenant.handling.inVersion', { number: versionNumber })}</p>}
    </div>
  );
}

export interface CommentLike {
  id: string;
  authorName: string;
  mine: boolean;
  text: string;
  createdAt: string;
  handling: CommentHandling | null;
  handlingReason: string | null;
  handledInVersionNumber?: number | null;
  /** What it is about (第三条), when the list mixes articles. */
  about?: string | null;
}

/** One comment or opinion: who (masked by the server unless it is mine), when, the text and its handling. */
export function CommentItem({ c }: { c: CommentLike }) {
  const { t } = useTranslation();
  return (
    <li className={`gz-comment${c.mine ? ' gz-comment-mine' : ''}`}>
      <div className="gz-comment-head">
        <span className="gz-comment-author">{c.mine ? t('myCovenant.comments.me') : c.authorName}</span>
        <HandlingTag handling={c.handling} />
      </div>
      {c.about && <p className="gz-muted">{c.about}</p>}
      <p className="gz-comment-text">{c.text}</p>
      <p className="gz-muted">{formatDateTime(c.createdAt)}</p>
      {(c.mine || c.handling) && <HandlingLine handling={c.handling} reason={c.handlingReason} versionNumber={c.handledInVersionNumber} />}
    </li>
  );
}
