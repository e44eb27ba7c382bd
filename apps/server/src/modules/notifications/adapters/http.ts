/** What a delivery adapter sends: the outbox row's words, with the link made absolute. */
export interface OutgoingMessage {
  event: string;
  subject: string;
  body: string;
  link: string | null;
  /** When the change happened (the row's creation time). */
  at: string;
}

/**
 * A failed delivery and what to do next: `retry` on the backoff schedule (the receiver may recover), `park`
 * (failed, not retried: no mail server is configured), or `give_up` (dead: nowhere to send it). Messages never
 * carry the target URL, its token or a secret.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly next: 'retry' | 'park' | 'give_up' = 'retry',
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Every outgoing call gives up after this long, so one dead receiver cannot hold the delivery loop. */
export const DELIVERY_TIMEOUT_MS = 5_000;

function networkReason(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'timed out';
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `network error ${cause.code}` : 'network error';
}

/**
 * POST a JSON document. A non-2xx answer fails; with `robot`, so does a JSON answer whose `errcode` is not 0
 * (WeCom and DingTalk answer HTTP 200 with an error code).
 */
export async function postJson(url: string, payload: unknown, opts: { robot: boolean; timeoutMs?: number }): Promise<void> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload),
      // A redirect could lead a robot URL anywhere (even plain http); a receiver that moved must be re-entered.
      redirect: 'error',
      signal: AbortSignal.timeout(opts.timeoutMs ?? DELIVERY_TIMEOUT_MS),
    });
    text = await res.text();
  } catch (e) {
    throw new DeliveryError(networkReason(e));
  }
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status}`);
  if (!opts.robot) return;
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new DeliveryError('unexpected answer (not JSON)');
  }
  if (answer.errcode !== 0) {
    const msg = typeof answer.errmsg === 'string' ? answer.errmsg.slice(0, 200) : '';
    throw new DeliveryError(`errcode ${String(answer.errcode)}${msg ? `: ${msg}` : ''}`);
  }
}

/** A message as Markdown for the group robots: the subject as `title`, the body, and a link when there is one. */
export function markdown(m: OutgoingMessage, title: (subject: string) => string): string {
  const lines = [title(m.subject), '', m.body];
  if (m.link) lines.push('', `[查看详情](${m.link})`);
  return lines.join('\n');
}
