import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectNothingWritten, expectProblem, getJson, seedWorld, type World } from './helpers.js';

interface Plan {
  id: string;
  organizationId: string;
  title: string;
  startYear: number;
  endYear: number;
  status: string;
  approval: unknown;
  relatedInstruments: unknown[];
  version: number;
  updatedAt: string;
}

let api: TestApi;
let world: World;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'published', ['admin']);
  admin = world.users.admin.cookie;
});
afterAll(async () => api.close());

const plansOf = (organizationId: string) => `/api/organizations/${organizationId}/plans`;

describe('POST /api/organizations/:organizationId/plans', () => {
  it('starts an empty draft plan with defaults filled in', async () => {
    const res = await api.request({
      method: 'POST',
      url: plansOf(world.organizationId),
      payload: { title: 'Piano triennale 2026-2028', startYear: 2026, endYear: 2028 },
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json<Plan>();
    expect(plan).toMatchObject({
      organizationId: world.organizationId,
      status: 'draft',
      approval: null,
      relatedInstruments: [],
      version: 1,
    });
    const actions = await getJson<{ total: number }>(api, `/api/plans/${plan.id}/actions`, admin);
    expect(actions.total).toBe(0);
  });

  it('refuses a period that ends before it starts, naming the field, and stores nothing', async () => {
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: plansOf(world.organizationId),
        payload: { title: 'Piano al contrario', startYear: 2027, endYear: 2025 },
        cookie: admin,
      }),
    );
    const problem = expectProblem(res, 422, 'validation');
    expect(problem.errors?.[0]).toMatchObject({
      field: '/endYear',
      message: 'non può precedere l’anno di inizio',
    });
  });
});

describe('PATCH /api/plans/:planId', () => {
  it('changes only the fields sent on a draft', async () => {
    const created = await api.request({
      method: 'POST',
      url: plansOf(world.organizationId),
      payload: { title: 'Piano da rinominare', startYear: 2026, endYear: 2028 },
      cookie: admin,
    });
    const url = `/api/plans/${created.json<Plan>().id}`;
    const before = await getJson<Plan>(api, url, admin);
    const res = await api.request({
      method: 'PATCH',
      url,
      payload: { title: 'Piano triennale aggiornato', version: before.version },
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { updatedAt: _u, ...after } = res.json<Plan>();
    const { updatedAt: _b, ...rest } = before;
    expect(after).toEqual({
      ...rest,
      title: 'Piano triennale aggiornato',
      version: before.version + 1,
    });
  });

  it('refuses to change a published plan: 409 plan_frozen, nothing written', async () => {
    const url = `/api/plans/${world.planId}`;
    const before = await getJson<Plan>(api, url, admin);
    expect(before.status).toBe('published');
    expect(before.approval).toMatchObject({ organ: 'Giunta comunale' });
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'PATCH',
        url,
        payload: { title: 'Piano triennale aggiornato', version: before.version },
        cookie: admin,
      }),
    );
    expect(expectProblem(res, 409, 'plan_frozen').detail).toMatch(/nuova revisione/);
  });

  it('refuses status and approval as fields: they move through the lifecycle only', async () => {
    const url = `/api/plans/${world.planId}`;
    const { version } = await getJson<Plan>(api, url, admin);
    for (const payload of [
      { status: 'draft', version },
      { approval: { organ: 'Giunta', number: '1', date: '2025-01-01' }, version },
    ]) {
      const res = await expectNothingWritten(api.db, () =>
        api.request({ method: 'PATCH', url, payload, cookie: admin }),
      );
      expectProblem(res, 422, 'validation');
    }
  });
});

describe('PATCH /api/plans/:planId with a bad period', () => {
  it('names /endYear, the field of the body, and changes nothing', async () => {
    const url = `/api/plans/${world.planId}`;
    const { version } = await getJson<Plan>(api, url, admin);
    const res = await expectNothingWritten(api.db, () =>
      api.request({ method: 'PATCH', url, payload: { endYear: 2040, version }, cookie: admin }),
    );
    expect(expectProblem(res, 422, 'validation').errors?.[0]?.field).toBe('/endYear');
  });
});

describe('DELETE /api/plans/:planId', () => {
  it('refuses to delete a published plan, in the database itself', async () => {
    const url = `/api/plans/${world.planId}`;
    const { version } = await getJson<Plan>(api, url, admin);
    const res = await expectNothingWritten(api.db, () =>
      api.request({ method: 'DELETE', url: `${url}?version=${version}`, cookie: admin }),
    );
    expectProblem(res, 409, 'plan_frozen');
  });

  it('deletes a draft plan with all its parts', async () => {
    const doc = (await getJson(api, `/api/plans/${world.planId}/document`, admin)) as {
      plan: { status: string };
    };
    doc.plan.status = 'draft';
    const loaded = await api.request({
      method: 'POST',
      url: `/api/plans/documents?organizationId=${world.organizationId}`,
      payload: doc,
      cookie: admin,
    });
    expect(loaded.statusCode, loaded.body).toBe(201);
    const { planId } = loaded.json<{ planId: string }>();
    const url = `/api/plans/${planId}`;
    const { version } = await getJson<Plan>(api, url, admin);
    const res = await api.request({
      method: 'DELETE',
      url: `${url}?version=${version}`,
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await api.request({ method: 'GET', url, cookie: admin }), 404);
    const rows = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM actions WHERE plan_id = $1',
      [planId],
    );
    expect(rows[0]?.n).toBe(0);
  });
});

describe('POST /api/plans/documents', () => {
  it('loads an exported document back as a new plan of the same organization (round trip)', async () => {
    const exported = await getJson<{
      actions: { id: string }[];
      organization: { ipaCode: string };
    }>(api, `/api/plans/${world.planId}/document`, admin);
    const res = await api.request({
      method: 'POST',
      url: '/api/plans/documents',
      payload: exported,
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(201);
    const loaded = res.json<{ organizationId: string; planId: string }>();
    expect(loaded.organizationId).toBe(world.organizationId);
    const again = await getJson<{ actions: { id: string }[] }>(
      api,
      `/api/plans/${loaded.planId}/document`,
      admin,
    );
    expect(again.actions.map((a) => a.id)).toEqual(exported.actions.map((a) => a.id));
  });
});
