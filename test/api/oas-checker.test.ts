import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { ITALIAN_GUIDELINES_FULL, errorsByRule, lintOpenApi } from '../support/oas-checker.js';
import { getJson, seedWorld, type World } from './helpers.js';

/** Issue #13 item 14: the API description to AgID's interoperability guidelines. */
interface Operation {
  operationId?: string;
  description?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

let api: TestApi;
let world: World;
let spec: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin']);
  spec = (await api.request({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(async () => api.close());

const operations = () =>
  Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ where: `${method} ${path}`, method, op })),
  );

describe('GET /openapi.json against the Italian Guidelines Full rules', () => {
  it('the served API description passes the Italian Guidelines Full rules with 0 errors', async () => {
    const diagnostics = await lintOpenApi(spec, ITALIAN_GUIDELINES_FULL);
    expect(diagnostics.length).toBeGreaterThan(0); // the rules did run (warnings or hints)
    expect(errorsByRule(diagnostics)).toEqual({});
  }, 120_000);

  it('gives every operation a unique camelCase verb-noun operationId and a description', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.length).toBeGreaterThan(90);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, op } of operations()) {
      expect(op.operationId, where).toMatch(/^[a-z]+(?:[A-Z][a-z0-9]*)+$/);
      expect(op.description, where).toBeTruthy();
    }
    expect(spec.paths['/api/plans/{planId}']!.get!.operationId).toBe('getPlan');
    expect(spec.paths['/api/plans']!.get!.operationId).toBe('listPlans');
  });

  it('requires the session cookie for writes, accepts it or nothing for reads and invitations', () => {
    for (const { where, method, op } of operations()) {
      const names = (op.security ?? []).map((s) => Object.keys(s).join());
      const open = ['post /api/session', 'get /status', 'get /calendar/{token}.ics'];
      // Accepting an invitation: with the invitee's session, or creating their account.
      const eitherWay = ['post /api/invitations/{token}/accept'];
      if (open.includes(where)) expect(names, where).toEqual(['']);
      else if (method === 'get' || eitherWay.includes(where))
        expect(names, where).toEqual(['', 'sessione']);
      else expect(names, where).toEqual(['sessione']);
    }
  });

  it('declares error answers as problem+json and PATCH bodies as merge-patch+json', () => {
    for (const { where, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status) || !response.content) continue;
        expect(Object.keys(response.content), `${where} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
      if (method === 'patch') {
        expect(Object.keys(op.requestBody?.content ?? {}), where).toEqual([
          'application/merge-patch+json',
        ]);
      }
    }
  });
});

describe('the server in the description', () => {
  it('is the public URL, marked as a sandbox only when it is not https', async () => {
    expect((spec as unknown as { servers: unknown[] }).servers).toEqual([
      expect.objectContaining({ url: expect.stringMatching(/^http:/), 'x-sandbox': true }),
    ]);
    const served = await startTestApi({ PIANO_PUBLIC_URL: 'https://piano.comune.example.it' });
    try {
      const document = (await served.request({ method: 'GET', url: '/openapi.json' })).json();
      expect(document.servers).toEqual([
        { url: 'https://piano.comune.example.it', description: expect.any(String) },
      ]);
      expect(errorsByRule(await lintOpenApi(document))).toEqual({});
    } finally {
      await served.close();
    }
  }, 120_000);
});

describe('the security schemes in the description', () => {
  type Schemes = Record<string, { type: string; openIdConnectUrl?: string; in?: string }>;
  const schemesOf = (document: unknown) =>
    (document as { components: { securitySchemes: Schemes } }).components.securitySchemes;

  it('declare the session cookie, and no OpenID Connect when it is not configured', () => {
    expect(schemesOf(spec)).toEqual({
      sessione: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'piano_session' }),
    });
  });

  it('declare OpenID Connect with the provider’s discovery address when configured, still with 0 errors', async () => {
    const served = await startTestApi({
      PIANO_PUBLIC_URL: 'https://piano.comune.example.it',
      PIANO_OIDC_ISSUER: 'https://broker.example.it/oidc/',
      PIANO_OIDC_CLIENT_ID: 'piano',
    });
    try {
      const document = (await served.request({ method: 'GET', url: '/openapi.json' })).json();
      expect(schemesOf(document).openIdConnect).toEqual(
        expect.objectContaining({
          type: 'openIdConnect',
          openIdConnectUrl: 'https://broker.example.it/oidc/.well-known/openid-configuration',
        }),
      );
      expect(schemesOf(document).sessione?.type).toBe('apiKey');
      expect(errorsByRule(await lintOpenApi(document, ITALIAN_GUIDELINES_FULL))).toEqual({});
    } finally {
      await served.close();
    }
  }, 120_000);
});

describe('PATCH with application/merge-patch+json', () => {
  it('is accepted and applied like a JSON body', async () => {
    const url = `/api/organizations/${world.organizationId}`;
    const admin = world.users.admin.cookie;
    const before = await getJson<{ version: number }>(api, url, admin);
    const res = await api.request({
      method: 'PATCH',
      url,
      headers: { 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ name: 'Comune di Prova Fusione', version: before.version }),
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Comune di Prova Fusione' });
  });

  it('refuses a malformed merge patch as malformed JSON', async () => {
    const res = await api.request({
      method: 'PATCH',
      url: `/api/organizations/${world.organizationId}`,
      headers: { 'content-type': 'application/merge-patch+json' },
      payload: '{"name": ',
      cookie: world.users.admin.cookie,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_json' });
  });
});

describe('GET /status', () => {
  it('answers 200 while the service is up', async () => {
    const res = await api.request({ method: 'GET', url: '/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });
});
