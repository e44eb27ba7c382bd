import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Insertable } from 'kysely';
import { expect } from 'vitest';
import type { RequestsTable } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import type { T } from '../notifications/test-api.js';

/** A request row written straight to the table (for list limits and privacy checks), with overrides. */
export function requestRow(t: T, n: number, extra: Partial<Insertable<RequestsTable>> = {}): Insertable<RequestsTable> {
  const at = t.clock.now().toISOString();
  return {
    id: newId(),
    number: `GZ-2025-${String(n).padStart(6, '0')}`,
    community_id: t.world.a.id,
    place_id: null,
    place_path: '/',
    grid_id: null,
    household_id: null,
    resident_id: null,
    submitted_by: null,
    entered_by: null,
    contact_name: null,
    phone_cipher: null,
    phone_index: null,
    phone_tail: null,
    kind: 'help',
    channel: 'phone',
    urgency: 'general',
    title: '楼道灯坏了',
    text: '楼道灯坏了，请尽快修理',
    tokens: '楼道 灯 坏 修理',
    anonymous: 0,
    address_text: null,
    lat: null,
    lng: null,
    category_id: null,
    category_confidence: null,
    category_source: null,
    model_id: null,
    status: 'received',
    merged_into_id: null,
    self_resolved: 0,
    dispatch_due_at: at,
    reply_due_at: at,
    dispatched_at: null,
    responded_at: null,
    replied_at: null,
    rated_at: null,
    closed_at: null,
    reply_text: null,
    rating: null,
    resolved: null,
    rating_comment: null,
    objection_count: 0,
    escalation_level: 0,
    reminded_at: null,
    open311_client_id: null,
    created_at: at,
    updated_at: at,
    ...extra,
  };
}

/** Parse XML back, insisting it is well-formed; single items stay arrays. */
export function parseXml(xml: string, arrays: string[] = []) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return new XMLParser({ isArray: (name) => arrays.includes(name), parseTagValue: false }).parse(xml) as Record<string, unknown>;
}
