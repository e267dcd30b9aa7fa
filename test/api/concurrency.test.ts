import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import {
  ALL_PARTS,
  SAMPLES,
  expectProblem,
  getJson,
  partRoute,
  partUrl,
  seedWorld,
  type Json,
  type World,
} from './helpers.js';

/**
 * Optimistic concurrency: a write names the version it read. For every PATCH endpoint a stale
 * version is a 409 version_conflict that leaves the row as it was, and of two simultaneous
 * PATCHes from the same version exactly one wins; for every DELETE likewise.
 */
let api: TestApi;
let world: World;
let cookie: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin']);
  cookie = world.users.admin.cookie;
});
afterAll(async () => api.close());

const patch = (url: string, payload: Json) =>
  api.request({ method: 'PATCH', url, payload, cookie });

/** Two PATCHes from the same version, sent together: exactly one 200 and one 409. */
async function expectOneWinner(url: string, a: Json, b: Json) {
  const results = await Promise.all([patch(url, a), patch(url, b)]);
  const statuses = results.map((r) => r.statusCode).sort();
  expect(statuses, results.map((r) => r.body).join('\n')).toEqual([200, 409]);
  const loser = results.find((r) => r.statusCode === 409);
  expectProblem(loser!, 409, 'version_conflict');
  const winner = results.find((r) => r.statusCode === 200)!.json<Json>();
  expect(await getJson(api, url, cookie)).toEqual(winner);
}

describe.each(ALL_PARTS.map((r) => ({ r, route: partRoute(r) })))('$route', ({ r }) => {
  const sample = SAMPLES[r.table.type];
  let url: string;

  beforeAll(async () => {
    // A row of its own, with no dependents, so that the final DELETE may succeed.
    const created = await api.request({
      method: 'POST',
      url: partUrl(r, world, sample.parentId),
      payload: { ...sample.create, id: 'cc-1' },
      cookie,
    });
    expect(created.statusCode, created.body).toBe(201);
    url = `${partUrl(r, world, sample.parentId)}/cc-1`;
  });

  it('PATCH with a stale version gets 409 version_conflict and the row is unchanged', async () => {
    const first = await patch(url, { ...sample.patch, version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Json>().version).toBe(2);
    const stored = await getJson(api, url, cookie);

    expectProblem(await patch(url, { ...sample.create, version: 1 }), 409, 'version_conflict');
    expect(await getJson(api, url, cookie)).toEqual(stored);
  });

  it('DELETE with a stale ?version= gets 409 version_conflict and the row stays', async () => {
    const stored = await getJson(api, url, cookie);
    const res = await api.request({ method: 'DELETE', url: `${url}?version=1`, cookie });
    expectProblem(res, 409, 'version_conflict');
    expect(await getJson(api, url, cookie)).toEqual(stored);
  });

  it('of two concurrent PATCHes with the same version, exactly one succeeds', async () => {
    const { version } = await getJson<{ version: number }>(api, url, cookie);
    await expectOneWinner(
      url,
      { ...sample.patch, version },
      { ...sample.create, id: undefined, version },
    );
  });

  it('DELETE with the current version succeeds', async () => {
    const { version } = await getJson<{ version: number }>(api, url, cookie);
    const res = await api.request({ method: 'DELETE', url: `${url}?version=${version}`, cookie });
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await api.request({ method: 'GET', url, cookie }), 404, 'not_found');
  });
});

describe('PATCH /api/organizations/:organizationId', () => {
  const url = () => `/api/organizations/${world.organizationId}`;

  it('with a stale version gets 409 version_conflict and the organization is unchanged', async () => {
    const { version } = await getJson<{ version: number }>(api, url(), cookie);
    expect((await patch(url(), { population: 4300, version })).statusCode).toBe(200);
    const stored = await getJson(api, url(), cookie);
    expectProblem(await patch(url(), { name: 'Stale', version }), 409, 'version_conflict');
    expect(await getJson(api, url(), cookie)).toEqual(stored);
  });

  it('of two concurrent PATCHes with the same version, exactly one succeeds', async () => {
    const { version } = await getJson<{ version: number }>(api, url(), cookie);
    await expectOneWinner(url(), { name: 'Uno', version }, { name: 'Due', version });
  });
});

describe('PATCH and DELETE /api/plans/:planId', () => {
  const url = () => `/api/plans/${world.planId}`;

  it('PATCH with a stale version gets 409 version_conflict and the plan is unchanged', async () => {
    const { version } = await getJson<{ version: number }>(api, url(), cookie);
    expect((await patch(url(), { revisionLabel: 'Rev. 1', version })).statusCode).toBe(200);
    const stored = await getJson(api, url(), cookie);
    expectProblem(await patch(url(), { title: 'Stale', version }), 409, 'version_conflict');
    expect(await getJson(api, url(), cookie)).toEqual(stored);
  });

  it('of two concurrent PATCHes with the same version, exactly one succeeds', async () => {
    const { version } = await getJson<{ version: number }>(api, url(), cookie);
    await expectOneWinner(url(), { title: 'Uno', version }, { title: 'Due', version });
  });

  it('DELETE with a stale ?version= gets 409 version_conflict and the plan stays', async () => {
    const { version } = await getJson<{ version: number }>(api, url(), cookie);
    const res = await api.request({
      method: 'DELETE',
      url: `${url()}?version=${version - 1}`,
      cookie,
    });
    expectProblem(res, 409, 'version_conflict');
    expect((await getJson<{ version: number }>(api, url(), cookie)).version).toBe(version);
  });

  it('a DELETE racing a PATCH from the same version: exactly one succeeds', async () => {
    const { version } = await getJson<{ version: number }>(api, url(), cookie);
    const [patched, deleted] = await Promise.all([
      patch(url(), { title: 'Ultimo titolo', version }),
      api.request({ method: 'DELETE', url: `${url()}?version=${version}`, cookie }),
    ]);
    const outcome = [patched.statusCode, deleted.statusCode];
    expect(outcome, `${patched.body}\n${deleted.body}`).toSatisfy(
      // The PATCH loses with 409, or with 404 when it only starts after the plan is gone.
      (s: number[]) =>
        (s[0] === 200 && s[1] === 409) || ([404, 409].includes(s[0] ?? 0) && s[1] === 204),
    );
    const after = await api.request({ method: 'GET', url: url(), cookie });
    expect(after.statusCode).toBe(deleted.statusCode === 204 ? 404 : 200);
  });
});
