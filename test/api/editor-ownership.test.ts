import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_PARTS, type PartResource } from '../../src/api/part-resources.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { getJson, seedWorld, type Json, type World } from './helpers.js';

/**
 * Issue 13, item 5: ownership is checked on the result of an editor's write, not on a list of
 * protected fields. For each part an editor may update, every field the API lets them send is
 * given values taken from real rows of the same kind — their own unit's and another unit's —
 * and whatever the combination, an accepted write leaves the part in the editor's unit and a
 * refused one leaves it unchanged.
 */
let api: TestApi;
let world: World;
let admin: string;
let editor: string;
let plan: string;

/** The editor's own part of each kind (under u-dem's action a1) and a foreign one (u-tec's a2). */
const TARGETS: Record<string, { own: string; foreign: string; parent?: [string, string] }> = {
  actions: { own: 'a1', foreign: 'a2' },
  'micro-actions': { own: 'm1', foreign: 'm-tec', parent: ['a1', 'a2'] },
  indicators: { own: 'i1', foreign: 'i-tec' },
  measurements: { own: 'ms1', foreign: 'ms-tec', parent: ['i1', 'i-tec'] },
};

const resourceOf = (path: string) => PLAN_PARTS.find((r) => r.path === path)!;
const urlOf = (r: PartResource, key: string, parent?: string) =>
  r.parentPath ? `${plan}/${r.parentPath}/${parent}/${r.path}/${key}` : `${plan}/${r.path}/${key}`;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'editorDem']);
  admin = world.users.admin.cookie;
  editor = world.users.editorDem.cookie;
  plan = `/api/plans/${world.planId}`;
  for (const [url, payload] of [
    [`${plan}/actions/a2/micro-actions`, { id: 'm-tec', title: 'Redazione dei contenuti' }],
    [
      `${plan}/indicators`,
      { id: 'i-tec', actionId: 'a2', priorityId: 'p2', name: 'Visite', unit: 'n.' },
    ],
    [`${plan}/indicators/i-tec/measurements`, { id: 'ms-tec', date: '2025-09-30', value: 7 }],
  ] as const) {
    const res = await api.request({ method: 'POST', url, payload, cookie: admin });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => api.close());

/** The units that own a part as stored: its own owners, or those of its action. */
async function ownersOf(path: string, row: Json): Promise<string[]> {
  const actionOwners = async (actionId: unknown) =>
    typeof actionId === 'string'
      ? (await getJson<{ ownerUnitIds: string[] }>(api, `${plan}/actions/${actionId}`, admin))
          .ownerUnitIds
      : [];
  if (path === 'actions') return row.ownerUnitIds as string[];
  if (path === 'micro-actions' || path === 'indicators') return actionOwners(row.actionId);
  const indicator = await getJson<Json>(
    api,
    `${plan}/indicators/${row.indicatorId as string}`,
    admin,
  );
  return actionOwners(indicator.actionId);
}

describe('an editor’s update never moves a part out of their unit', () => {
  for (const path of Object.keys(TARGETS)) {
    it(`whatever fields of ${path} they send, with values of their own or another unit’s rows`, async () => {
      const r = resourceOf(path);
      const t = TARGETS[path]!;
      const ownUrl = urlOf(r, t.own, t.parent?.[0]);
      const foreignUrl = urlOf(r, t.foreign, t.parent?.[1]);
      const own = await getJson<Json>(api, ownUrl, admin);
      const foreign = await getJson<Json>(api, foreignUrl, admin);
      const fields = Object.keys(r.patch.properties).filter((f) => f !== 'version');
      // Whatever the output carries of a field (a parent's key too) is a value a client may send.
      const valuesOf = (field: string) =>
        [own[field], foreign[field]].filter((v) => v !== undefined);
      const patch = fc.record(
        Object.fromEntries(
          fields
            .filter((f) => valuesOf(f).length > 0)
            .map((f) => [f, fc.constantFrom(...valuesOf(f))]),
        ),
        { requiredKeys: [] },
      );
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(patch, async (changes) => {
          fc.pre(Object.keys(changes).length > 0);
          const before = await getJson<Json>(api, ownUrl, admin);
          const res = await api.request({
            method: 'PATCH',
            url: ownUrl,
            payload: { ...changes, version: before.version },
            cookie: editor,
          });
          const after = await getJson<Json>(api, ownUrl, admin);
          if (res.statusCode === 200) {
            accepted++;
            expect(await ownersOf(path, after)).toContain('u-dem');
          } else {
            expect([403, 422], res.body).toContain(res.statusCode);
            expect(after).toEqual(before);
          }
        }),
        { numRuns: 40, seed: 13 },
      );
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it('refuses to move its own indicator onto another unit’s action, naming why', async () => {
    const url = `${plan}/indicators/i1`;
    const { version } = await getJson<{ version: number }>(api, url, editor);
    const res = await api.request({
      method: 'PATCH',
      url,
      payload: { actionId: 'a2', version },
      cookie: editor,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().detail).toContain('non appartiene al tuo settore');
    expect(await getJson<Json>(api, url, admin)).toMatchObject({ actionId: 'a1', version });
  });
});
