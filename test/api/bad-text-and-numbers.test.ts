import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../src/catalog/parse-plan-document.js';
import { PianoError } from '../../src/domain/errors.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { planDocument } from '../support/factories.js';
import { expectNothingWritten, expectProblem, seedWorld, type World } from './helpers.js';

/** Issue 13, item 4: inputs that once answered 500 now get a 4xx problem that names them. */
let api: TestApi;
let world: World;
let admin: string;

const NUL = 'Sub\u0000entro';
const UNREADABLE = [NUL, 'bell\u0007', 'escape\u001b[31m', 'half \ud800 pair', 'lone \udc00'];

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin']);
  admin = world.users.admin.cookie;
});
afterAll(async () => api.close());

describe('text no part of piano can store', () => {
  it('is refused in a title with 422 naming the field, and nothing is written', async () => {
    for (const title of UNREADABLE) {
      const res = await expectNothingWritten(api.db, () =>
        api.request({
          method: 'POST',
          url: `/api/plans/${world.planId}/actions`,
          payload: { priorityId: 'p1', title, ownerUnitIds: ['u-dem'] },
          cookie: admin,
        }),
      );
      const problem = expectProblem(res, 422, 'validation');
      expect(problem.errors).toEqual([
        expect.objectContaining({
          field: '/title',
          in: 'body',
          message: expect.stringContaining('carattere non ammesso'),
        }),
      ]);
    }
  });

  it('is refused in a sign-in e-mail', async () => {
    const res = await api.request({
      method: 'POST',
      url: '/api/session',
      payload: { email: `rtd${NUL}@example.it`, password: 'una-password-qualsiasi' },
    });
    expect(expectProblem(res, 422, 'validation').errors?.[0]).toMatchObject({ field: '/email' });
  });

  it('is refused in a list filter and in an audit filter, located in the query string', async () => {
    const nul = encodeURIComponent(NUL);
    for (const url of [
      `/api/plans/${world.planId}/actions?status=${nul}`,
      `/api/organizations/${world.organizationId}/audit?entityType=${nul}`,
    ]) {
      const res = await api.request({ url, cookie: admin });
      const problem = expectProblem(res, 422, 'validation');
      expect(problem.errors?.[0], url).toMatchObject({ in: 'querystring' });
    }
  });

  it('is refused in a path parameter', async () => {
    const res = await api.request({
      url: `/api/plans/${world.planId}/actions/a%00`,
      cookie: admin,
    });
    expect(expectProblem(res, 422, 'validation').errors?.[0]).toMatchObject({ in: 'params' });
  });

  it('is refused in a plan file, naming the field', () => {
    const doc = planDocument() as { actions: { title: string }[] };
    doc.actions[0]!.title = NUL;
    expect(() => parsePlanDocument(doc)).toThrow(PianoError);
    expect(() => parsePlanDocument(doc)).toThrow(
      /\/actions\/0\/title contiene un carattere non ammesso/,
    );
  });

  it('lets tabs, line breaks and every other character through', async () => {
    const title = 'Riga uno\tcon tab\r\nriga due — àèìòù € 🇮🇹 中文';
    const res = await api.request({
      method: 'POST',
      url: `/api/plans/${world.planId}/actions`,
      payload: { priorityId: 'p1', title, ownerUnitIds: ['u-dem'] },
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ title });
  });
});

describe('numbers and paths out of range', () => {
  it('refuses an offset beyond any list with 422, not a database error', async () => {
    for (const offset of ['99999999999999999999', '1e30', '-1']) {
      const res = await api.request({ url: `/api/plans?offset=${offset}`, cookie: admin });
      expect(expectProblem(res, 422, 'validation').errors?.[0], offset).toMatchObject({
        field: '/offset',
        in: 'querystring',
      });
    }
  });

  it('answers a refused path under /docs with a 4xx problem, not 500', async () => {
    for (const url of ['/docs/static/%00', '/docs/static/..%2f..%2fpackage.json']) {
      const res = await api.request({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
