import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/dialects.js';
import { testApp } from '../../test/fixtures.js';
import type { T } from '../notifications/test-api.js';
import { parseXml } from './test-factories.js';

type Service = { service_code: string; service_name: string; description: string; metadata: boolean; type: string; keywords: string; group: string };

describe.each(dialects)('Open311 services (%s)', (dialect) => {
  let t: T;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/open311/v2${url}`, headers });
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('lists the jurisdiction’s categories as services in JSON', async () => {
    const res = await get(`/services.json?jurisdiction_id=${t.world.a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const services = res.json() as Service[];
    expect(services.length).toBeGreaterThan(3);
    for (const s of services) expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    const cats = await t.deps.db.selectFrom('request_categories').select(['code', 'name_zh']).where('community_id', '=', t.world.a.id).where('retired_at', 'is', null).execute();
    expect(services.map((s) => s.service_code).sort()).toEqual(cats.map((c) => c.code).sort());
    const first = services[0]!;
    expect(first).toMatchObject({ metadata: true, type: 'realtime', service_name: cats.find((c) => c.code === first.service_code)!.name_zh });
    // English on request.
    const en = (await get(`/services.json?jurisdiction_id=${t.world.a.id}`, { 'accept-language': 'en' })).json() as Service[];
    expect(en[0]!.service_name).not.toBe(first.service_name);
  });

  it('answers the same services in well-formed XML', async () => {
    const json = (await get(`/services.json?jurisdiction_id=${t.world.a.id}`)).json() as Service[];
    const res = await get(`/services.xml?jurisdiction_id=${t.world.a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const doc = parseXml(res.body, ['service']) as { services: { service: Record<string, string>[] } };
    expect(doc.services.service).toHaveLength(json.length);
    expect(doc.services.service[0]).toEqual({ ...json[0], metadata: 'true' });
  });

  it('needs a known jurisdiction when the installation has several communities', async () => {
    const none = await get('/services.json');
    expect([none.statusCode, none.json()]).toEqual([400, [{ code: 400, description: 'jurisdiction_id is required' }]]);
    const unknown = await get('/services.xml?jurisdiction_id=nope');
    expect(unknown.statusCode).toBe(404);
    expect(parseXml(unknown.body, ['error'])).toMatchObject({ errors: { error: [{ code: '404', description: 'jurisdiction_id not found' }] } });
    // A place that is not a community is not a jurisdiction.
    expect((await get(`/services.json?jurisdiction_id=${t.world.g1.grid.id}`)).statusCode).toBe(404);
  });

  it('describes a service with its kind and anonymous attributes', async () => {
    const [svc] = (await get(`/services.json?jurisdiction_id=${t.world.a.id}`)).json() as Service[];
    const res = await get(`/services/${svc!.service_code}.json?jurisdiction_id=${t.world.a.id}`);
    expect(res.statusCode).toBe(200);
    const def = res.json() as { service_code: string; attributes: { code: string; datatype: string; variable: boolean; required: boolean; order: number; values: { key: string; name: string }[] }[] };
    expect(def.service_code).toBe(svc!.service_code);
    expect(def.attributes.map((a) => [a.code, a.datatype, a.variable, a.required, a.order])).toEqual([
      ['kind', 'singlevaluelist', true, false, 1],
      ['anonymous', 'singlevaluelist', true, false, 2],
    ]);
    expect(def.attributes[0]!.values.map((v) => v.key)).toEqual(['inquiry', 'help', 'complaint', 'report', 'suggestion']);
    expect(Object.keys(def.attributes[0]!).sort()).toEqual(['code', 'datatype', 'datatype_description', 'description', 'order', 'required', 'values', 'variable']);

    const xml = await get(`/services/${svc!.service_code}.xml?jurisdiction_id=${t.world.a.id}`);
    const doc = parseXml(xml.body, ['attribute', 'value']) as { service_definition: { service_code: string; attributes: { attribute: { code: string; values: { value: { key: string }[] } }[] } } };
    expect(doc.service_definition.service_code).toBe(svc!.service_code);
    expect(doc.service_definition.attributes.attribute.map((a) => a.code)).toEqual(['kind', 'anonymous']);
    expect(doc.service_definition.attributes.attribute[1]!.values.value.map((v) => v.key)).toEqual(['false', 'true']);
  });

  it('answers 404 in the spec’s shape for an unknown service code or path', async () => {
    const res = await get(`/services/no_such_code.json?jurisdiction_id=${t.world.a.id}`);
    expect([res.statusCode, res.json()]).toEqual([404, [{ code: 404, description: 'service_code not found' }]]);
    const path = await get('/nothing-here.json');
    expect([path.statusCode, path.json()]).toEqual([404, [{ code: 404, description: 'no such endpoint' }]]);
  });

  it('is in the OpenAPI documentation', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, unknown> };
    for (const p of ['/open311/v2/services.json', '/open311/v2/services.xml', '/open311/v2/services/{code}.json', '/open311/v2/requests.json', '/open311/v2/requests/{id}.xml', '/api/v1/open311-clients', '/api/v1/notifications']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
