import { z } from 'zod';
import { idSchema, nameSchema } from './common.js';
import type { Label } from './registers.js';
import { freeText } from './requests.js';
import { momentSchema, visitPageQuery } from './visit-fields.js';

/** Consultation meetings (恳谈会, 交流会, 坝坝会): attendees, opinions, and opinions that became requests. */

export const meetingKinds = ['heart_to_heart', 'exchange', 'courtyard'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, Label> = {
  heart_to_heart: { zh: '恳谈会', en: 'Heart-to-heart meeting' },
  exchange: { zh: '交流会', en: 'Exchange meeting' },
  courtyard: { zh: '坝坝会', en: 'Courtyard meeting' },
};

/** From the register (`residentId`) or by name, with a unit or an organisation of the community. */
export const meetingAttendeeInput = z.object({
  residentId: idSchema.optional(),
  organisationId: idSchema.optional(),
  name: nameSchema.pipe(z.string().max(60)).optional(),
  unit: freeText(1, 100).optional(),
});
export const meetingOpinionInput = z.object({
  residentId: idSchema.optional(),
  speakerName: nameSchema.pipe(z.string().max(60)).optional(),
  text: freeText(2, 2000),
});
export type MeetingOpinionInput = z.infer<typeof meetingOpinionInput>;

export const createMeetingBody = z.object({
  kind: z.enum(meetingKinds),
  title: freeText(2, 120),
  heldAt: momentSchema,
  /** The community, or a grid, estate or building of it. */
  placeId: idSchema,
  location: freeText(1, 200).optional(),
  hostUserId: idSchema.optional(),
  summary: freeText(1, 4000).optional(),
  attendees: z.array(meetingAttendeeInput).max(500).default([]),
  opinions: z.array(meetingOpinionInput).max(200).default([]),
});
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

/** `attendees`, when given, replaces the list. Opinions are added one by one. */
export const updateMeetingBody = z.object({
  kind: z.enum(meetingKinds).optional(),
  title: freeText(2, 120).optional(),
  heldAt: momentSchema.optional(),
  location: freeText(1, 200).nullable().optional(),
  hostUserId: idSchema.nullable().optional(),
  summary: freeText(1, 4000).nullable().optional(),
  attendees: z.array(meetingAttendeeInput).max(500).optional(),
});
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;

export const listMeetingsQuery = z.object({
  kind: z.enum(meetingKinds).optional(),
  placeId: idSchema.optional(),
  from: momentSchema.optional(),
  to: momentSchema.optional(),
  ...visitPageQuery,
});
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuery>;

export const meetingAttendeeView = z.object({
  id: z.string(),
  residentId: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
});
export const meetingOpinionView = z.object({
  id: z.string(),
  residentId: z.string().nullable(),
  speakerName: z.string().nullable(),
  text: z.string(),
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  createdAt: z.string(),
});
export const meetingSummary = z.object({
  id: z.string(),
  communityId: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  heldAt: z.string(),
  placeId: z.string().nullable(),
  placeLabel: z.string(),
  location: z.string().nullable(),
  hostUserId: z.string().nullable(),
  hostName: z.string().nullable(),
  summary: z.string().nullable(),
  attendeeCount: z.number(),
  opinionCount: z.number(),
  convertedCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;
export const meetingDetail = meetingSummary.extend({
  attendees: z.array(meetingAttendeeView),
  opinions: z.array(meetingOpinionView),
  can: z.object({ edit: z.boolean(), convert: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;
export const meetingListResponse = z.object({ items: z.array(meetingSummary), total: z.number() });
export const meetingOpinionParams = z.object({ id: idSchema, opinionId: idSchema });
