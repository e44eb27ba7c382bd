import { createHmac } from 'node:crypto';
import { markdown, postJson, type OutgoingMessage } from './http.js';

/** DingTalk's signature for a robot with "加签": base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)). */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with `timestamp` and `sign` added when the robot has a secret (timestamp in milliseconds). */
export function signedDingtalkUrl(url: string, secret: string | null, now: Date): string {
  if (!secret) return url;
  const u = new URL(url);
  const timestamp = now.getTime();
  // URLSearchParams percent-encodes the base64 (+, /, =) as DingTalk requires.
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return u.toString();
}

/** A DingTalk (钉钉) group robot: Markdown with a title (shown in the chat list) and the text. */
export async function sendDingtalk(url: string, secret: string | null, m: OutgoingMessage, now: Date, timeoutMs?: number): Promise<void> {
  const payload = { msgtype: 'markdown', markdown: { title: m.subject, text: markdown(m, (s) => `### ${s}`) } };
  await postJson(signedDingtalkUrl(url, secret, now), payload, { robot: true, timeoutMs });
}
