import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectNothingWritten, expectProblem, getJson, seedWorld, type World } from './helpers.js';

interface Organization {
  id: string;
  name: string;
  type: string;
  ipaCode: string | null;
  population: number | null;
  version: number;
}

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'viewer', 'outsider', 'consultant']);
});
afterAll(async () => api.close());

describe('POST /api/organizations', () => {
  it('lets a platform consultant create an ente and makes them its admin', async () => {
    const consultant = world.users.consultant.cookie;
    const res = await api.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { name: 'Comune di Borgo Nuovo', ipaCode: 'c_bn01', population: 900 },
      cookie: consultant,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<Organization>();
    expect(created).toMatchObject({ name: 'Comune di Borgo Nuovo', type: 'comune', version: 1 });
    const me = await getJson<{ memberships: { organizationId: string; role: string }[] }>(
      api,
      '/api/session',
      consultant,
    );
    expect(me.memberships).toContainEqual(
      expect.objectContaining({ organizationId: created.id, role: 'admin' }),
    );
  });

  it('refuses a duplicate IPA code with 409 naming /ipaCode, and creates nothing', async () => {
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: '/api/organizations',
        payload: { name: 'Doppione', ipaCode: world.ipaCode },
        cookie: world.users.consultant.cookie,
      }),
    );
    expect(expectProblem(res, 409, 'conflict').errors?.[0]?.field).toBe('/ipaCode');
  });
});

describe('GET /api/organizations', () => {
  it('shows a member only their own organizations', async () => {
    const list = await getJson<{ items: Organization[] }>(
      api,
      '/api/organizations',
      world.users.viewer.cookie,
    );
    expect(list.items.map((o) => o.id)).toEqual([world.organizationId]);
  });

  it('shows a consultant every organization', async () => {
    const list = await getJson<{ items: Organization[] }>(
      api,
      '/api/organizations',
      world.users.consultant.cookie,
    );
    expect(list.items.map((o) => o.id)).toEqual(
      expect.arrayContaining([world.organizationId, world.other.organizationId]),
    );
  });

  it('is 401 for anonymous callers, and another ente is 403 for a member', async () => {
    expectProblem(await api.request({ method: 'GET', url: '/api/organizations' }), 401);
    const res = await api.request({
      method: 'GET',
      url: `/api/organizations/${world.organizationId}`,
      cookie: world.users.outsider.cookie,
    });
    expectProblem(res, 403, 'forbidden');
  });
});

describe('PATCH /api/organizations/:organizationId', () => {
  const url = () => `/api/organizations/${world.organizationId}`;

  it('changes only the fields sent: the others keep their values', async () => {
    const admin = world.users.admin.cookie;
    const before = await getJson<Organization>(api, url(), admin);
    expect(before).toMatchObject({ ipaCode: world.ipaCode, population: 4200 });
    const res = await api.request({
      method: 'PATCH',
      url: url(),
      payload: { name: 'Comune di Prova Alta', version: before.version },
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      ...before,
      name: 'Comune di Prova Alta',
      version: before.version + 1,
    });
    expect(await getJson(api, url(), admin)).toEqual(res.json());
  });

  it('needs at least one field besides version', async () => {
    const admin = world.users.admin.cookie;
    const { version } = await getJson<Organization>(api, url(), admin);
    const res = await api.request({
      method: 'PATCH',
      url: url(),
      payload: { version },
      cookie: admin,
    });
    expectProblem(res, 422, 'validation');
  });
});
