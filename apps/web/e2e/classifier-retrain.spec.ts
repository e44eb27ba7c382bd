import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierJobView, ClassifierModelView } from '@gongzhi/shared';
import { apiAs, dialects, getJson, loginConsole, phone, startHarness, type Harness } from './harness.js';

describe.each(dialects)('retraining the classifier from the console (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('starts a background job, shows its progress on the page, then the new active model', async () => {
    const admin = await apiAs(h, 'shuji');
    const before = await getJson<{ items: ClassifierModelView[] }>(admin.api, '/api/v1/classifier/models');

    // On a phone: the settings page works there too.
    const page = await h.newPage(phone);
    await loginConsole(page, 'shuji');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.goto('/console/request-settings?tab=classifier');
    await page.getByRole('button', { name: '重新训练' }).click();
    // Progress shows on the page itself (no pop-up), phase by phase, while the server trains.
    await page.getByRole('progressbar', { name: '训练进度' }).waitFor();
    await page.getByText(/排队中|正在收集|交叉验证|正在训练最终模型|正在保存/).first().waitFor();
    await page.getByText(/训练完成/).waitFor({ timeout: 60_000 });

    const jobs = await getJson<{ items: ClassifierJobView[] }>(admin.api, '/api/v1/classifier/jobs');
    expect(jobs.items[0]).toMatchObject({ status: 'done', error: null });
    const after = await getJson<{ items: ClassifierModelView[] }>(admin.api, '/api/v1/classifier/models');
    expect(after.items).toHaveLength(before.items.length + 1);
    expect(after.items[0]).toMatchObject({ id: jobs.items[0]!.model!.id, active: true });
    // The table lists the new model first, in use.
    await page.getByRole('row').nth(1).getByText('使用中').waitFor();
    await page.context().close();
    await admin.close();
  });
});
