import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureItemList, DisclosureItemView, OverdueList, PublicCatalogue } from '@gongzhi/shared';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { runDisclosureReminders } from './reminders.js';
import { disclosureWorld, errCode, financeItem, ok, published, type DW, type T } from './test/world.js';

describe.each(dialects)('disclosure catalogue (%s)', (dialect) => {
  let t: T;
  let w: DW;
  beforeAll(async () => {
    t = await testApp(dialect);
    w = await disclosureWorld(t);
  });
  afterAll(() => t.close());

  it('loads the default catalogue once, over the four categories, with laws named', async () => {
    const first = ok<{ added: number; items: DisclosureItemView[] }>(await w.staff.post('/disclosure/defaults', {}), 'defaults');
    expect(first.added).toBeGreaterThanOrEqual(18);
    expect(new Set(first.items.map((i) => i.category))).toEqual(new Set(['party', 'administration', 'finance', 'service']));
    expect(first.items.every((i) => i.legalBasis.includes('《') || i.legalBasis.includes('民政部'))).toBe(true);
    expect(first.items.some((i) => i.legalBasis.includes('《中华人民共和国城市居民委员会组织法》'))).toBe(true);
    expect(first.items.some((i) => i.legalBasis.includes('《中国共产党党务公开条例（试行）》'))).toBe(true);
    expect(first.items.every((i) => i.channels.length >= 1 && i.fromDefaults)).toBe(true);
    // The community's admin owns the defaults until someone reassigns them.
    expect(first.items.every((i) => i.ownerUserId === t.world.users.community_admin)).toBe(true);
    const again = ok<{ added: number; items: DisclosureItemView[] }>(await w.admin.post('/disclosure/defaults', {}), 'again');
    expect(again.added).toBe(0);
    expect(again.items).toHaveLength(first.items.length);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'disclosure_catalogue.defaults_loaded').execute();
    expect(audit).toHaveLength(1);
  });

  it('shows each periodic item where it stands, and lists the overdue ones with days and owner', async () => {
    const list = ok<DisclosureItemList>(await w.subdistrict.get(`/disclosure/items?communityId=${t.world.a.id}`), 'items');
    expect(list.today).toBe('2026-11-25');
    const finance = list.items.find((i) => i.category === 'finance' && i.frequency === 'quarterly')!;
    expect(finance.due).toMatchObject({ status: 'overdue', period: '2026-Q3', dueOn: '2026-10-10', daysOverdue: 46 });
    expect(list.items.filter((i) => i.frequency === 'on_change').every((i) => i.due.status === 'not_periodic')).toBe(true);
    const overdue = ok<OverdueList>(await w.admin.get('/disclosure/overdue'), 'overdue');
    const row = overdue.items.find((r) => r.itemId === finance.id)!;
    expect(row).toMatchObject({ period: '2026-Q3', daysOverdue: 46, ownerName: '用户2' });
    expect(overdue.items.every((r) => r.daysOverdue > 0)).toBe(true);
    // Sorted most overdue first: the yearly items (2025) lead.
    expect(overdue.items[0]!.period).toBe('2025');

    // Anyone reads the catalogue on the portal, with the same standing and without owners.
    const pub = ok<PublicCatalogue>(await w.anonymous.get(`/public/communities/${t.world.a.id}/disclosure-catalogue`), 'public');
    expect(pub.items).toHaveLength(list.items.length);
    expect(pub.items.find((i) => i.id === finance.id)).toEqual({
      id: finance.id,
      category: 'finance',
      title: finance.title,
      content: finance.content,
      legalBasis: finance.legalBasis,
      frequency: 'quarterly',
      channels: finance.channels,
      due: finance.due,
    });
    expect(JSON.stringify(pub)).not.toContain('ownerName');
    expect((await w.anonymous.get(`/public/communities/${t.world.sd.id}/disclosure-catalogue`)).statusCode).toBe(404);
    expect(ok<PublicCatalogue>(await w.anonymous.get(`/public/communities/${t.world.b.id}/disclosure-catalogue`), 'b').items).toEqual([]);
  });

  it('edits with audit, checks the owner, retires and restores', async () => {
    const item = await financeItem(w);
    const edited = ok<DisclosureItemView>(await w.staff.patch(`/disclosure/items/${item.id}`, { ownerUserId: t.world.users.community_staff, dueDays: 15 }), 'edit');
    expect(edited).toMatchObject({ ownerName: '用户3', dueDays: 15 });
    expect(edited.due.dueOn).toBe('2026-10-15');
    const badOwner = await w.staff.patch(`/disclosure/items/${item.id}`, { ownerUserId: t.world.users.grid_worker });
    expect(badOwner.statusCode).toBe(400);
    expect(errCode(badOwner)).toBe('disclosure_owner_invalid');
    const audit = await t.deps.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'disclosure_item.updated').where('target_id', '=', item.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ due_days: 10 });

    const retired = ok<DisclosureItemView>(await w.admin.post(`/disclosure/items/${item.id}/retire`), 'retire');
    expect(retired.retiredAt).not.toBeNull();
    const overdue = ok<OverdueList>(await w.admin.get('/disclosure/overdue'), 'overdue');
    expect(overdue.items.some((r) => r.itemId === item.id)).toBe(false);
    expect(errCode(await w.staff.patch(`/disclosure/items/${item.id}`, { title: '改名' }))).toBe('disclosure_item_retired');
    const listed = ok<DisclosureItemList>(await w.staff.get('/disclosure/items?includeRetired=true'), 'with retired');
    expect(listed.items.some((i) => i.id === item.id)).toBe(true);
    ok(await w.admin.post(`/disclosure/items/${item.id}/restore`), 'restore');
    await w.staff.patch(`/disclosure/items/${item.id}`, { ownerUserId: t.world.users.community_admin, dueDays: 10 });

    const own = ok<DisclosureItemView>(
      await w.staff.post('/disclosure/items', { category: 'service', title: '社区食堂收费标准', content: '助餐价格', legalBasis: '本社区居民会议决定', frequency: 'on_change', channels: ['notice_board'] }),
      'create',
    );
    expect(own).toMatchObject({ fromDefaults: false, ownerUserId: null, dueDays: 10 });
    expect((await w.staff.post('/disclosure/items', { category: 'service', title: 'x', content: 'x', legalBasis: 'x', frequency: 'monthly', channels: [] })).statusCode).toBe(400);
  });

  it('keeps other communities out: 404 for their items, nothing in their lists', async () => {
    const item = await financeItem(w);
    expect((await w.adminB.patch(`/disclosure/items/${item.id}`, { title: '乙改' })).statusCode).toBe(404);
    expect((await w.adminB.post(`/disclosure/items/${item.id}/retire`)).statusCode).toBe(404);
    const bList = ok<DisclosureItemList>(await w.adminB.get('/disclosure/items'), 'b list');
    expect(bList.items).toHaveLength(0);
    expect(errCode(await w.adminB.post('/disclosure/defaults', { communityId: t.world.a.id }))).toBe('disclosure_community_required');
    // The subdistrict reads but does not keep.
    expect((await w.subdistrict.post(`/disclosure/items/${item.id}/retire`)).statusCode).toBe(403);
  });

  it('reminds the owner once when due and once when overdue, per period, and stops once published', async () => {
    // Two servers running the job at once send each reminder once between them.
    const [one, two] = await Promise.all([runDisclosureReminders(t.deps), runDisclosureReminders(t.deps)]);
    const claimed = await t.deps.db.selectFrom('disclosure_reminders').select('item_id').execute();
    expect(one.sent + two.sent).toBe(claimed.length);
    expect(claimed.length).toBeGreaterThan(5);
    const sentRows = await t.deps.db.selectFrom('notifications').select('id').where('dedupe_key', 'like', 'disclosure:%').execute();
    expect(sentRows).toHaveLength(claimed.length);
    expect((await runDisclosureReminders(t.deps)).sent).toBe(0);
    const item = await financeItem(w);
    const notes = await t.deps.db
      .selectFrom('notifications')
      .select(['recipient_user_id', 'template', 'params_json', 'subject'])
      .where('dedupe_key', 'like', `disclosure:${item.id}:%`)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ recipient_user_id: t.world.users.community_admin, template: 'disclosure_overdue' });
    expect(notes[0]!.subject).toContain('公开事项已逾期');

    // Publishing the quarter takes the item off the overdue list.
    await published(w, { itemId: item.id, period: '2026-Q3' });
    const overdue = ok<OverdueList>(await w.admin.get('/disclosure/overdue'), 'overdue');
    expect(overdue.items.some((r) => r.itemId === item.id)).toBe(false);

    // Into the next quarter's window: 2027-01-05 is within five days of Q4's due date (2027-01-10).
    t.clock.advanceMinutes(41 * 24 * 60);
    expect((await runDisclosureReminders(t.deps)).sent).toBeGreaterThan(0);
    const due = await t.deps.db.selectFrom('disclosure_reminders').select(['period', 'kind']).where('item_id', '=', item.id).orderBy('period').execute();
    expect(due).toEqual([
      { period: '2026-Q3', kind: 'overdue' },
      { period: '2026-Q4', kind: 'due' },
    ]);
    expect((await runDisclosureReminders(t.deps)).sent).toBe(0);
  });
});
