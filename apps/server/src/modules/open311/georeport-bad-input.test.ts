import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import { ok, sessions, type T } from '../notifications/test-api.js';
import { parseXml } from './test-factories.js';

const garbage = '\uD800\uDFFF\u0000\u202E𠜎\uFFFF' + '乱码'.repeat(10) + '\u0007';

describe.each(dialects)('Open311 with bad input answers 4xx in the spec’s shape (%s)', (dialect) => {
  let t: T;
  let key: string;
  beforeAll(async () => {
    t = await testApp(dialect);
    const s = await sessions(t);
    key = ok<{ apiKey: string }>(await s.admin.post('/open311-clients', { communityId: t.world.a.id, name: '测试' })).apiKey;
  });
  afterAll(() => t.close());

  it('survives bad bodies on POST requests', async () => {
    const bodies: { payload: string; type: string }[] = [
      { payload: '{"service_code":', type: 'application/json' },
      { payload: '', type: 'application/json' },
      { payload: 'null', type: 'application/json' },
      { payload: '[1,2]', type: 'application/json' },
      { payload: JSON.stringify({ api_key: key, service_code: garbage, description: garbage, lat: 'north', attribute: 'x' }), type: 'application/json' },
      { payload: JSON.stringify({ api_key: key, service_code: 'x', lat: 1e999, long: -1e999, address_string: 'x' }), type: 'application/json' },
      { payload: JSON.stringify({ api_key: [key], service_code: { a: 1 }, 'attribute[kind]': ['help'] }), type: 'application/json' },
      { payload: `api_key=${key}&service_code=%00&description=%F0%9F`, type: 'application/x-www-form-urlencoded' },
      { payload: `api_key=${encodeURIComponent(key)}&service_code=x&lat=abc&long=1`, type: 'application/x-www-form-urlencoded' },
      { payload: 'a'.repeat(300 * 1024), type: 'application/x-www-form-urlencoded' },
      { payload: 'hello', type: 'text/plain' },
    ];
    const failures: string[] = [];
    for (const ext of ['json', 'xml']) {
      for (const b of bodies) {
        const res = await t.app.inject({ method: 'POST', url: `/open311/v2/requests.${ext}`, headers: { 'content-type': b.type }, payload: b.payload });
        const label = `${ext} ${b.type} ${b.payload.slice(0, 40)}: ${res.statusCode} ${res.body.slice(0, 100)}`;
        if (res.statusCode < 400 || res.statusCode >= 500) {
          failures.push(label);
          continue;
        }
        const errors = ext === 'json' ? (res.json() as { code: number; description: string }[]) : (parseXml(res.body, ['error']) as { errors: { error: { code: string }[] } }).errors.error;
        if (Number(errors[0]?.code) !== res.statusCode) failures.push(`${label} (error body)`);
      }
    }
    expect(failures).toEqual([]);
    expect(await t.deps.db.selectFrom('requests').select('id').execute()).toHaveLength(0);
  });

  it('survives bad queries and ids on the GET routes', async () => {
    const urls = [
      `/requests.json?jurisdiction_id=${t.world.a.id}&start_date=%00`,
      `/requests.json?jurisdiction_id=${t.world.a.id}&end_date=2026-13-45T99:00:00Z`,
      `/requests.xml?jurisdiction_id=${t.world.a.id}&service_request_id=${'x,'.repeat(1500)}`,
      `/requests.json?jurisdiction_id=${encodeURIComponent(garbage)}`,
      `/requests.json?jurisdiction_id=..%2F..%2Fetc`,
      `/services.json?jurisdiction_id=${'x'.repeat(300)}`,
      `/services/${'x'.repeat(300)}.json?jurisdiction_id=${t.world.a.id}`,
      `/services/%00.xml?jurisdiction_id=${t.world.a.id}`,
      `/requests/${encodeURIComponent("1' OR 1=1--")}.json`,
      `/requests/%F0%9F%92%A9.xml`,
    ];
    const failures: string[] = [];
    for (const u of urls) {
      const res = await t.app.inject({ url: `/open311/v2${u}` });
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${u.slice(0, 60)}: ${res.statusCode} ${res.body.slice(0, 100)}`);
    }
    expect(failures).toEqual([]);
  });
});
