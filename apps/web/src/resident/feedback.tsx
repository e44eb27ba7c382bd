import { useCallback, useState } from 'react';
import { Button, Toast } from 'antd-mobile';
import { useElderMode } from './elder-mode.js';

export interface Notice {
  kind: 'success' | 'error' | 'info';
  text: string;
}

/**
 * Tell the person something happened. In elder mode nothing pops up: the message stays on the page
 * (render `<InlineNotice>`); otherwise a short toast.
 */
export function useFeedback() {
  const elder = useElderMode();
  const [notice, setNotice] = useState<Notice | null>(null);
  const show = useCallback(
    /** `elderNow` tells the mode just chosen, before the context has caught up. */
    (kind: Notice['kind'], text: string, elderNow: boolean = elder.on) => {
      if (elderNow) setNotice({ kind, text });
      else {
        setNotice(null);
        Toast.show({ content: text, icon: kind === 'info' ? undefined : kind === 'success' ? 'success' : 'fail' });
      }
    },
    [elder.on],
  );
  const clear = useCallback(() => setNotice(null), []);
  return { notice, show, clear };
}

/** A message kept on the page; errors are announced at once, the rest politely. */
export function InlineNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <div className={`gz-notice gz-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </div>
  );
}

/** A form's error, always inline. */
export function FormError({ text }: { text: string | null }) {
  return text ? (
    <div className="gz-notice gz-notice-error" role="alert">
      {text}
    </div>
  ) : null;
}

/** The foot of every resident form: its error, inline, above one large submit button. */
export function SubmitFooter({ error, busy, label }: { error: string | null; busy: boolean; label: string }) {
  return (
    <>
      <FormError text={error} />
      <Button block type="submit" color="primary" size="large" loading={busy}>
        {label}
      </Button>
    </>
  );
}
