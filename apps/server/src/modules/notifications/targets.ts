import { emailSchema, type EndpointKind } from '@gongzhi/shared';
import { AppError } from '../../lib/app-error.js';

/** Hosts a plain-http endpoint may point at: this machine only, so tests and local relays can receive. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The endpoint's destination, checked for its kind: a mail address, or an https URL (http only to this machine). */
export function checkTarget(kind: EndpointKind, target: string): string {
  const bad = () => new AppError('endpoint_invalid', 400, { field: 'target' });
  if (kind === 'email') {
    const r = emailSchema.safeParse(target);
    if (!r.success) throw bad();
    return r.data;
  }
  let u: URL;
  try {
    u = new URL(target);
  } catch {
    throw bad();
  }
  const ok = u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
  if (!ok || u.username || u.password) throw bad();
  return u.toString();
}

/** `wang@example.org` → `w***@example.org`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Scheme and host, then only the last four characters: robot and webhook URLs carry their token. */
export function maskTarget(kind: EndpointKind, target: string): string {
  if (kind === 'email') return maskEmail(target);
  try {
    const u = new URL(target);
    return `${u.protocol}//${u.host}/…${target.slice(-4)}`;
  } catch {
    return '***';
  }
}

/** The parts of a URL that may be credentials: every query value and any long path segment (tokens). */
function credentialParts(target: string): string[] {
  try {
    const u = new URL(target);
    return [...u.searchParams.values(), ...u.pathname.split('/').filter((p) => p.length >= 16)];
  } catch {
    return [];
  }
}

/**
 * Remove any trace of the destination and secret from a message that will be stored or shown: a receiver's
 * error text may echo its own URL or key back.
 */
export function scrub(message: string, secrets: (string | null | undefined)[]): string {
  let out = message;
  const all = secrets.flatMap((s) => (s ? [s, ...credentialParts(s)] : [])).sort((a, b) => b.length - a.length);
  for (const s of all) if (s.length >= 4) out = out.split(s).join('***');
  return out.slice(0, 500);
}
