import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response as InjectResponse } from 'light-my-request';
import { startTestApi, type TestApi } from '../support/api.js';
import { getJson, publishThroughLifecycle, seedWorld, type World } from './helpers.js';

/** Criterion 6: the whole plan as one JSON document, with an ETag that follows every change. */
interface PlanDoc {
  format: string;
  version: number;
  organization: { name: string; units: { id: string; name: string }[] };
  plan: { title: string };
  actions: { id: string; title: string; microActions: { id: string }[] }[];
  indicators: { id: string; measurements: { id: string }[] }[];
}

let api: TestApi;
let world: World;
let admin: string;
let docUrl: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin']);
  admin = world.users.admin.cookie;
  docUrl = `/api/plans/${world.planId}/document`;
});
afterAll(async () => api.close());

const fetchDoc = (etag?: string) =>
  api.request({
    method: 'GET',
    url: docUrl,
    cookie: admin,
    ...(etag ? { headers: { 'if-none-match': etag } } : {}),
  });

async function current(): Promise<{ etag: string; doc: PlanDoc; res: InjectResponse }> {
  const res = await fetchDoc();
  expect(res.statusCode, res.body).toBe(200);
  const etag = res.headers.etag;
  expect(typeof etag).toBe('string');
  return { etag: etag as string, doc: res.json<PlanDoc>(), res };
}

async function patch(url: string, changes: Record<string, unknown>) {
  const { version } = await getJson<{ version: number }>(api, url, admin);
  const res = await api.request({
    method: 'PATCH',
    url,
    payload: { ...changes, version },
    cookie: admin,
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('GET /api/plans/:planId/document', () => {
  it('returns the interchange JSON with an ETag', async () => {
    const { doc, res, etag } = await current();
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(doc).toMatchObject({ format: 'piano-plan', version: 1 });
    expect(doc.actions.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(doc.actions[0]?.microActions.map((m) => m.id)).toEqual(['m1']);
    expect(doc.indicators[0]?.measurements.map((m) => m.id)).toEqual(['ms1']);
    expect(doc.organization.units.map((u) => u.id)).toEqual(['u-dem', 'u-tec']);
  });

  it('answers 304 with no body to If-None-Match with the current ETag', async () => {
    const { etag } = await current();
    const res = await fetchDoc(etag);
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(etag);
  });

  it('answers 200 to If-None-Match with another ETag', async () => {
    const res = await fetchDoc('"not-this-one"');
    expect(res.statusCode).toBe(200);
  });

  it('is never stored by a browser or a proxy while the plan is a draft', async () => {
    const { res } = await current();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('changes ETag and body after an action is PATCHed', async () => {
    const before = await current();
    await patch(`/api/plans/${world.planId}/actions/a1`, { title: 'Subentro ANPR: fatto' });
    const after = await current();
    expect(after.etag).not.toBe(before.etag);
    expect(after.doc.actions[0]?.title).toBe('Subentro ANPR: fatto');
    expect((await fetchDoc(before.etag)).statusCode).toBe(200);
  });

  it('changes ETag and body after the organization’s name is PATCHed', async () => {
    const before = await current();
    await patch(`/api/organizations/${world.organizationId}`, { name: 'Comune di Prova Nuova' });
    const after = await current();
    expect(after.etag).not.toBe(before.etag);
    expect(after.doc.organization.name).toBe('Comune di Prova Nuova');
  });

  it('changes ETag and body after a unit, a measurement or the plan itself changes', async () => {
    let before = await current();
    await patch(`/api/organizations/${world.organizationId}/units/u-tec`, {
      name: 'Area tecnica e LL.PP.',
    });
    let after = await current();
    expect(after.etag).not.toBe(before.etag);
    expect(after.doc.organization.units[1]?.name).toBe('Area tecnica e LL.PP.');

    before = after;
    const created = await api.request({
      method: 'POST',
      url: `/api/plans/${world.planId}/indicators/i1/measurements`,
      payload: { id: 'ms2', date: '2025-12-31', value: 60 },
      cookie: admin,
    });
    expect(created.statusCode, created.body).toBe(201);
    after = await current();
    expect(after.etag).not.toBe(before.etag);
    expect(after.doc.indicators[0]?.measurements.map((m) => m.id)).toEqual(['ms1', 'ms2']);

    before = after;
    await patch(`/api/plans/${world.planId}`, { title: 'Piano triennale 2025-2027' });
    after = await current();
    expect(after.etag).not.toBe(before.etag);
    expect(after.doc.plan.title).toBe('Piano triennale 2025-2027');
  });

  it('is public, cacheable by anyone, once the plan is published', async () => {
    await publishThroughLifecycle(api, world.planId, admin);
    const res = await api.request({ method: 'GET', url: docUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, no-cache');
  });
});
