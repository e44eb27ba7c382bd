import { markdown, postJson, type OutgoingMessage } from './http.js';

/** A WeCom (企业微信) group robot: the webhook URL carries the key; the message is Markdown. */
export async function sendWecom(url: string, m: OutgoingMessage, timeoutMs?: number): Promise<void> {
  await postJson(url, { msgtype: 'markdown', markdown: { content: markdown(m, (s) => `**${s}**`) } }, { robot: true, timeoutMs });
}
