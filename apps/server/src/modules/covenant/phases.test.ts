import { describe, expect, it } from 'vitest';
import type { CovenantRow } from './covenant.repository.js';
import { advanceTargets, nextPhase, unmetCondition } from './phases.js';

const row = (extra: Partial<CovenantRow>): CovenantRow => ({
  id: 'c1',
  community_id: 'a',
  community_path: '/sd/a/',
  community_name: '甲社区',
  title: '公约',
  phase: 'opinion_collection',
  current_version_id: null,
  adopted_version_id: null,
  filed_on: null,
  filing_reference: null,
  filed_by: null,
  published_at: null,
  published_by: null,
  created_by: 'u',
  created_at: '2026-11-25T08:00:00.000Z',
  updated_at: '2026-11-25T08:00:00.000Z',
  ...extra,
});
const none = { lastReview: undefined, lastVote: undefined };

describe('covenant phase rules', () => {
  it('moves only to the next phase', () => {
    expect(nextPhase('opinion_collection')).toBe('drafting');
    expect(nextPhase('pledging')).toBeNull();
    expect(unmetCondition(row({}), 'consultation', none)).toBe('order');
    expect(unmetCondition(row({}), 'drafting', none)).toBeNull();
  });

  it('checks what each step needs', () => {
    expect(unmetCondition(row({ phase: 'drafting' }), 'consultation', none)).toBe('version');
    expect(unmetCondition(row({ phase: 'drafting', current_version_id: 'v1' }), 'consultation', none)).toBeNull();
    const inReview = row({ phase: 'legality_review', current_version_id: 'v2' });
    expect(unmetCondition(inReview, 'vote', { ...none, lastReview: { version_id: 'v1', decision: 'approved' } })).toBe('approval');
    expect(unmetCondition(inReview, 'vote', { ...none, lastReview: { version_id: 'v2', decision: 'returned' } })).toBe('approval');
    expect(unmetCondition(inReview, 'vote', { ...none, lastReview: { version_id: 'v2', decision: 'approved' } })).toBeNull();
    expect(unmetCondition(row({ phase: 'vote' }), 'filing', none)).toBe('adoption');
    expect(unmetCondition(row({ phase: 'filing' }), 'publication', none)).toBe('filing');
    expect(unmetCondition(row({ phase: 'publication' }), 'pledging', none)).toBe('publication');
  });

  it('lets a rejected vote go back to revision, and nothing else', () => {
    const voting = row({ phase: 'vote', current_version_id: 'v2' });
    expect(advanceTargets(voting, { ...none, lastVote: { result: 'rejected' } })).toEqual(['revision']);
    expect(advanceTargets(voting, { ...none, lastVote: { result: 'no_quorum' } })).toEqual([]);
    expect(unmetCondition(row({ phase: 'consultation' }), 'revision', none)).toBeNull();
  });
});
