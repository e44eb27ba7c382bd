import { z } from 'zod';
import type { Label } from './registers.js';
import { idSchema, nameSchema } from './common.js';
import { requestKinds } from './requests.js';

/** Notifications (in-app inbox, mail, group robots, webhooks) and the Open311 integration's keys and documents. */

/** Staff events a community endpoint can subscribe to. Residents' status messages are in-app only. */
export const notificationEvents = ['request_submitted', 'request_assigned', 'request_due', 'request_overdue', 'request_escalated', 'callback_due'] as const;
export type NotificationEvent = (typeof notificationEvents)[number];
export const notificationEventLabels: Record<NotificationEvent, Label> = {
  request_submitted: { zh: '新诉求', en: 'New request' },
  request_assigned: { zh: '派单给我', en: 'Assigned to me' },
  request_due: { zh: '即将到期', en: 'Due soon' },
  request_overdue: { zh: '已超时', en: 'Overdue' },
  request_escalated: { zh: '督办', en: 'Escalated' },
  callback_due: { zh: '回访到期', en: 'Callback due' },
};

/** Where a community's staff alerts go. */
export const endpointKinds = ['email', 'webhook', 'wecom', 'dingtalk'] as const;
export type EndpointKind = (typeof endpointKinds)[number];
export const endpointKindLabels: Record<EndpointKind, Label> = {
  email: { zh: '邮件', en: 'Email' },
  webhook: { zh: 'Webhook', en: 'Webhook' },
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
  dingtalk: { zh: '钉钉群机器人', en: 'DingTalk group robot' },
};
export const notificationChannels = ['in_app', ...endpointKinds] as const;
export const deliveryStatuses = ['pending', 'sent', 'failed', 'dead'] as const;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const notificationView = z.object({
  id: z.string(),
  event: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;
export const listNotificationsQuery = z.object({
  unread: flag.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export const notificationListResponse = z.object({ items: z.array(notificationView), total: z.number(), unread: z.number() });
export type NotificationListResponse = z.infer<typeof notificationListResponse>;
export const readAllResponse = z.object({ updated: z.number() });

export const emailSchema = z.string().trim().max(200).pipe(z.email());
export const notificationPreferencesView = z.object({
  /** e.g. `w***@example.org`; the full address is never sent back. */
  emailMasked: z.string().nullable(),
  emailEnabled: z.boolean(),
});
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesView>;
/** `email` omitted keeps the stored address; null removes it (and switches mail off). */
export const updateNotificationPreferencesBody = z.object({ email: emailSchema.nullable().optional(), emailEnabled: z.boolean() });

/** A robot or webhook URL (https; http only to this machine, for local receivers) or, for `email`, an address. */
export const endpointTarget = z.string().trim().min(3).max(1000);
export const endpointSecret = z.string().trim().min(1).max(200);
export const notificationEndpointView = z.object({
  id: z.string(),
  communityId: z.string(),
  kind: z.enum(endpointKinds),
  name: z.string(),
  /** Scheme and host (or the mail domain) with the rest hidden: robot URLs carry their access token. */
  targetMasked: z.string(),
  hasSecret: z.boolean(),
  events: z.array(z.enum(notificationEvents)),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NotificationEndpointView = z.infer<typeof notificationEndpointView>;
const endpointEvents = z.array(z.enum(notificationEvents)).min(1).max(notificationEvents.length);
export const createNotificationEndpointBody = z.object({
  communityId: idSchema,
  kind: z.enum(endpointKinds),
  name: nameSchema.pipe(z.string().max(60)),
  target: endpointTarget,
  /** DingTalk's signing secret (SEC…); ignored by the other kinds. */
  secret: endpointSecret.nullable().optional(),
  events: endpointEvents,
  active: z.boolean().default(true),
});
/** The kind stays; `secret: null` removes it, omitted keeps it. */
export const updateNotificationEndpointBody = z.object({
  name: nameSchema.pipe(z.string().max(60)).optional(),
  target: endpointTarget.optional(),
  secret: endpointSecret.nullable().optional(),
  events: endpointEvents.optional(),
  active: z.boolean().optional(),
});
export const listEndpointsQuery = z.object({ communityId: idSchema.optional() });
export const endpointTestResult = z.object({ ok: z.boolean(), error: z.string().nullable() });

/** An Open311 integration. The key itself is shown once, when it is made. */
export const open311ClientView = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Open311ClientView = z.infer<typeof open311ClientView>;
export const createOpen311ClientBody = z.object({ communityId: idSchema, name: nameSchema.pipe(z.string().max(60)) });
export const createdOpen311Client = open311ClientView.extend({ apiKey: z.string() });
export const listOpen311ClientsQuery = z.object({ communityId: idSchema.optional() });

/** Open311 GeoReport v2 documents (the spec's field names). */
export const open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const open311AttributeValue = z.object({ key: z.string(), name: z.string() });
export const open311Attribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number(),
  description: z.string(),
  values: z.array(open311AttributeValue),
});
export const open311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(open311Attribute) });
export const open311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().nullable(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311Request = z.infer<typeof open311Request>;
export const open311Created = z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() });
export const open311Error = z.object({ code: z.number(), description: z.string() });
/** The kinds offered as the `kind` attribute of every service. */
export const open311KindValues = requestKinds;

const optText = (max: number) => z.string().trim().max(max).optional();
const commaList = (max: number) => z.string().trim().max(max).optional();
/** `jurisdiction_id` is the community's id; an installation serves many communities. */
export const open311JurisdictionQuery = z.object({ jurisdiction_id: idSchema.optional() });
/** GET requests: `service_request_id` (comma list) overrides the other filters; dates are ISO 8601 (W3C). */
export const open311ListQuery = open311JurisdictionQuery.extend({
  service_request_id: commaList(2000),
  service_code: commaList(500),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: commaList(20),
});
/**
 * POST requests, form-encoded or JSON, with the spec's parameter names. `attribute` holds `attribute[CODE]`
 * values. Names, phone, email and device ids are taken as given and never shown back.
 */
export const open311PostBody = z.object({
  api_key: optText(200),
  jurisdiction_id: idSchema.optional(),
  service_code: z.string().trim().min(1).max(60),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: optText(500),
  address_id: idSchema.optional(),
  email: optText(200),
  device_id: optText(200),
  account_id: optText(200),
  first_name: optText(50),
  last_name: optText(50),
  phone: optText(30),
  description: optText(4000),
  media_url: optText(1000),
  attribute: z.record(z.string().max(60), z.string().max(200)).optional(),
});
export type Open311PostBody = z.infer<typeof open311PostBody>;
