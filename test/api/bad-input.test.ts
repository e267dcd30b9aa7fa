import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { planDocument } from '../support/factories.js';
import {
  expectNothingWritten,
  expectProblem,
  getJson,
  seedWorld,
  type Json,
  type World,
} from './helpers.js';

/** Criterion 3: every kind of bad request is refused in problem+json and stores nothing. */
const BODY_LIMIT = 2048;
let api: TestApi;
let world: World;
let cookie: string;
let actions: string;

beforeAll(async () => {
  api = await startTestApi({ PIANO_BODY_LIMIT: String(BODY_LIMIT) });
  world = await seedWorld(api, 'draft', ['admin', 'consultant']);
  cookie = world.users.admin.cookie;
  actions = `/api/plans/${world.planId}/actions`;
});
afterAll(async () => api.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  api.request({
    method: 'POST',
    url,
    cookie,
    headers,
    payload: payload as string,
  });

const countActions = async () => (await getJson<{ total: number }>(api, actions, cookie)).total;

describe('a malformed request body', () => {
  it('that is not JSON gets 400 malformed_json', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, '{"title": "Azione", "priorityId":', { 'content-type': 'application/json' }),
    );
    expectProblem(res, 400, 'malformed_json');
  });

  it('that is empty while declared JSON gets 400 malformed_json', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, '', { 'content-type': 'application/json' }),
    );
    expectProblem(res, 400, 'malformed_json');
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
    'sent as %s gets 415 unsupported_media_type',
    async (type) => {
      const before = await countActions();
      const res = await expectNothingWritten(api.db, () =>
        post(actions, 'title=Azione&priorityId=p1', { 'content-type': type }),
      );
      expectProblem(res, 415, 'unsupported_media_type');
      expect(await countActions()).toBe(before);
    },
  );

  it(`bigger than PIANO_BODY_LIMIT (${BODY_LIMIT} bytes) gets 413 payload_too_large`, async () => {
    const payload = { priorityId: 'p1', title: 'Azione', description: 'x'.repeat(BODY_LIMIT) };
    const res = await expectNothingWritten(api.db, () => post(actions, payload));
    expectProblem(res, 413, 'payload_too_large');
  });
});

describe('a body that does not match the schema', () => {
  it('with a wrong type gets 422 naming the field, in Italian', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, { priorityId: 'p1', title: 42 }),
    );
    const problem = expectProblem(res, 422, 'validation');
    expect(problem.errors).toContainEqual({
      field: '/title',
      in: 'body',
      message: 'deve essere di tipo testo',
    });
  });

  it('with an unknown field gets 422: "/foo" non è un campo previsto', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, { priorityId: 'p1', title: 'Azione', foo: 1 }),
    );
    const problem = expectProblem(res, 422, 'validation');
    expect(problem.errors).toEqual([
      { field: '/foo', in: 'body', message: 'non è un campo previsto' },
    ]);
  });

  it('missing a required field gets 422: "/title" è obbligatorio', async () => {
    const res = await expectNothingWritten(api.db, () => post(actions, { priorityId: 'p1' }));
    expect(expectProblem(res, 422, 'validation').errors).toContainEqual({
      field: '/title',
      in: 'body',
      message: 'è obbligatorio',
    });
  });

  it('lists every problem at once', async () => {
    const res = await post(actions, { priorityId: 7, title: 42, status: 'finita', foo: true });
    const fields = expectProblem(res, 422, 'validation').errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/priorityId', '/title', '/status', '/foo']));
  });

  it('PATCH with a wrong type or an unknown field gets 422 and the row is unchanged', async () => {
    const url = `${actions}/a1`;
    const before = await getJson(api, url, cookie);
    for (const payload of [
      { title: ['no'], version: before.version },
      { bar: 1, version: before.version },
      { version: before.version },
    ]) {
      const res = await expectNothingWritten(api.db, () =>
        api.request({ method: 'PATCH', url, payload, cookie }),
      );
      expectProblem(res, 422, 'validation');
    }
    expect(await getJson(api, url, cookie)).toEqual(before);
  });
});

