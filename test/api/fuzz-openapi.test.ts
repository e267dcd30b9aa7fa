import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { seedWorld, type World } from './helpers.js';

/**
 * Issue 13, item 4, as a class: bad inputs derived from the served OpenAPI document for every
 * operation — wrong types, numbers out of range, NUL and other control characters, huge
 * strings, in the path, the query and the body — and not one of them may get a 5xx answer.
 */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  $ref?: string;
}
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

let api: TestApi;
let world: World;
let paths: Record<string, Record<string, Operation>>;

const HUGE = 'x'.repeat(200_000);
const NUL = 'a\u0000b';
const TEXTS = [NUL, 'c\u0001d\u001f', 'e\ud800', HUGE, ''];
const NUMBERS = [
  'abc',
  '99999999999999999999',
  '-99999999999999999999',
  '1e400',
  '-1',
  '0.5',
  'NaN',
];

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin']);
  paths = (await api.request({ url: '/openapi.json' })).json().paths;
});
afterAll(async () => api.close());

/** A real value for a path parameter, so that requests reach the code behind lookups. */
function validParam(name: string): string {
  const known: Record<string, string> = {
    organizationId: world.organizationId,
    planId: world.planId,
    otherId: world.other.planId,
    actionId: 'a1',
    indicatorId: 'i1',
    file: 'plan.pdf',
  };
  return known[name] ?? (name.endsWith('Id') ? 'a1' : 'x');
}

const types = (s: Schema | undefined): string[] =>
  !s
    ? []
    : s.anyOf
      ? s.anyOf.flatMap(types)
      : Array.isArray(s.type)
        ? s.type
        : s.type
          ? [s.type]
          : [];

/** Values of the wrong kind for a field of this schema, and hostile text whatever it is. */
function badValues(schema: Schema | undefined): unknown[] {
  const t = types(schema);
  const wrong: unknown[] = [...TEXTS, { deep: { deeper: [NUL] } }, [NUL, HUGE]];
  if (t.includes('string')) wrong.push(12345, true, ['x']);
  if (t.includes('integer') || t.includes('number')) wrong.push('abc', 1e308, -1e308, 2 ** 63, 0.5);
  if (t.includes('array')) wrong.push('x', { a: 1 });
  if (t.includes('object')) wrong.push('x', [1]);
  return wrong;
}

/** Percent-encoding that also writes a lone surrogate, as the bytes a careless client sends. */
const enc = (text: string) =>
  [...text].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');

interface Probe {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

function probesOf(path: string, method: string, op: Operation): Probe[] {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const urlWith = (values: Record<string, string>, query = '') =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => enc(values[name] ?? validParam(name))) + query;
  const valid = Object.fromEntries(pathParams.map((p) => [p.name, validParam(p.name)]));
  const probes: Probe[] = [];
  for (const p of pathParams) {
    for (const bad of [NUL, 'c\u0001d', '-1', '99999999999999999999', 'x'.repeat(2000)]) {
      probes.push({ method, url: urlWith({ ...valid, [p.name]: bad }) });
    }
  }
  for (const q of params.filter((p) => p.in === 'query')) {
    for (const bad of [...TEXTS, ...NUMBERS]) {
      probes.push({ method, url: urlWith(valid, `?${q.name}=${enc(bad)}`) });
    }
    probes.push({ method, url: urlWith(valid, `?${q.name}=1&${q.name}=2`) });
  }
  const json =
    op.requestBody?.content['application/json'] ??
    op.requestBody?.content['application/merge-patch+json'];
  if (json) {
    const url = urlWith(valid);
    for (const body of [[], 'text', 42, null, {}, { [NUL]: 1 }])
      probes.push({
        method,
        url,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    probes.push({
      method,
      url,
      payload: '{"broken": ',
      headers: { 'content-type': 'application/json' },
    });
    probes.push({ method, url, payload: 'plain', headers: { 'content-type': 'text/plain' } });
    for (const [name, schema] of Object.entries(json.schema?.properties ?? {})) {
      for (const bad of badValues(schema)) {
        probes.push({
          method,
          url,
          payload: JSON.stringify({ [name]: bad, version: 1 }),
          headers: { 'content-type': 'application/json' },
        });
      }
    }
  }
  return probes;
}

describe('bad input derived from the OpenAPI document', () => {
  it('gets no 5xx answer from any operation, signed in as the organization’s admin', async () => {
    const operations = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    // Signing out last keeps the session for every other probe.
    operations.sort(
      (a, b) =>
        Number(a.path === '/api/session' && a.method === 'DELETE') -
        Number(b.path === '/api/session' && b.method === 'DELETE'),
    );
    expect(operations.length).toBeGreaterThan(90);
    const failures: string[] = [];
    let sent = 0;
    for (const { path, method, op } of operations) {
      for (const probe of probesOf(path, method, op)) {
        const res = await api.request({ ...probe, cookie: world.users.admin.cookie } as never);
        sent++;
        if (res.statusCode >= 500) {
          failures.push(
            `${probe.method} ${probe.url.slice(0, 120)} ${String(probe.payload ?? '').slice(0, 80)} → ${res.statusCode}`,
          );
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
  }, 300_000);
});
