import { describe, expect, it } from 'vitest';
import type { BallotChoice } from '@gongzhi/shared';
import { countBallots, type TallyInput } from './tally.js';

// Pure counting rules (no database): quorum, majority, seats and ties, in integers.
const candidates: TallyInput['candidates'] = [
  { id: 'a', post: 'chair', name: '甲' },
  { id: 'b', post: 'chair', name: '乙' },
  { id: 'c', post: 'member', name: '丙' },
  { id: 'd', post: 'member', name: '丁' },
  { id: 'e', post: 'member', name: '戊' },
];
const ballot = (chair: string[], member: string[] = [], writeIns: string[] = []): { valid: boolean; choices: BallotChoice[] } => ({
  valid: true,
  choices: [
    { post: 'chair', candidateIds: chair, writeIns: [] },
    { post: 'member', candidateIds: member, writeIns },
  ],
});
const input = (over: Partial<TallyInput>): TallyInput => ({ registered: 10, voted: 6, seats: { chair: 1, vice_chair: 0, member: 2 }, candidates, ballots: [], ...over });

describe('counting an election', () => {
  it('needs more than half of the voting units: exactly half is no quorum', () => {
    const ballots = Array.from({ length: 5 }, () => ballot(['a']));
    const half = countBallots(input({ registered: 10, voted: 5, ballots }));
    expect(half).toMatchObject({ quorumMet: false, furtherRoundNeeded: true, turnoutBp: 5000 });
    expect(half.posts[0]!.elected).toBe(0);
    const more = countBallots(input({ registered: 10, voted: 6, ballots: [...ballots, ballot(['b'])] }));
    expect(more).toMatchObject({ quorumMet: true, turnoutBp: 6000, ballotsCast: 6 });
    expect(more.posts[0]!.candidates.find((c) => c.candidateId === 'a')).toMatchObject({ votes: 5, elected: true });
  });

  it('elects with more than half of the ballots cast (invalid ones included): exactly half is not enough', () => {
    const ballots = [ballot(['a']), ballot(['a']), ballot(['a']), ballot(['b']), ballot(['b']), { valid: false, choices: [] }];
    const r = countBallots(input({ registered: 8, voted: 6, ballots }));
    expect(r).toMatchObject({ ballotsCast: 6, valid: 5, invalid: 1 });
    expect(r.posts[0]).toMatchObject({ post: 'chair', elected: 0, unfilled: 1, tie: false });
    expect(r.furtherRoundNeeded).toBe(true);
    const four = countBallots(input({ registered: 8, voted: 6, ballots: [...ballots.slice(0, 5), ballot(['a'])] }));
    expect(four.posts[0]).toMatchObject({ elected: 1, unfilled: 0 });
  });

  it('fills seats by votes, reports a tie across the last seat as unfilled, and counts write-ins', () => {
    // Member, 7 ballots: 丙 5, 丁 4, 戊 4: 丙 elected; 丁 and 戊 tie for the second seat, each with a majority.
    const ballots = [ballot(['a'], ['c', 'd']), ballot(['a'], ['c', 'e']), ballot(['a'], ['c', 'd']), ballot(['a'], ['c', 'e']), ballot(['a'], ['c'], ['己']), ballot(['a'], ['d', 'e']), ballot(['a'], ['d', 'e'])];
    const r = countBallots(input({ registered: 8, voted: 7, ballots }));
    const member = r.posts.find((p) => p.post === 'member')!;
    expect(member).toMatchObject({ elected: 1, unfilled: 1, tie: true });
    expect(member.candidates.map((c) => [c.name, c.votes, c.elected])).toEqual([
      ['丙', 5, true],
      ['丁', 4, false],
      ['戊', 4, false],
      ['己', 1, false],
    ]);
    expect(member.candidates.find((c) => c.name === '己')!.writeIn).toBe(true);
    expect(r.furtherRoundNeeded).toBe(true);
    expect(r.posts.map((p) => p.post)).toEqual(['chair', 'member']);
  });
});
