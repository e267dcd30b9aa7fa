import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectProblem, getJson, seedWorld, type World } from './helpers.js';

/** Criterion 8: lists page (limit/offset/total), filter, and sort on declared fields only. */
interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
interface Action {
  id: string;
  title: string;
  status: string;
  progress: number;
}

let api: TestApi;
let world: World;
let cookie: string;
let actions: string;

const EXTRA = [
  {
    id: 'x1',
    priorityId: 'p1',
    title: 'Zeta: archivio digitale',
    status: 'in_progress',
    ownerUnitIds: ['u-dem'],
    progress: 30,
  },
  {
    id: 'x2',
    priorityId: 'p2',
    title: 'Beta: pagamenti pagoPA',
    status: 'completed',
    ownerUnitIds: ['u-tec'],
    progress: 100,
  },
  {
    id: 'x3',
    priorityId: 'p1',
    title: 'Alfa: accesso con SPID e CIE',
    status: 'planned',
    ownerUnitIds: ['u-dem', 'u-tec'],
  },
  { id: 'x4', priorityId: 'p2', title: 'Gamma: notifiche su App IO', status: 'planned' },
  { id: 'x5', priorityId: 'p1', title: 'Delta: conservazione', status: 'suspended', progress: 50 },
];

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'viewer']);
  cookie = world.users.viewer.cookie;
  actions = `/api/plans/${world.planId}/actions`;
  for (const payload of EXTRA) {
    const res = await api.request({
      method: 'POST',
      url: actions,
      payload,
      cookie: world.users.admin.cookie,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => api.close());

const list = (query: string) => getJson<Page<Action>>(api, `${actions}?${query}`, cookie);
const ids = async (query: string) => (await list(query)).items.map((a) => a.id);

describe('GET /api/plans/:planId/actions', () => {
  it('pages with limit and offset, reporting the total, in the plan’s order', async () => {
    const all = await ids('limit=500');
    expect(all).toEqual(['a1', 'a2', 'x1', 'x2', 'x3', 'x4', 'x5']);
    const first = await list('limit=3');
    expect(first).toMatchObject({ total: 7, limit: 3, offset: 0 });
    expect(first.items.map((a) => a.id)).toEqual(['a1', 'a2', 'x1']);
    expect(await ids('limit=3&offset=3')).toEqual(['x2', 'x3', 'x4']);
    const last = await list('limit=3&offset=6');
    expect(last.items.map((a) => a.id)).toEqual(['x5']);
    expect(last.total).toBe(7);
    expect((await list('offset=50')).items).toEqual([]);
  });

  it('uses a default page of 50', async () => {
    expect(await list('')).toMatchObject({ limit: 50, offset: 0, total: 7 });
  });

  it('filters by status', async () => {
    const page = await list('status=planned');
    expect(page.items.map((a) => a.id)).toEqual(['a1', 'a2', 'x3', 'x4']);
    expect(page.total).toBe(4);
  });

  it('filters by an owner unit (array contains)', async () => {
    expect(await ids('ownerUnitIds=u-dem')).toEqual(['a1', 'x1', 'x3']);
  });

  it('filters by priority, and combines filters with paging', async () => {
    expect(await ids('priorityId=p1')).toEqual(['a1', 'x1', 'x3', 'x5']);
    const page = await list('priorityId=p1&status=planned&limit=1&offset=1');
    expect(page.items.map((a) => a.id)).toEqual(['x3']);
    expect(page.total).toBe(2);
  });

  it('sorts by a declared field, descending with "-"', async () => {
    const titles = (await list('sort=-title')).items.map((a) => a.title);
    expect(titles.map((t) => t[0])).toEqual(['Z', 'S', 'N', 'G', 'D', 'B', 'A']);
    expect((await list('sort=title')).items[0]?.id).toBe('x3');
    expect(await ids('sort=-progress&limit=2')).toEqual(['x2', 'x5']);
  });

  it('refuses an unknown sort field with 422 naming /sort, as /api/plans does', async () => {
    const parts = expectProblem(
      await api.request({ method: 'GET', url: `${actions}?sort=-colore`, cookie }),
      422,
      'validation',
    );
    expect(parts.errors?.[0]?.field).toBe('/sort');
    expect(parts.errors?.[0]?.message).toContain('title');
    const plans = expectProblem(
      await api.request({ method: 'GET', url: '/api/plans?sort=colore', cookie }),
      422,
      'validation',
    );
    expect(plans.errors?.[0]?.field).toBe('/sort');
  });

  it('refuses a sort on a field that exists but is not sortable', async () => {
    const res = await api.request({ method: 'GET', url: `${actions}?sort=description`, cookie });
    expectProblem(res, 422, 'validation');
  });

  it('refuses a filter on a field that is not filterable', async () => {
    const res = await api.request({ method: 'GET', url: `${actions}?title=Alfa`, cookie });
    expectProblem(res, 422, 'validation');
  });

  it.each(['limit=501', 'limit=0', 'offset=-1', 'limit=dieci'])(
    'refuses %s with 422',
    async (q) => {
      const res = await api.request({ method: 'GET', url: `${actions}?${q}`, cookie });
      const problem = expectProblem(res, 422, 'validation');
      expect(problem.errors?.[0]?.field).toBe(`/${q.split('=')[0]}`);
    },
  );
});

describe('other lists', () => {
  it('units filter by kind and sort by name', async () => {
    const url = `/api/organizations/${world.organizationId}/units`;
    const areas = await getJson<Page<{ id: string }>>(api, `${url}?kind=area`, cookie);
    expect(areas.items.map((u) => u.id)).toEqual(['u-tec']);
    const byName = await getJson<Page<{ id: string }>>(api, `${url}?sort=-name`, cookie);
    expect(byName.items.map((u) => u.id)).toEqual(['u-dem', 'u-tec']);
  });

  it('spending filters by year (a number column) and funding source', async () => {
    const url = `/api/plans/${world.planId}/spending`;
    const page = await getJson<Page<{ id: string }>>(
      api,
      `${url}?year=2025&fundingSource=PNRR`,
      cookie,
    );
    expect(page.items.map((s) => s.id)).toEqual(['sp1']);
    expect((await getJson<Page<unknown>>(api, `${url}?year=2026`, cookie)).total).toBe(0);
  });

  it('micro-actions list only the parent action’s', async () => {
    const page = await getJson<Page<{ id: string }>>(api, `${actions}/a1/micro-actions`, cookie);
    expect(page).toMatchObject({ total: 1, items: [{ id: 'm1', actionId: 'a1' }] });
  });

  it('plans page, filter by status and sort by title', async () => {
    const admin = world.users.admin.cookie;
    for (const title of ['Piano B', 'Piano A']) {
      const res = await api.request({
        method: 'POST',
        url: `/api/organizations/${world.organizationId}/plans`,
        payload: { title, startYear: 2028, endYear: 2030 },
        cookie: admin,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const q = `organizationId=${world.organizationId}`;
    const all = await getJson<Page<{ title: string }>>(api, `/api/plans?${q}&sort=title`, cookie);
    expect(all.total).toBe(3);
    expect(all.items.map((p) => p.title)).toEqual([
      'Piano A',
      'Piano B',
      'Piano triennale di prova',
    ]);
    const page = await getJson<Page<{ title: string }>>(
      api,
      `/api/plans?${q}&sort=-title&limit=1&offset=1`,
      cookie,
    );
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ title: 'Piano B' }] });
    const drafts = await getJson<Page<unknown>>(api, `/api/plans?${q}&status=published`, cookie);
    expect(drafts.total).toBe(0);
  });
});
