import { requestStatusLabels, stepActionLabels } from '@gongzhi/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import { useLabel } from '../../i18n/labels.js';
import type { RequestDetail } from './my-requests-api.js';
import { PhotoStrip } from './photo-strip.js';

type Step = RequestDetail['steps'][number];

/**
 * The steps as a vertical timeline, oldest first, the latest marked. A step that moved the request says
 * where it now stands in the plain words residents read (the status's `resident` line); the others say what
 * was done. The server leaves staff-only steps out for residents.
 */
export function RequestTimeline({ steps, labelledBy, replyText }: { steps: Step[]; labelledBy: string; replyText: string | null }) {
  const label = useLabel();
  const { t } = useTranslation();
  const ordered = [...steps].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <ol className="gz-timeline" aria-labelledby={labelledBy}>
      {ordered.map((s, i) => {
        const moved = s.toStatus && s.toStatus !== s.fromStatus;
        const title = moved && s.toStatus ? label(requestStatusLabels[s.toStatus].resident) : label(stepActionLabels[s.action]);
        const last = i === ordered.length - 1;
        // The answer has its own card above; saying it twice makes a long page longer.
        const message = s.action === 'replied' && s.message === replyText ? null : s.message;
        return (
          <li key={s.id} className={last ? 'gz-timeline-now' : undefined} aria-current={last ? 'step' : undefined}>
            <span className="gz-timeline-dot" aria-hidden />
            <div className="gz-timeline-title">{title}</div>
            {message && <div className="gz-timeline-message">{message}</div>}
            <PhotoStrip photos={s.photos} />
            <div className="gz-timeline-meta">
              {formatDateTime(s.createdAt)}
              {s.actorName ? ` · ${t('myRequests.detail.by', { name: s.actorName })}` : ''}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
