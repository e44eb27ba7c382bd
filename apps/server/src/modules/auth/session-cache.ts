import type { Actor } from '../../lib/actor.js';

/** How long a resolved session is reused without asking the database. */
export const SESSION_CACHE_MS = 10_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  actor: Actor;
  /** Reuse until this time (ms), and never past the session's own expiry. */
  until: number;
}

/**
 * Resolved sessions, kept for a few seconds so that an ordinary page load does not repeat the same three
 * queries for every API call. This process drops an entry the moment anything behind it changes (logout,
 * password, roles, preferences, acting on behalf, a disabled account, a moved place); another app server sees
 * such a change within SESSION_CACHE_MS.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  get(sessionId: string, nowMs: number): Actor | null {
    const e = this.entries.get(sessionId);
    if (!e) return null;
    if (e.until <= nowMs) {
      this.entries.delete(sessionId);
      return null;
    }
    return e.actor;
  }

  set(sessionId: string, actor: Actor, nowMs: number, sessionExpiresMs: number): void {
    if (this.entries.size >= MAX_ENTRIES) {
      // Drop the oldest insertion; a Map iterates in insertion order.
      const first = this.entries.keys().next();
      if (!first.done) this.entries.delete(first.value);
    }
    this.entries.set(sessionId, { actor, until: Math.min(nowMs + SESSION_CACHE_MS, sessionExpiresMs) });
  }

  forgetSession(sessionId: string | null): void {
    if (sessionId) this.entries.delete(sessionId);
  }

  /** Forget every session of a user (their roles, status or password changed). */
  forgetUser(userId: string): void {
    for (const [id, e] of this.entries) if (e.actor.userId === userId) this.entries.delete(id);
  }

  /** Forget everything (a place was moved or renamed: scopes and names may have changed). */
  clear(): void {
    this.entries.clear();
  }
}
