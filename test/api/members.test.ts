import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectNothingWritten, expectProblem, getJson, seedWorld, type World } from './helpers.js';

interface Member {
  id: string;
  email: string;
  role: string;
  unitId: string | null;
}

let api: TestApi;
let world: World;
let admin: string;
let members: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'viewer', 'editorDem', 'outsider']);
  admin = world.users.admin.cookie;
  members = `/api/organizations/${world.organizationId}/members`;
});
afterAll(async () => api.close());

const put = (userId: string, payload: object, cookie = admin) =>
  api.request({ method: 'PUT', url: `${members}/${userId}`, payload, cookie });

describe('PUT /api/organizations/:organizationId/members/:userId', () => {
  it('changes an existing member’s role at once: a viewer made editor may edit their unit’s action', async () => {
    const viewer = world.users.viewer;
    const res = await put(viewer.id, { role: 'editor', unitId: 'u-dem' });
    expect(res.statusCode, res.body).toBe(200);
    const url = `/api/plans/${world.planId}/actions/a1`;
    const { version } = await getJson<{ version: number }>(api, url, viewer.cookie);
    const patched = await api.request({
      method: 'PATCH',
      url,
      payload: { progress: 20, version },
      cookie: viewer.cookie,
    });
    expect(patched.statusCode, patched.body).toBe(200);
  });

  it('refuses an editor without a unit, naming /unitId, and changes nothing', async () => {
    const res = await expectNothingWritten(api.db, () =>
      put(world.users.editorDem.id, { role: 'editor' }),
    );
    expect(expectProblem(res, 422, 'validation').errors?.[0]?.field).toBe('/unitId');
  });

  it('refuses a unit the organization does not have, naming /unitId, and changes nothing', async () => {
    const res = await expectNothingWritten(api.db, () =>
      put(world.users.editorDem.id, { role: 'editor', unitId: 'u-nope' }),
    );
    expect(expectProblem(res, 422, 'validation').errors?.[0]?.field).toBe('/unitId');
  });

  it('cannot add anyone: a person who is not a member answers 404 and gains no role', async () => {
    const res = await expectNothingWritten(api.db, () =>
      put(world.users.outsider.id, { role: 'admin' }),
    );
    expectProblem(res, 404, 'not_found');
  });

  it('no longer takes people by e-mail (the old way revealed accounts): 404', async () => {
    const res = await api.request({
      method: 'PUT',
      url: members,
      payload: { email: world.users.outsider.email, role: 'viewer' },
      cookie: admin,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /api/organizations/:organizationId/members', () => {
  it('lists the members and their roles to the admin', async () => {
    const list = await getJson<{ items: Member[] }>(api, members, admin);
    expect(list.items).toContainEqual(
      expect.objectContaining({
        email: world.users.editorDem.email,
        role: 'editor',
        unitId: 'u-dem',
      }),
    );
  });

  it('is refused to an editor (403)', async () => {
    const res = await api.request({
      method: 'GET',
      url: members,
      cookie: world.users.editorDem.cookie,
    });
    expectProblem(res, 403, 'forbidden');
  });
});

describe('DELETE /api/organizations/:organizationId/members/:userId', () => {
  it('takes the role away: the former member no longer sees the draft', async () => {
    const editor = world.users.editorDem;
    const res = await api.request({
      method: 'DELETE',
      url: `${members}/${editor.id}`,
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(204);
    const plan = await api.request({
      method: 'GET',
      url: `/api/plans/${world.planId}`,
      cookie: editor.cookie,
    });
    expectProblem(plan, 404, 'not_found');
  });

  it('answers 404 for a user who has no role in the organization', async () => {
    const res = await api.request({
      method: 'DELETE',
      url: `${members}/${world.users.editorDem.id}`,
      cookie: admin,
    });
    expectProblem(res, 404, 'not_found');
  });
});
