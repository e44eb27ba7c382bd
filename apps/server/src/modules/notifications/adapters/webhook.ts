import { postJson, type OutgoingMessage } from './http.js';

/** A generic webhook: one JSON POST `{event, subject, body, link, at}`; any 2xx is a delivery. */
export async function sendWebhook(url: string, m: OutgoingMessage, timeoutMs?: number): Promise<void> {
  await postJson(url, { event: m.event, subject: m.subject, body: m.body, link: m.link, at: m.at }, { robot: false, timeoutMs });
}
