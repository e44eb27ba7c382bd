import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { RequestsTable } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { requestRow as wholeRow } from '../../test/request-row.js';
import type { T } from '../notifications/test-api.js';

/** A request row written straight to the table (for list limits and privacy checks), with overrides. */
export function requestRow(t: T, n: number, extra: Partial<RequestsTable> = {}): RequestsTable {
  const at = t.clock.now().toISOString();
  const base = { id: newId(), number: `GZ-2025-${String(n).padStart(6, '0')}`, community_id: t.world.a.id, place_path: '/' };
  return wholeRow({ ...base, title: '楼道灯坏了', text: '楼道灯坏了，请尽快修理', tokens: '楼道 灯 坏 修理', created_at: at }, { channel: 'phone', ...extra });
}

/** Parse XML back, insisting it is well-formed; single items stay arrays. */
export function parseXml(xml: string, arrays: string[] = []) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return new XMLParser({ isArray: (name) => arrays.includes(name), parseTagValue: false }).parse(xml) as Record<string, unknown>;
}
