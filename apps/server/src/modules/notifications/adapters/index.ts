import type { EndpointKind } from '@gongzhi/shared';
import type { AppDeps } from '../../../deps.js';
import { sendDingtalk } from './dingtalk.js';
import { sendEmail } from './email.js';
import type { OutgoingMessage } from './http.js';
import { sendWebhook } from './webhook.js';
import { sendWecom } from './wecom.js';

export { DeliveryError, DELIVERY_TIMEOUT_MS, type OutgoingMessage } from './http.js';
export { dingtalkSign, signedDingtalkUrl } from './dingtalk.js';

/** Where one message goes, decrypted just before sending and never stored in the clear. */
export interface Destination {
  kind: EndpointKind;
  /** A URL, or a mail address for `email`. */
  target: string;
  secret: string | null;
}

/** Send one message with the adapter for its kind; throws DeliveryError when it did not go. */
export async function sendTo(deps: Pick<AppDeps, 'config' | 'clock'>, dest: Destination, m: OutgoingMessage, timeoutMs?: number): Promise<void> {
  switch (dest.kind) {
    case 'email':
      return sendEmail(deps.config.smtp, dest.target, m);
    case 'webhook':
      return sendWebhook(dest.target, m, timeoutMs);
    case 'wecom':
      return sendWecom(dest.target, m, timeoutMs);
    case 'dingtalk':
      return sendDingtalk(dest.target, dest.secret, m, deps.clock.now(), timeoutMs);
  }
}
