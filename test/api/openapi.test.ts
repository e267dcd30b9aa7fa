import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { normalizePath, registeredRoutes } from './helpers.js';

/** Criterion 9: the OpenAPI description lists every API route, and /docs shows it. */
interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<string, { responses?: Record<string, unknown>; summary?: string; tags?: string[] }>
  >;
  components?: { securitySchemes?: Record<string, unknown> };
}

let api: TestApi;
let spec: OpenApi;

beforeAll(async () => {
  api = await startTestApi();
  const res = await api.request({ method: 'GET', url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  spec = res.json<OpenApi>();
});
afterAll(async () => api.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const documented = () =>
  Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${normalizePath(path)}`),
    );
const apiRoutes = () =>
  registeredRoutes(api.app)
    .filter((r) => r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path}`);

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.title).toBeTruthy();
    expect(spec.components?.securitySchemes).toHaveProperty('sessione');
  });

  it('lists every route registered under /api, and no other', () => {
    const registered = apiRoutes();
    expect(registered.length).toBeGreaterThan(60);
    expect(registered).toContain('POST /api/plans/{}/actions/{}/micro-actions');
    expect([...new Set(documented())].sort()).toEqual([...new Set(registered)].sort());
  });

  it('documents a success answer, a summary and tags for every /api operation', () => {
    for (const [path, item] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        const where = `${method} ${path}`;
        expect(
          Object.keys(operation.responses ?? {}).some((s) => s.startsWith('2')),
          where,
        ).toBe(true);
        expect(operation.summary, where).toBeTruthy();
        expect(operation.tags?.length, where).toBeGreaterThan(0);
      }
    }
  });
});

describe('GET /docs', () => {
  it('serves the HTML page of the interactive documentation', async () => {
    const res = await api.request({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});
