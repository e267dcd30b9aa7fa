import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import {
  expectNothingWritten,
  expectProblem,
  getJson,
  seedWorld,
  type Json,
  type World,
} from './helpers.js';

/**
 * Criterion 4: an editor of unit u-dem works on the actions u-dem owns (a1), their
 * micro-actions and the measurements of their indicators (i1, linked to a1), and nothing else.
 */
let api: TestApi;
let world: World;
let editor: string;
let plan: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'editorDem']);
  editor = world.users.editorDem.cookie;
  plan = `/api/plans/${world.planId}`;
});
afterAll(async () => api.close());

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json) =>
  api.request({ method, url, cookie: editor, ...(payload ? { payload } : {}) });
const versionOf = async (url: string) =>
  (await getJson<{ version: number }>(api, url, editor)).version;

/** Asserts a 403 that left the database untouched. */
async function expectRefused(method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json) {
  const res = await expectNothingWritten(api.db, () => send(method, url, payload));
  return expectProblem(res, 403, 'forbidden');
}

describe('an editor of u-dem may', () => {
  it('PATCH action a1, which u-dem owns', async () => {
    const url = `${plan}/actions/a1`;
    const res = await send('PATCH', url, {
      title: 'Subentro ANPR completato',
      status: 'in_progress',
      progress: 40,
      version: await versionOf(url),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Subentro ANPR completato', progress: 40 });
  });

  it('add and remove micro-actions of a1', async () => {
    const created = await send('POST', `${plan}/actions/a1/micro-actions`, {
      id: 'm-ed',
      title: 'Allineamento dei registri',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: 'm-ed', actionId: 'a1' });
    const url = `${plan}/actions/a1/micro-actions/m-ed`;
    const patched = await send('PATCH', url, { status: 'completed', version: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    const removed = await send('DELETE', `${url}?version=2`);
    expect(removed.statusCode, removed.body).toBe(204);
  });

  it('add and remove measurements of indicator i1, linked to a1', async () => {
    const created = await send('POST', `${plan}/indicators/i1/measurements`, {
      id: 'ms-ed',
      date: '2025-12-31',
      value: 52,
    });
    expect(created.statusCode, created.body).toBe(201);
    const removed = await send('DELETE', `${plan}/indicators/i1/measurements/ms-ed?version=1`);
    expect(removed.statusCode, removed.body).toBe(204);
  });
});

describe('an editor of u-dem may not', () => {
  it('PATCH action a2, owned by u-tec', async () => {
    const url = `${plan}/actions/a2`;
    await expectRefused('PATCH', url, { title: 'Presa', version: await versionOf(url) });
  });

  it.each([
    ['ownerUnitIds', ['u-dem', 'u-tec']],
    ['priorityId', 'p2'],
  ])('change %s of a1, even though a1 is theirs', async (field, value) => {
    const url = `${plan}/actions/a1`;
    const problem = await expectRefused('PATCH', url, {
      [field]: value,
      version: await versionOf(url),
    });
    expect(problem.detail).toContain(field);
  });

  it('create an action, even one owned by u-dem', async () => {
    await expectRefused('POST', `${plan}/actions`, {
      priorityId: 'p1',
      title: 'Nuova azione',
      ownerUnitIds: ['u-dem'],
    });
  });

  it('delete action a1', async () => {
    const url = `${plan}/actions/a1`;
    await expectRefused('DELETE', `${url}?version=${await versionOf(url)}`);
  });

  it('add micro-actions to a2, or measurements to an indicator of a2', async () => {
    await expectRefused('POST', `${plan}/actions/a2/micro-actions`, { title: 'Intrusa' });
    const indicator = await api.request({
      method: 'POST',
      url: `${plan}/indicators`,
      payload: { id: 'i-tec', actionId: 'a2', name: 'Visite al sito' },
      cookie: world.users.admin.cookie,
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    await expectRefused('POST', `${plan}/indicators/i-tec/measurements`, {
      date: '2025-06-30',
      value: 1,
    });
  });

  it('create a micro-action of a1 that names another unit as its owner', async () => {
    await expectRefused('POST', `${plan}/actions/a1/micro-actions`, {
      title: 'Assegnata altrove',
      ownerUnitIds: ['u-tec'],
    });
  });

  it('touch spending or priorities', async () => {
    const spending = `${plan}/spending/sp1`;
    await expectRefused('PATCH', spending, { amount: 1, version: await versionOf(spending) });
    await expectRefused('POST', `${plan}/spending`, {
      description: 'Spesa',
      fundingSource: 'Bilancio comunale',
      amount: 10,
    });
    const priority = `${plan}/priorities/p1`;
    await expectRefused('PATCH', priority, { title: 'Mia', version: await versionOf(priority) });
    await expectRefused('POST', `${plan}/priorities`, { title: 'Nuova priorità' });
  });

  it('change the plan itself', async () => {
    await expectRefused('PATCH', plan, { title: 'Mio', version: await versionOf(plan) });
  });
});

describe('nested parts are reached only through their own parent', () => {
  it('micro-action m1 of a1 is not found under a2, for reading or writing', async () => {
    const admin = world.users.admin.cookie;
    const wrong = `${plan}/actions/a2/micro-actions/m1`;
    expectProblem(await api.request({ method: 'GET', url: wrong, cookie: admin }), 404);
    const version = (
      await getJson<{ version: number }>(api, `${plan}/actions/a1/micro-actions/m1`, admin)
    ).version;
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'PATCH',
        url: wrong,
        payload: { title: 'Spostata?', version },
        cookie: admin,
      }),
    );
    expectProblem(res, 404, 'not_found');
    const del = await expectNothingWritten(api.db, () =>
      api.request({ method: 'DELETE', url: `${wrong}?version=${version}`, cookie: admin }),
    );
    expectProblem(del, 404, 'not_found');
  });

  it('the micro-actions list of a2 does not show a1’s', async () => {
    const list = await getJson<{ items: Json[]; total: number }>(
      api,
      `${plan}/actions/a2/micro-actions`,
      world.users.admin.cookie,
    );
    expect(list).toMatchObject({ items: [], total: 0 });
  });
});
