import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { startTestApi, type TestApi } from '../support/api.js';
import type { PartResource } from '../../src/api/part-resources.js';
import {
  SAMPLES,
  partRoute,
  partUrl,
  versionOf,
  expectForbiddenOrHidden,
  expectNothingWritten,
  expectProblem,
  seedWorld,
  type Actor,
  type World,
} from './helpers.js';

/**
 * One write endpoint, as a request any caller could send. `target` names the row a PATCH or
 * DELETE acts on (the seeded one when omitted); `prepare` may create it first.
 */
export interface WriteCase {
  name: string;
  /** Who may do it: the positive control proves the request itself is valid. */
  allowed: Actor;
  request: (api: TestApi, world: World) => Promise<InjectOptions>;
  /** The request the allowed actor sends, on rows it may destroy (defaults to `request`). */
  control?: (api: TestApi, world: World) => Promise<InjectOptions>;
}

/** Who is refused, and how: another organization's admin, under-privileged roles, anonymous. */
const REFUSED: { actor: Actor | 'anonymous'; who: string; expected: string }[] = [
  { actor: 'outsider', who: 'an admin of another organization', expected: '403 or 404' },
  { actor: 'viewer', who: 'a viewer', expected: '403' },
  { actor: 'editorTec', who: 'an editor of another unit (u-tec)', expected: '403' },
  { actor: 'anonymous', who: 'an anonymous caller', expected: '401' },
];

/**
 * Registers, for each case and each refused caller, a test that the write is refused in
 * problem+json and leaves the database exactly as it was; plus a positive control per case.
 */
export function describeWriteRefusals(title: string, cases: WriteCase[]) {
  describe(title, () => {
    // One database for all three worlds: each is its own organization, and the positive
    // controls, which do change things, run after every refusal.
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(async () => api.close());

    for (const status of ['draft', 'published']) {
      describe(`on a ${status} plan`, () => {
        let world: World;
        beforeAll(async () => {
          world = await seedWorld(api, status, [
            'admin',
            'viewer',
            'editorDem',
            'editorTec',
            'outsider',
          ]);
        });

        for (const c of cases) {
          describe(c.name, () => {
            for (const r of REFUSED) {
              it(`is refused to ${r.who} with ${r.expected}, changing nothing`, async () => {
                const options = await c.request(api, world);
                const cookie = r.actor === 'anonymous' ? undefined : world.users[r.actor].cookie;
                const res = await expectNothingWritten(api.db, () =>
                  api.request({ ...options, cookie }),
                );
                if (r.actor === 'anonymous') expectProblem(res, 401, 'unauthenticated');
                else if (r.actor === 'outsider') expectForbiddenOrHidden(res);
                else expectProblem(res, 403, 'forbidden');
              });
            }
          });
        }
      });
    }

    describe('positive controls', () => {
      let world: World;
      beforeAll(async () => {
        world = await seedWorld(api);
      });

      for (const c of cases) {
        it(`${c.name} succeeds for its rightful user (${c.allowed})`, async () => {
          const options = await (c.control ?? c.request)(api, world);
          const res = await api.request({ ...options, cookie: world.users[c.allowed].cookie });
          expect([200, 201, 204], `${res.statusCode} ${res.body}`).toContain(res.statusCode);
        });
      }
    });
  });
}

/**
 * Every write on every part resource (PLAN_PARTS and ORGANIZATION_PARTS, read from
 * src/api/part-resources.ts, so a new resource is covered as soon as it is registered).
 */
export function partCases(r: PartResource): WriteCase[] {
  const sample = SAMPLES[r.table.type];
  const collection = (w: World) => partUrl(r, w, sample.parentId);
  const item = (w: World, key = sample.target) => `${collection(w)}/${key}`;
  /** The positive controls work on a row of their own, so deleting it breaks nothing. */
  const fresh = async (api: TestApi, w: World, key: string) => {
    const res = await api.request({
      method: 'POST',
      url: collection(w),
      payload: { ...sample.create, id: key },
      cookie: w.users.admin.cookie,
    });
    expect(res.statusCode, res.body).toBe(201);
    return key;
  };
  const patch = async (api: TestApi, w: World, key?: string) => ({
    method: 'PATCH' as const,
    url: item(w, key),
    payload: { ...sample.patch, version: await versionOf(api, item(w, key), w.users.admin.cookie) },
  });
  const remove = async (api: TestApi, w: World, key?: string) => ({
    method: 'DELETE' as const,
    url: `${item(w, key)}?version=${await versionOf(api, item(w, key), w.users.admin.cookie)}`,
  });
  return [
    {
      name: `POST ${partRoute(r)}`,
      allowed: 'admin',
      request: async (_api, w) => ({ method: 'POST', url: collection(w), payload: sample.create }),
    },
    {
      name: `PATCH ${partRoute(r)}/:id`,
      allowed: 'admin',
      request: (api, w) => patch(api, w),
      control: async (api, w) => patch(api, w, await fresh(api, w, 'ctl-patch')),
    },
    {
      name: `DELETE ${partRoute(r)}/:id`,
      allowed: 'admin',
      request: (api, w) => remove(api, w),
      control: async (api, w) => remove(api, w, await fresh(api, w, 'ctl-delete')),
    },
  ];
}
