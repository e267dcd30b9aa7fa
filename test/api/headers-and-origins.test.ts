import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/operations/seed-demo.js';
import { startWebServer, type WebServer } from '../support/web.js';
import { PLAN } from '../web/pages.js';

const RTD = { email: 'rtd@demo.piano.test', password: DEMO_PASSWORD };

let server: WebServer;
let cookie: string;

const inject = (options: InjectOptions) => server.app.inject(options);

async function signIn(): Promise<string> {
  const res = await inject({ method: 'POST', url: '/api/session', payload: RTD });
  expect(res.statusCode, res.body).toBe(200);
  const set = res.headers['set-cookie'];
  return String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
}

beforeAll(async () => {
  server = await startWebServer();
  cookie = await signIn();
});
afterAll(() => server.close());

describe('security headers on every kind of answer', () => {
  const answers = () =>
    [
      ['a portal page', inject({ url: PLAN })],
      ['an API answer', inject({ url: `/api/plans/${server.planId}` })],
      ['a download', inject({ url: `/api/plans/${server.planId}/exports/plan.html` })],
      ['an error', inject({ url: '/api/nothing-here' })],
      ['a static asset', inject({ url: '/favicon.svg' })],
    ] as const;

  it('forbid sniffing and framing, and keep the referrer within piano', async () => {
    for (const [name, pending] of answers()) {
      const res = await pending;
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(String(res.headers['content-security-policy']), name).toContain(
        "frame-ancestors 'none'",
      );
      expect(res.headers['x-frame-options'], name).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], name).toBe('same-origin');
    }
  });

  it('send no HSTS over plain HTTP, where browsers ignore it', async () => {
    const res = await inject({ url: PLAN });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('HSTS when piano is served over HTTPS', () => {
  let https: WebServer;
  beforeAll(async () => {
    https = await startWebServer({ PIANO_PUBLIC_URL: 'https://piano.comune.example.it' });
  });
  afterAll(() => https.close());

  it('tells browsers to use HTTPS for a year', async () => {
    const res = await https.app.inject({ url: '/' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('Cache-Control on session and private data', () => {
  it('is no-store on every session answer', async () => {
    const signIn = await inject({ method: 'POST', url: '/api/session', payload: RTD });
    expect(signIn.headers['cache-control']).toBe('no-store');
    const who = await inject({ url: '/api/session', headers: { cookie } });
    expect(who.headers['cache-control']).toBe('no-store');
  });

  it('is no-store on what a signed-in person reads, public data included', async () => {
    for (const url of ['/api/plans', `/api/plans/${server.planId}/document`, PLAN]) {
      const res = await inject({ url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('leaves published data cacheable for anonymous readers, and fingerprinted assets immutable', async () => {
    const plan = await inject({ url: `/api/plans/${server.planId}/document` });
    expect(plan.headers['cache-control']).toBe('public, no-cache');
    const page = await inject({ url: PLAN });
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(page.body)?.[1];
    expect(css).toBeDefined();
    const asset = await inject({ url: css!, headers: { cookie } });
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});

describe('state-changing requests from another site', () => {
  const signInFrom = (headers: Record<string, string>) =>
    inject({ method: 'POST', url: '/api/session', payload: RTD, headers });

  it('are refused by their Origin, with a 403 problem in Italian', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:80.evil.example']) {
      const res = await signInFrom({ origin });
      expect(res.statusCode, origin).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toContain('non da un altro sito');
    }
  });

  it('are refused by Sec-Fetch-Site when there is no Origin', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const res = await signInFrom({ 'sec-fetch-site': site });
      expect(res.statusCode, site).toBe(403);
    }
  });

  it('refuse a write with a valid session too, and change nothing', async () => {
    const res = await inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    const still = await inject({ url: '/api/session', headers: { cookie } });
    expect(still.statusCode).toBe(200);
  });

  it('pass from piano’s own pages, its configured address, and clients that are not browsers', async () => {
    // Injected requests are addressed to localhost:80; the default public address is localhost:3000.
    const cases: Record<string, string>[] = [
      { origin: 'http://localhost:80' },
      { origin: 'http://localhost:3000' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of cases) {
      const res = await signInFrom(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });

  it('are not checked on reads', async () => {
    const res = await inject({
      url: PLAN,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });
});
