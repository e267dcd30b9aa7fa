import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { seedWorld, type World } from './helpers.js';

const PUBLIC = 'https://piano.comune.example.it';
const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi({ PIANO_PUBLIC_URL: `${PUBLIC}/` });
  world = await seedWorld(api, 'published', ['admin']);
});
afterAll(async () => api.close());

describe('generated links come from PIANO_PUBLIC_URL, never from the Host header', () => {
  it('writes the DCAT-AP_IT distributions from the configured address', async () => {
    const res = await api.request({
      url: `/api/plans/${world.planId}/exports/dataset.jsonld`,
      headers: FORGED,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('evil.example');
    const body = res.json<{ 'dcat:distribution': { '@id': string }[] }>();
    const ids = body['dcat:distribution'].map((d) => d['@id']);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids)
      expect(id.startsWith(`${PUBLIC}/api/plans/${world.planId}/exports/`), id).toBe(true);
  });

  it('lists the downloads with the configured address', async () => {
    const res = await api.request({ url: `/api/plans/${world.planId}/exports`, headers: FORGED });
    const items = res.json<{ items: { url: string }[] }>().items;
    for (const item of items) expect(item.url.startsWith(`${PUBLIC}/`), item.url).toBe(true);
  });

  it('gives the calendar feed address on the configured host', async () => {
    const res = await api.request({
      method: 'POST',
      url: `/api/organizations/${world.organizationId}/calendar-token`,
      headers: FORGED,
      cookie: world.users.admin.cookie,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ url: string }>().url).toMatch(
      new RegExp(`^${PUBLIC}/calendar/[A-Za-z0-9_-]+\\.ics$`),
    );
  });
});

describe('the public address in the configuration', () => {
  it('is required in production, with an Italian message that names it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /PIANO_PUBLIC_URL: è obbligatorio in produzione/,
    );
    expect(loadConfig({ NODE_ENV: 'production', PIANO_PUBLIC_URL: PUBLIC }).PIANO_PUBLIC_URL).toBe(
      PUBLIC,
    );
  });

  it('must be an http(s) address', () => {
    expect(() => loadConfig({ PIANO_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(
      /PIANO_PUBLIC_URL/,
    );
    expect(() => loadConfig({ PIANO_PUBLIC_URL: 'piano.example.it' })).toThrow(/PIANO_PUBLIC_URL/);
  });
});
