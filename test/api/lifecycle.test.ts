import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { seedPlan } from '../support/factories.js';
import {
  GIUNTA_ACT,
  SIGNED_PDF,
  approvalPayload,
  expectNothingWritten,
  expectProblem,
  getJson,
  lifecycleStep,
  seedWorld,
  versionOf,
  type World,
} from './helpers.js';

interface Plan {
  id: string;
  status: string;
  approval: unknown;
  version: number;
}

let api: TestApi;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'viewer', 'editorDem', 'consultant']);
});
afterAll(async () => api.close());

const planUrl = (id: string) => `/api/plans/${id}`;
const admin = () => world.users.admin.cookie;
const statusOf = async (id: string) => (await getJson<Plan>(api, planUrl(id), admin())).status;

/** Takes a step as `actor` on a plan, expecting a refusal that writes nothing. */
async function refusedStep(
  planId: string,
  step: string,
  cookie: string | undefined,
  extra: Record<string, unknown> = {},
) {
  const version = await versionOf(api, planUrl(planId), admin());
  return expectNothingWritten(api.db, () =>
    api.request({
      method: 'POST',
      url: `${planUrl(planId)}/lifecycle`,
      payload: { step, version, ...extra },
      cookie,
    }),
  );
}

describe('POST /api/plans/:planId/lifecycle, step by step and role by role', () => {
  it('refuses every step to editors and viewers with a clear message', async () => {
    for (const actor of ['editorDem', 'viewer'] as const) {
      for (const step of ['propose', 'send_back', 'approve', 'publish']) {
        const res = await refusedStep(world.planId, step, world.users[actor].cookie);
        expect(expectProblem(res, 403, 'forbidden').detail).toMatch(
          /^Solo il Responsabile per la transizione al digitale/,
        );
      }
    }
    expectProblem(await refusedStep(world.planId, 'propose', undefined), 401, 'unauthenticated');
  });

  it('refuses a step that does not start from the plan’s status, naming both', async () => {
    for (const step of ['send_back', 'approve', 'publish']) {
      const res = await refusedStep(world.planId, step, admin(), approvalPayload());
      expect(expectProblem(res, 409, 'lifecycle_step').detail).toMatch(/il piano è in bozza/);
    }
  });

  it('proposes a draft (admin); editors may no longer write its parts; the RTD sends it back', async () => {
    const res = await lifecycleStep(api, world.planId, 'propose', admin());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ plan: Plan }>().plan.status).toBe('proposed');

    const action = `${planUrl(world.planId)}/actions/a1`;
    const version = await versionOf(api, action, admin());
    const byEditor = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'PATCH',
        url: action,
        payload: { progress: 10, version },
        cookie: world.users.editorDem.cookie,
      }),
    );
    expect(expectProblem(byEditor, 403, 'forbidden').detail).toMatch(/proposto per l’approvazione/);

    const back = await lifecycleStep(api, world.planId, 'send_back', admin());
    expect(back.statusCode, back.body).toBe(200);
    expect(await statusOf(world.planId)).toBe('draft');
  });

  it('approves only with organ, number, date and a signed PDF or P7M, naming what is missing', async () => {
    expect((await lifecycleStep(api, world.planId, 'propose', admin())).statusCode).toBe(200);
    const noAct = await refusedStep(world.planId, 'approve', admin(), {
      act: { organ: 'Giunta comunale', number: null, date: null },
    });
    const problem = expectProblem(noAct, 422, 'validation');
    expect(problem.detail).toMatch(/numero della deliberazione/);
    expect(problem.detail).toMatch(/data della deliberazione/);
    expect(problem.detail).toMatch(/file firmato/);
    const notPdf = await refusedStep(world.planId, 'approve', admin(), {
      act: GIUNTA_ACT,
      file: { name: 'delibera.pdf', contentBase64: Buffer.from('<html>').toString('base64') },
    });
    expect(expectProblem(notPdf, 422, 'validation').detail).toMatch(/PDF o un file firmato P7M/);
  });

  it('records the act, stores the signed file with its SHA-256, serves it back', async () => {
    const res = await lifecycleStep(api, world.planId, 'approve', admin(), approvalPayload());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ plan: Plan }>().plan).toMatchObject({
      status: 'approved',
      approval: GIUNTA_ACT,
    });
    const file = await api.request({
      method: 'GET',
      url: `${planUrl(world.planId)}/approval-file`,
      cookie: admin(),
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="delibera-45.pdf"');
    expect(file.rawPayload.equals(SIGNED_PDF)).toBe(true);
    const sha = createHash('sha256').update(SIGNED_PDF).digest('hex');
    expect(file.headers['x-content-sha256']).toBe(sha);
    const [stored] = await api.db.query<{ sha256: string }>(
      'SELECT sha256 FROM plan_approval_files WHERE plan_id = $1',
      [world.planId],
    );
    expect(stored?.sha256).toBe(sha);
  });

  it('freezes the approved revision: content refused (409), monitoring allowed and audited', async () => {
    const action = `${planUrl(world.planId)}/actions/a1`;
    let version = await versionOf(api, action, admin());
    const content = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'PATCH',
        url: action,
        payload: { title: 'Cambiata dopo l’approvazione', version },
        cookie: admin(),
      }),
    );
    expect(expectProblem(content, 409, 'plan_frozen').detail).toMatch(/nuova revisione/);
    expectProblem(await refusedStep(world.planId, 'send_back', admin()), 409, 'lifecycle_step');

    version = await versionOf(api, action, admin());
    const progress = await api.request({
      method: 'PATCH',
      url: action,
      payload: { status: 'in_progress', progress: 40, version },
      cookie: world.users.editorDem.cookie,
    });
    expect(progress.statusCode, progress.body).toBe(200);
    const audit = await getJson<{ items: { field: string; after: unknown }[] }>(
      api,
      `/api/organizations/${world.organizationId}/audit?entityType=action&entityId=a1`,
      admin(),
    );
    expect(audit.items.some((e) => e.field === 'progress' && e.after === 40)).toBe(true);
  });

  it('publishes (admin or consultant) and serves the signed act to anyone', async () => {
    const res = await lifecycleStep(api, world.planId, 'publish', world.users.consultant.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(await statusOf(world.planId)).toBe('published');
    const file = await api.request({
      method: 'GET',
      url: `${planUrl(world.planId)}/approval-file`,
    });
    expect(file.statusCode).toBe(200);
    const audit = await getJson<{ items: { entityType: string; field: string | null }[] }>(
      api,
      `/api/organizations/${world.organizationId}/audit?entityType=plan`,
      admin(),
    );
    expect(audit.items.filter((e) => e.field === 'status').length).toBeGreaterThanOrEqual(5);
  });

  it('no longer takes the status as a field anywhere', async () => {
    const created = await api.request({
      method: 'POST',
      url: `/api/organizations/${world.organizationId}/plans`,
      payload: { title: 'Piano 2027-2029', startYear: 2027, endYear: 2029, status: 'published' },
      cookie: admin(),
    });
    expectProblem(created, 422, 'validation');
  });

  it('hides a draft’s signed file from outsiders (404)', async () => {
    const other = await seedPlan(api.db);
    const res = await api.request({ method: 'GET', url: `${planUrl(other.planId)}/approval-file` });
    expectProblem(res, 404);
  });
});
