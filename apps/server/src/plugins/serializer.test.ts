import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditEntryView, meResponse, placeTreeNode } from '@gongzhi/shared';
import { responseSerializerCompiler } from './serializer.js';

const compile = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as (data: unknown) => string;

describe('response serialiser', () => {
  it('lets only declared fields leave', () => {
    const out = compile(z.object({ id: z.string(), name: z.string() }))({ id: 'a', name: '甲', passwordHash: 'secret' });
    expect(JSON.parse(out)).toEqual({ id: 'a', name: '甲' });
  });

  it('keeps nulls, nested roles and booleans of /me exactly', () => {
    const me = {
      id: 'u1',
      displayName: '刘奶奶',
      username: null,
      phoneMasked: '138****5678',
      roles: [{ id: 'r1', role: 'resident', placeId: 'p1', placeName: '五福桥社区', placeKind: 'community', communityId: null, extra: 1 }],
      preferences: { elderMode: false, locale: 'zh-CN' },
      csrfToken: 't',
      onBehalfOf: null,
    };
    const { extra: _e, ...role } = me.roles[0]!;
    expect(JSON.parse(compile(meResponse)(me))).toEqual({ ...me, roles: [role] });
  });

  it('serialises the recursive tree and free-form audit payloads', () => {
    const leaf = { id: 'b', kind: 'grid', name: '网格', parentId: 'a', communityId: 'a', retiredAt: null, createdAt: 't', updatedAt: 't', counts: {}, childCount: 0, children: [] };
    const root = { ...leaf, id: 'a', kind: 'community', parentId: null, counts: { grid: 1 }, childCount: 1, children: [leaf] };
    expect(JSON.parse(compile(placeTreeNode)(root))).toEqual(root);
    const entry = { id: 'e', at: 't', actorUserId: null, actorName: null, onBehalfOfUserId: null, action: 'x', targetType: 'place', targetId: null, communityId: null, before: null, after: { name: '甲', n: [1, { a: true }] }, requestId: null };
    expect(JSON.parse(compile(auditEntryView)(entry))).toEqual(entry);
  });
});