describe('a body the plan’s data refuses', () => {
  it('referring to a priority that does not exist gets 422 naming /priorityId', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, { priorityId: 'nope', title: 'Azione' }),
    );
    expect(expectProblem(res, 422, 'validation').errors).toContainEqual(
      expect.objectContaining({ field: '/priorityId' }),
    );
  });

  it('referring to a unit that does not exist gets 422 naming /ownerUnitIds', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, { priorityId: 'p1', title: 'Azione', ownerUnitIds: ['u-nope'] }),
    );
    expect(expectProblem(res, 422, 'validation').errors).toContainEqual(
      expect.objectContaining({ field: '/ownerUnitIds' }),
    );
  });

  it('that the database refuses (an empty title) gets 422 naming /title', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, { priorityId: 'p1', title: '' }),
    );
    expect(expectProblem(res, 422, 'validation').errors).toEqual([
      { field: '/title', in: 'body', message: 'non è valido' },
    ]);
  });

  it('reusing an existing id gets 409 conflict naming /id', async () => {
    const res = await expectNothingWritten(api.db, () =>
      post(actions, { id: 'a1', priorityId: 'p1', title: 'Doppione' }),
    );
    expect(expectProblem(res, 409, 'conflict').errors).toContainEqual(
      expect.objectContaining({ field: '/id' }),
    );
  });

  it('deleting a priority that still has actions gets 409 and deletes nothing', async () => {
    const url = `/api/plans/${world.planId}/priorities/p1`;
    const { version } = await getJson<{ version: number }>(api, url, cookie);
    const res = await expectNothingWritten(api.db, () =>
      api.request({ method: 'DELETE', url: `${url}?version=${version}`, cookie }),
    );
    expectProblem(res, 409, 'conflict');
    await getJson(api, url, cookie);
  });
});

describe('a broken whole-plan document (POST /api/plans/documents)', () => {
  const counts = async () =>
    (
      await api.db.query<{ organizations: number; plans: number }>(
        `SELECT (SELECT count(*)::int FROM organizations) AS organizations,
                (SELECT count(*)::int FROM plans) AS plans`,
      )
    )[0];

  it('with a dangling reference gets 422 with a pointer per problem and creates nothing', async () => {
    const doc = planDocument() as Json & { actions: Json[]; spending: Json[] };
    (doc.actions[0] as Json).priorityId = 'nope';
    (doc.spending[0] as Json).actionId = 'a-nope';
    const before = await counts();
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: '/api/plans/documents',
        payload: doc,
        cookie: world.users.consultant.cookie,
      }),
    );
    const fields = expectProblem(res, 422, 'validation').errors?.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['/actions/0/priorityId', '/spending/0/actionId']),
    );
    expect(await counts()).toEqual(before);
  });

  it('with a schema error deep inside gets 422 pointing at it and creates nothing', async () => {
    const doc = planDocument() as Json & { indicators: { measurements: Json[] }[] };
    (doc.indicators[0]?.measurements[0] as Json).date = '31/12/2025';
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: '/api/plans/documents',
        payload: doc,
        cookie: world.users.consultant.cookie,
      }),
    );
    expect(expectProblem(res, 422, 'validation').errors).toContainEqual(
      expect.objectContaining({ field: '/indicators/0/measurements/0/date' }),
    );
  });

  it('that the database refuses half-way rolls back the organization it had created', async () => {
    // The schema accepts an empty plan title; the database does not. By then the new
    // organization and its units are written: all of it must go.
    const doc = planDocument() as Json & { plan: Json };
    doc.plan.title = '';
    const before = await counts();
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: '/api/plans/documents',
        payload: doc,
        cookie: world.users.consultant.cookie,
      }),
    );
    expectProblem(res, 422, 'validation');
    expect(await counts()).toEqual(before);
  });
});

describe('a bad query string', () => {
  it('with limit above 500 gets 422 naming /limit', async () => {
    const res = await api.request({ method: 'GET', url: `${actions}?limit=501`, cookie });
    expect(expectProblem(res, 422, 'validation').errors).toContainEqual(
      expect.objectContaining({ field: '/limit', in: 'querystring' }),
    );
  });

  it('with a DELETE version that is not a number gets 422 and deletes nothing', async () => {
    const res = await expectNothingWritten(api.db, () =>
      api.request({ method: 'DELETE', url: `${actions}/a2?version=latest`, cookie }),
    );
    expectProblem(res, 422, 'validation');
  });
});
