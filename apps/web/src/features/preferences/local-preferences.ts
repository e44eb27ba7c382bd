import type { Preferences } from '../session/session-api.js';

const ELDER_KEY = 'gz.elderMode';
const PENDING_KEY = 'gz.prefs.pending';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Elder mode as last chosen on this device. */
export const storedElderMode = (): boolean => read(ELDER_KEY) === 'true';
export const storeElderMode = (on: boolean): void => write(ELDER_KEY, String(on));

/**
 * Choices made while logged out wait here and are saved to the account at the next login, so the language
 * or elder mode picked on the login page sticks. Without them, the account's own preferences win.
 */
export function addPendingPreferences(p: Preferences): void {
  write(PENDING_KEY, JSON.stringify({ ...takePendingPreferences(), ...p }));
}

export function takePendingPreferences(): Preferences | null {
  const raw = read(PENDING_KEY);
  write(PENDING_KEY, null);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Preferences;
    return p.elderMode !== undefined || p.locale !== undefined ? p : null;
  } catch {
    return null;
  }
}
