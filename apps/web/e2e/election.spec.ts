import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectionTally } from '@gongzhi/shared';
import { send } from './covenant-resident-steps.js';
import { consoleAs, expectShown, staffApi } from './covenant-steps.js';
import { electionWorld, nameOf } from './election-steps.js';
import { dialects, getJson, loginResident, phone, startHarness, type Harness } from './harness.js';

/**
 * An election with 30 voters (ten households of three adults) voting by household: the representative of the
 * first household votes online on a phone, another member of that household is told the household has voted,
 * the polling station hands out paper ballots (one by written proxy), tellers enter them in the console, the
 * result is published, the public tally adds up, and the secret ballot holds.
 */

// Long enough for steps 1–3 on a loaded CI machine (about 25 s on a quiet one); the spec waits out the rest.
const VOTING_SECONDS = 75;

describe.each(dialects)('an election with 30 voters, one vote per household and a secret ballot (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('votes by household online and on paper, counts, publishes, and keeps ballots apart from voters', { timeout: 900_000 }, async () => {
    const w = await electionWorld(h, VOTING_SECONDS);
    const id = w.electionId;
    const chair = nameOf(0, 0);
    const [m1, m2] = [nameOf(2, 1), nameOf(3, 1)];

    // 1. The first household's representative votes on a phone, with an inline review before casting.
    const rep = await h.newPage(phone);
    await loginResident(rep, 'xj-rep');
    await rep.getByRole('link', { name: /居民公约/ }).waitFor({ timeout: 60_000 });
    await rep.getByRole('link', { name: /换届选举/ }).first().click();
    await rep.getByRole('link', { name: /选举示范社区第一届居民委员会选举/ }).click();
    await expectShown(rep, rep.getByText('您是本户的户代表'));
    const ballot = rep.getByRole('region', { name: '选票' });
    await ballot.getByText(chair, { exact: true }).click();
    await ballot.getByText(m1, { exact: true }).click();
    await ballot.getByText(m2, { exact: true }).click();
    await rep.getByRole('button', { name: '核对选票' }).click();
    await expectShown(rep, rep.getByText('请核对：提交后不能更改'));
    await rep.getByRole('button', { name: '确认投票' }).click();
    await expectShown(rep, rep.getByText(/投票成功/));

    // 2. Another member of the same household is told the household has voted, and cannot vote.
    const member = await h.newPage(phone);
    await loginResident(member, 'xj-member');
    await member.getByRole('link', { name: /居民公约/ }).waitFor({ timeout: 60_000 });
    await member.goto(`/m/elections/${id}`);
    await expectShown(member, member.getByText('您家已由户代表投票，每户只投一票。'));
    expect(await member.getByRole('button', { name: '核对选票' }).count()).toBe(0);
    const memberApi = await staffApi(h, 'xj-member');
    const again = await memberApi.api.fetch(`/api/v1/my/elections/${id}/ballot`, { method: 'POST', headers: { 'x-csrf-token': memberApi.csrf }, data: { choices: [] } });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('election_household_voted');
    await memberApi.close();

    // 3. The polling station: seven households take paper ballots, household 3 through its written proxy.
    for (const i of [2, 4, 5, 6, 7]) await send(w.admin, 'POST', `/api/v1/elections/${id}/roll`, { voterId: w.voters[nameOf(i, 0)], byProxy: false });
    await send(w.admin, 'POST', `/api/v1/elections/${id}/roll`, { voterId: w.voters[nameOf(3, 0)], byProxy: true });
    await send(w.admin, 'POST', `/api/v1/elections/${id}/roll`, { voterId: w.voters[nameOf(1, 0)], byProxy: false });

    // 4. Voting closes; a teller enters the first box in the console, one ballot at a time.
    await new Promise((r) => setTimeout(r, Math.max(0, w.closesAt - Date.now() + 2_000)));
    await send(w.admin, 'POST', `/api/v1/elections/${id}/phase`, { to: 'counting' });
    const teller = await consoleAs(h, 'xj-teller');
    await teller.goto(`/console/elections/${id}`);
    await teller.getByRole('tab', { name: '计票' }).click();
    await teller.getByLabel('票箱/批次').fill('第1箱');
    await teller.getByLabel('本批选票张数').fill('2');
    await teller.getByRole('button', { name: '开始录入本批' }).click();
    await expectShown(teller, teller.getByText('已录入 0 / 2').first());
    await teller.getByRole('checkbox', { name: chair }).check();
    await teller.getByRole('checkbox', { name: m1 }).check();
    await teller.getByRole('button', { name: '录入这张选票' }).click();
    await expectShown(teller, teller.getByText('已录入 1 / 2').first());
    await teller.getByRole('checkbox', { name: '废票' }).check();
    await teller.getByRole('button', { name: '录入这张选票' }).click();
    await expectShown(teller, teller.getByText('已录入 2 / 2').first());
    // The rest of the paper ballots, over the API as the same teller.
    const tellerApi = await staffApi(h, 'xj-teller');
    const batch = await send<{ id: string }>(tellerApi, 'POST', `/api/v1/elections/${id}/batches`, { label: '第2箱', ballotCount: 5 });
    for (let i = 0; i < 5; i++) {
      const member = i < 3 ? [w.candidates[m1], w.candidates[m2]] : [w.candidates[nameOf(4, 1)]];
      await send(tellerApi, 'POST', `/api/v1/elections/${id}/batches/${batch.id}/ballots`, { valid: true, choices: [{ post: 'chair', candidateIds: [w.candidates[i < 4 ? chair : nameOf(1, 0)]], writeIns: [] }, { post: 'member', candidateIds: member, writeIns: [] }] });
    }
    await tellerApi.close();

    // 5. The office publishes the result from the console.
    const office = await consoleAs(h, 'xj-admin');
    await office.goto(`/console/elections/${id}`);
    await office.getByRole('tab', { name: '结果与任期' }).click();
    await office.getByRole('button', { name: '公布选举结果' }).click();
    await expectShown(office, office.getByText('结果已公布').first());

    // 6. The public tally adds up, with names masked.
    const portal = await h.newPage(phone);
    await portal.goto(`/elections/${id}`);
    await expectShown(portal, portal.getByRole('heading', { name: '选举结果' }));
    const number = async (k: string) => Number((await portal.locator(`[data-tally="${k}"]`).textContent()) ?? 'NaN');
    const [registered, voted, cast, valid, invalid] = [await number('registered'), await number('voted'), await number('cast'), await number('valid'), await number('invalid')];
    expect({ registered, voted, cast, valid, invalid }).toEqual({ registered: 10, voted: 8, cast: 8, valid: 7, invalid: 1 });
    expect(valid + invalid).toBe(cast);
    await expectShown(portal, portal.getByText('选举有效'));
    const text = (await portal.locator('main').textContent()) ?? '';
    expect(text).toContain('赵*');
    expect(text).not.toContain(chair);
    const tally = (await (await h.browser.newContext({ baseURL: h.baseUrl })).request.get(`/api/v1/public/elections/${id}`).then((r) => r.json())) as { tally: ElectionTally };
    const chairPost = tally.tally.posts.find((p) => p.post === 'chair')!;
    expect(chairPost.candidates.reduce((s, c) => s + c.votes, 0)).toBeLessThanOrEqual(valid);
    expect(chairPost.candidates.find((c) => c.elected)?.votes).toBe(6);

    // 7. The secret ballot: the box lists random ids and marks only; the voter cannot retrieve their ballot.
    const box = await getJson<{ items: Record<string, unknown>[]; total: number }>(w.admin.api, `/api/v1/elections/${id}/ballots`);
    expect(box.total).toBe(8);
    for (const b of box.items) expect(Object.keys(b).sort()).toEqual(['choices', 'id', 'valid']);
    const repApi = await staffApi(h, 'xj-rep');
    expect((await repApi.api.get(`/api/v1/elections/${id}/ballots`)).status()).toBe(403);
    const mine = await repApi.api.get(`/api/v1/my/elections/${id}`).then((r) => r.text());
    for (const b of box.items) expect(mine).not.toContain(b.id as string);
    expect(mine).toContain('"voted":true');
    await repApi.close();
    await w.admin.close();
  });
});
