import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectProblem, getJson, seedWorld, type World } from './helpers.js';

/**
 * Criterion 4, reading: members (viewers included) read their organization's drafts; a draft
 * does not exist for anybody else (404); a published plan is public.
 */
let api: TestApi;
let draft: World;
let published: World;

beforeAll(async () => {
  api = await startTestApi();
  draft = await seedWorld(api, 'draft', ['admin', 'viewer', 'editorDem', 'outsider']);
  published = await seedWorld(api, 'published', ['outsider']);
});
afterAll(async () => api.close());

const readUrls = (planId: string) => [
  `/api/plans/${planId}`,
  `/api/plans/${planId}/document`,
  `/api/plans/${planId}/actions`,
  `/api/plans/${planId}/actions/a1`,
  `/api/plans/${planId}/actions/a1/micro-actions`,
  `/api/plans/${planId}/indicators/i1/measurements`,
];

describe('a draft plan', () => {
  it.each(['viewer', 'editorDem', 'admin'] as const)(
    'is readable, with its parts and document, by a %s of its organization',
    async (actor) => {
      for (const url of readUrls(draft.planId)) {
        await getJson(api, url, draft.users[actor].cookie);
      }
    },
  );

  it('is 404 for an anonymous caller', async () => {
    for (const url of readUrls(draft.planId)) {
      expectProblem(await api.request({ method: 'GET', url }), 404, 'not_found');
    }
  });

  it('is 404 for a user of another organization', async () => {
    for (const url of readUrls(draft.planId)) {
      const res = await api.request({ method: 'GET', url, cookie: draft.users.outsider.cookie });
      expectProblem(res, 404, 'not_found');
    }
  });

  it('is not listed to anonymous callers or other organizations', async () => {
    const anonymous = await getJson<{ items: { id: string }[] }>(api, '/api/plans?limit=500');
    expect(anonymous.items.map((p) => p.id)).not.toContain(draft.planId);
    const outsider = await getJson<{ items: { id: string }[] }>(
      api,
      '/api/plans?limit=500',
      draft.users.outsider.cookie,
    );
    expect(outsider.items.map((p) => p.id)).not.toContain(draft.planId);
    const viewer = await getJson<{ items: { id: string }[] }>(
      api,
      '/api/plans?limit=500',
      draft.users.viewer.cookie,
    );
    expect(viewer.items.map((p) => p.id)).toContain(draft.planId);
  });
});

describe('a published plan', () => {
  it('is readable by anyone, anonymous included, with GET /api/plans/:id/document', async () => {
    for (const cookie of [undefined, published.users.outsider.cookie]) {
      for (const url of readUrls(published.planId)) await getJson(api, url, cookie);
    }
    const doc = await getJson<{ plan: { title: string; status: string } }>(
      api,
      `/api/plans/${published.planId}/document`,
    );
    expect(doc.plan).toMatchObject({ title: 'Piano triennale di prova', status: 'published' });
  });

  it('is listed to anonymous callers', async () => {
    const list = await getJson<{ items: { id: string }[] }>(api, '/api/plans?limit=500');
    expect(list.items.map((p) => p.id)).toContain(published.planId);
  });

  it('does not open its organization’s units to anonymous callers', async () => {
    const res = await api.request({
      method: 'GET',
      url: `/api/organizations/${published.organizationId}/units`,
    });
    expectProblem(res, 401, 'unauthenticated');
  });
});
