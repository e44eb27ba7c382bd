import type { PersonalDataVault } from '../../../lib/personal-data.js';

/** A sealed ID number or phone as an export shows it: in full when revealed, masked otherwise. */
export function shown(vault: PersonalDataVault, sealed: string | null, reveal: boolean, mask: (plain: string) => string | null): string | null {
  if (!sealed) return null;
  const plain = vault.decrypt(sealed);
  return reveal ? plain : mask(plain);
}
