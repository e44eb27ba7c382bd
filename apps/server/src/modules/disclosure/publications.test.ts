import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedText, type PublicationDetail, type PublicPublication, type PublicPublicationPage } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { disclosureWorld, draft, errCode, financeItem, ok, published, type DW, type T } from './test/world.js';

describe.each(dialects)('publications: approval, personal data, publishing (%s)', (dialect) => {
  let t: T;
  let w: DW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await disclosureWorld(t);
  });
  afterAll(() => t.close());

  it('blocks personal data at submission with the findings, and takes the masked text', async () => {
    const item = await financeItem(w);
    const d = ok<PublicationDetail>(await w.staff.post('/publications', draft({ itemId: item.id, period: '2026-Q3', body: '经办人电话 13812345678，收款账户 6222020200112233445。' })), 'draft');
    expect(d).toMatchObject({ status: 'draft', category: 'finance', itemTitle: item.title, period: '2026-Q3' });
    expect(d.personalData.map((f) => f.kind)).toEqual(['phone']);
    const refused = await w.staff.post(`/publications/${d.id}/submit`);
    expect(refused.statusCode).toBe(422);
    expect(errCode(refused)).toBe('publication_personal_data');
    const details = (refused.json() as { error: { details: { title: unknown[]; body: { kind: string; masked: string }[] } } }).error.details;
    expect(details.title).toEqual([]);
    expect(details.body[0]).toMatchObject({ kind: 'phone', masked: '138****5678' });
    const fixed = ok<PublicationDetail>(await w.staff.patch(`/publications/${d.id}`, { body: '经办人电话 138****5678。' }), 'mask');
    expect(fixed.personalData).toEqual([]);
    expect(ok<PublicationDetail>(await w.staff.post(`/publications/${d.id}/submit`), 'submit').status).toBe('submitted');
  });

  it('refuses a period that does not fit the item, and an item of another community', async () => {
    const item = await financeItem(w);
    expect(errCode(await w.staff.post('/publications', draft({ itemId: item.id, period: '2026-07' })))).toBe('disclosure_period_invalid');
    expect(errCode(await w.staff.post('/publications', draft({ period: '2026-Q3' })))).toBe('disclosure_period_invalid');
    expect(errCode(await w.adminB.post('/publications', draft({ itemId: item.id })))).toBe('disclosure_item_invalid');
  });

  it('is approved only by someone other than its author, who may also return it with a note', async () => {
    const d = ok<PublicationDetail>(await w.staff.post('/publications', draft({ title: '社区服务时间调整' })), 'draft');
    ok(await w.staff.post(`/publications/${d.id}/submit`), 'submit');
    const own = await w.staff.post(`/publications/${d.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(errCode(own)).toBe('publication_self_approval');
    const mine = ok<PublicationDetail>(await w.staff.get(`/publications/${d.id}`), 'read');
    expect(mine.can).toMatchObject({ approve: false, edit: false });
    expect(ok<PublicationDetail>(await w.admin.get(`/publications/${d.id}`), 'admin read').can.approve).toBe(true);
    expect(errCode(await w.admin.post(`/publications/${d.id}/return`, { note: '' }))).toBe('validation_failed');
    const back = ok<PublicationDetail>(await w.admin.post(`/publications/${d.id}/return`, { note: '请补充调整原因' }), 'return');
    expect(back).toMatchObject({ status: 'draft', returnNote: '请补充调整原因' });
    // Not approved, so it cannot be published; a draft cannot be approved.
    expect((await w.admin.post(`/publications/${d.id}/publish`)).statusCode).toBe(409);
    expect((await w.admin.post(`/publications/${d.id}/approve`)).statusCode).toBe(409);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('target_id', '=', d.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['publication.drafted', 'publication.submitted', 'publication.returned']);
    // The other editors were told it waited for them (its author was not); the author was told it came back, with the note.
    const told = await t.deps.db.selectFrom('notifications').select(['recipient_user_id', 'subject', 'body', 'link']).where('dedupe_key', 'like', `publication:${d.id}:%`).where('channel', '=', 'in_app').execute();
    const to = (u: string) => told.filter((n) => n.recipient_user_id === u).map((n) => n.subject);
    expect(to(t.world.users.community_admin)).toEqual(['公开信息待审核：社区服务时间调整']);
    expect(to(t.world.users.community_staff)).toEqual(['公开信息被退回修改：社区服务时间调整']);
    expect(told.find((n) => n.recipient_user_id === t.world.users.community_staff)).toMatchObject({ body: '请补充调整原因', link: `/console/publications/${d.id}` });
  });

  it('publishes with the sha256 of the fixed text; the public reads it without a login', async () => {
    const p = await published(w);
    expect(p.status).toBe('published');
    expect(p.approverName).toBe('用户2');
    expect(p.textSha256).toBe(createHash('sha256').update(publishedText(p.title, p.body), 'utf8').digest('hex'));
    expect((await w.staff.patch(`/publications/${p.id}`, { title: '偷改' })).statusCode).toBe(409);
    const pub = ok<PublicPublication>(await w.anonymous.get(`/public/publications/${p.id}`), 'public');
    expect(pub).toMatchObject({ title: p.title, body: p.body, textSha256: p.textSha256, communityName: '甲社区' });
    expect(JSON.stringify(pub)).not.toContain('authorUserId');
    const page = ok<PublicPublicationPage>(await w.anonymous.get(`/public/communities/${t.world.a.id}/publications`), 'page');
    expect(page.items.map((i) => i.id)).toContain(p.id);
    // Drafts are not public.
    const d = ok<PublicationDetail>(await w.staff.post('/publications', draft({ title: '未发布' })), 'draft');
    expect((await w.anonymous.get(`/public/publications/${d.id}`)).statusCode).toBe(404);
  });

  it('corrects by a new publication that supersedes the old; both stay public; archive keeps it public', async () => {
    const old = await published(w, { title: '2026年10月代收费用公开' });
    const fix = await published(w, { title: '2026年10月代收费用公开（更正）', supersedesId: old.id });
    const oldNow = ok<PublicPublication>(await w.anonymous.get(`/public/publications/${old.id}`), 'old');
    expect(oldNow).toMatchObject({ status: 'published', supersededById: fix.id, supersededByTitle: fix.title, textSha256: old.textSha256 });
    expect(ok<PublicPublication>(await w.anonymous.get(`/public/publications/${fix.id}`), 'fix').supersedesTitle).toBe(old.title);
    expect(errCode(await w.staff.post('/publications', draft({ supersedesId: old.id })))).toBe('publication_supersedes_invalid');
    const archived = ok<PublicationDetail>(await w.admin.post(`/publications/${old.id}/archive`), 'archive');
    expect(archived.status).toBe('archived');
    const arch = ok<PublicPublicationPage>(await w.anonymous.get(`/public/communities/${t.world.a.id}/publications?archived=true`), 'archive list');
    expect(arch.items.map((i) => i.id)).toEqual([old.id]);
    const finance = ok<PublicPublicationPage>(await w.anonymous.get(`/public/communities/${t.world.a.id}/publications?category=service`), 'by category');
    expect(finance.items).toHaveLength(0);
  });

  it('keeps drafts to their community: 404 elsewhere, the subdistrict reads, residents do not', async () => {
    const d = ok<PublicationDetail>(await w.staff.post('/publications', draft({ title: '内部草稿' })), 'draft');
    expect((await w.adminB.get(`/publications/${d.id}`)).statusCode).toBe(404);
    expect((await w.adminB.post(`/publications/${d.id}/submit`)).statusCode).toBe(404);
    expect(ok<PublicationDetail>(await w.subdistrict.get(`/publications/${d.id}`), 'subdistrict').can.edit).toBe(false);
    expect((await w.resident.get(`/publications/${d.id}`)).statusCode).toBe(403);
    const bList = ok<{ items: unknown[] }>(await w.adminB.get('/publications'), 'b list');
    expect(bList.items).toHaveLength(0);
  });
});
