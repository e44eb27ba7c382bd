import { z } from 'zod';

/**
 * Domain events other modules consume (see apps/server/src/lib/events.ts). Each type has one payload schema;
 * a consumer parses with it, so a change to a payload is a change here that both sides see.
 */
export const exemplaryHouseholdNominated = z.object({
  nominationId: z.string(),
  covenantId: z.string(),
  covenantTitle: z.string(),
  householdId: z.string(),
  /** The dwelling's address as the register shows it, for an honour roll. */
  address: z.string(),
  householderName: z.string().nullable(),
  reason: z.string(),
  nominatedBy: z.string(),
});
export type ExemplaryHouseholdNominated = z.infer<typeof exemplaryHouseholdNominated>;

export const domainEventPayloads = {
  'covenant.exemplary_household_nominated': exemplaryHouseholdNominated,
} as const;
export type DomainEventType = keyof typeof domainEventPayloads;
export type DomainEventPayload<T extends DomainEventType> = z.infer<(typeof domainEventPayloads)[T]>;
