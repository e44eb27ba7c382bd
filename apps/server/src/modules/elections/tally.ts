import { electionPosts, type BallotChoice, type ElectionPost, type ElectionTally } from '@gongzhi/shared';

/**
 * Counting, in integers only. Quorum: more than half of the registered voting units voted (2·voted > registered).
 * A candidate is elected with more than half of the ballots cast (2·votes > cast), by post, up to its seats, in
 * order of votes. A tie at the last seat leaves the tied seats unfilled; unfilled seats (or no quorum) need a
 * further round, which is recorded, not run.
 */
export interface TallyInput {
  registered: number;
  voted: number;
  seats: Record<ElectionPost, number>;
  candidates: { id: string; post: ElectionPost; name: string }[];
  ballots: { valid: boolean; choices: BallotChoice[] }[];
}

export function countBallots(input: TallyInput): ElectionTally {
  const cast = input.ballots.length;
  const valid = input.ballots.filter((b) => b.valid);
  const quorumMet = 2 * input.voted > input.registered;
  const posts = electionPosts
    .filter((post) => input.seats[post] > 0)
    .map((post) => {
      const seats = input.seats[post];
      const votes = new Map<string, { candidateId: string | null; name: string; votes: number; writeIn: boolean }>();
      for (const c of input.candidates.filter((c) => c.post === post)) votes.set(`c:${c.id}`, { candidateId: c.id, name: c.name, votes: 0, writeIn: false });
      for (const b of valid) {
        const choice = b.choices.find((c) => c.post === post);
        if (!choice) continue;
        for (const id of choice.candidateIds) {
          const entry = votes.get(`c:${id}`);
          if (entry) entry.votes++;
        }
        for (const name of choice.writeIns) {
          const key = `w:${name}`;
          const entry = votes.get(key) ?? { candidateId: null, name, votes: 0, writeIn: true };
          entry.votes++;
          votes.set(key, entry);
        }
      }
      const ranked = [...votes.values()].sort((a, b) => b.votes - a.votes || Number(a.writeIn) - Number(b.writeIn) || a.name.localeCompare(b.name, 'zh-CN'));
      const majority = ranked.filter((r) => quorumMet && 2 * r.votes > cast);
      let elected = majority.slice(0, seats);
      // A tie across the last seat: none of the tied is elected; the seat goes to a further round.
      const boundary = majority[seats];
      const tie = boundary !== undefined && elected.length === seats && elected[seats - 1]!.votes === boundary.votes;
      if (tie) elected = elected.filter((r) => r.votes > boundary.votes);
      const chosen = new Set(elected);
      return {
        post,
        seats,
        candidates: ranked.map((r) => ({ ...r, elected: chosen.has(r) })),
        elected: elected.length,
        unfilled: seats - elected.length,
        tie,
      };
    });
  return {
    registered: input.registered,
    voted: input.voted,
    ballotsCast: cast,
    valid: valid.length,
    invalid: cast - valid.length,
    turnoutBp: input.registered === 0 ? 0 : Math.floor((input.voted * 10_000) / input.registered),
    quorumMet,
    posts,
    furtherRoundNeeded: !quorumMet || posts.some((p) => p.unfilled > 0),
  };
}
