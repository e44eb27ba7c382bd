import nodemailer from 'nodemailer';
import type { Config } from '../../../config.js';
import { DeliveryError, type OutgoingMessage } from './http.js';

/** Mail through the configured SMTP server. Without one, the message cannot go and says so (not retried). */
export async function sendEmail(smtp: Config['smtp'], to: string, m: OutgoingMessage): Promise<void> {
  if (!smtp) throw new DeliveryError('smtp not configured', 'park');
  const transport = nodemailer.createTransport({ url: smtp.url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 });
  const text = m.link ? `${m.body}\n\n${m.link}` : m.body;
  try {
    await transport.sendMail({ from: smtp.from, to, subject: m.subject, text });
  } catch (e) {
    // SMTP replies name the problem ("550 mailbox unavailable") and never carry the login.
    const reply = (e as { response?: unknown; code?: unknown }).response ?? (e as { code?: unknown }).code;
    throw new DeliveryError(`smtp error${typeof reply === 'string' ? `: ${reply.slice(0, 200)}` : ''}`);
  } finally {
    transport.close();
  }
}
