import type { TransferKind } from '@gongzhi/shared';
import { householdsKind } from './households.js';
import { organisationsKind } from './organisations.js';
import { partyMembersKind } from './party-members.js';
import { placesKind } from './places.js';
import { residentsKind } from './residents.js';
import type { KindDefinition } from './types.js';

/** Every register that moves in and out as .xlsx, one definition each. */
export const kinds: Record<TransferKind, KindDefinition> = {
  places: placesKind,
  households: householdsKind,
  residents: residentsKind,
  party_members: partyMembersKind,
  organisations: organisationsKind,
};
