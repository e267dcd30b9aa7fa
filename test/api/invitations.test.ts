import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { expectNothingWritten, expectProblem, getJson, seedWorld, type World } from './helpers.js';

interface Issued {
  id: string;
  email: string;
  role: string;
  unitId: string | null;
  expiresAt: string;
  acceptUrl: string;
}

let api: TestApi;
let world: World;
let admin: string;
let invitations: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'viewer', 'editorDem', 'outsider']);
  admin = world.users.admin.cookie;
  invitations = `/api/organizations/${world.organizationId}/invitations`;
});
afterAll(async () => api.close());

async function invite(payload: object, cookie = admin): Promise<Issued> {
  const res = await api.request({ method: 'POST', url: invitations, payload, cookie });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Issued>();
}

const tokenOf = (issued: Issued) => new URL(issued.acceptUrl).pathname.split('/').pop() ?? '';

const accept = (token: string, payload: object = {}, cookie?: string) =>
  api.request({ method: 'POST', url: `/api/invitations/${token}/accept`, payload, cookie });

const membersOf = async () =>
  (
    await getJson<{ items: { email: string; role: string }[] }>(
      api,
      `/api/organizations/${world.organizationId}/members`,
      admin,
    )
  ).items;

describe('POST /api/organizations/:organizationId/invitations', () => {
  it('answers alike for an address with an account and one without, and adds nobody', async () => {
    const before = await membersOf();
    const known = await invite({ email: world.users.outsider.email, role: 'viewer' });
    const unknown = await invite({ email: 'mai.vista@prova.test', role: 'viewer' });
    expect(Object.keys(known).sort()).toEqual(Object.keys(unknown).sort());
    // Nothing in the answer belongs to the account: no id, no name.
    expect(JSON.stringify(known)).not.toContain(world.users.outsider.id);
    expect(known).not.toHaveProperty('name');
    expect(await membersOf()).toEqual(before);
  });

  it('gives a link to the web page where the invitee accepts, on the configured address', async () => {
    const issued = await invite({ email: 'link@prova.test', role: 'viewer' });
    expect(issued.acceptUrl).toMatch(/^https?:\/\/[^/]+\/invito\/[A-Za-z0-9_-]{40,}$/);
  });

  it('refuses an editor without a unit, naming /unitId, and stores nothing', async () => {
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: invitations,
        payload: { email: 'editor@prova.test', role: 'editor' },
        cookie: admin,
      }),
    );
    expect(expectProblem(res, 422, 'validation').errors?.[0]?.field).toBe('/unitId');
  });

  it('refuses a unit the organization does not have, naming /unitId', async () => {
    const res = await expectNothingWritten(api.db, () =>
      api.request({
        method: 'POST',
        url: invitations,
        payload: { email: 'editor@prova.test', role: 'editor', unitId: 'u-nope' },
        cookie: admin,
      }),
    );
    expect(expectProblem(res, 422, 'validation').errors?.[0]?.field).toBe('/unitId');
  });

  it('lists the open invitations to the admin, without their links', async () => {
    const issued = await invite({ email: 'in.elenco@prova.test', role: 'editor', unitId: 'u-dem' });
    const list = await getJson<{ items: Record<string, unknown>[] }>(api, invitations, admin);
    const listed = list.items.find((i) => i.id === issued.id);
    expect(listed).toMatchObject({ email: 'in.elenco@prova.test', role: 'editor', expired: false });
    expect(JSON.stringify(list)).not.toContain(tokenOf(issued));
  });
});

describe('POST /api/invitations/:token/accept', () => {
  it('creates the invitee’s account with the invited address, who then signs in and reads the draft', async () => {
    const issued = await invite({ email: 'Nuova.Collega@Prova.test', role: 'viewer' });
    const res = await accept(tokenOf(issued), { name: 'Nuova Collega', password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ organizationId: world.organizationId, role: 'viewer' });
    const cookie = await api.signIn('nuova.collega@prova.test');
    await getJson(api, `/api/plans/${world.planId}`, cookie);
  });

  it('works once: the same link again is refused and changes nothing', async () => {
    const issued = await invite({ email: 'una.volta@prova.test', role: 'viewer' });
    const first = await accept(tokenOf(issued), { name: 'Una Volta', password: TEST_PASSWORD });
    expect(first.statusCode, first.body).toBe(200);
    const again = await expectNothingWritten(api.db, () =>
      accept(tokenOf(issued), { name: 'Altra', password: TEST_PASSWORD }),
    );
    expect(expectProblem(again, 409, 'conflict').detail).toMatch(/già stato accettato/);
  });

  it('lets one of two simultaneous acceptances through, never both', async () => {
    const issued = await invite({ email: 'doppia@prova.test', role: 'viewer' });
    const both = await Promise.all([
      accept(tokenOf(issued), { name: 'Doppia', password: TEST_PASSWORD }),
      accept(tokenOf(issued), { name: 'Doppia', password: TEST_PASSWORD }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const users = await api.db.query('SELECT id FROM users WHERE email = $1', [
      'doppia@prova.test',
    ]);
    expect(users).toHaveLength(1);
  });

  it('is taken by the signed-in account of the invited address, with the role it names', async () => {
    const outsider = world.users.outsider;
    const issued = await invite({ email: outsider.email, role: 'editor', unitId: 'u-dem' });
    const res = await accept(tokenOf(issued), {}, outsider.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const me = await getJson<{ memberships: { organizationId: string; role: string }[] }>(
      api,
      '/api/session',
      outsider.cookie,
    );
    expect(me.memberships).toContainEqual(
      expect.objectContaining({ organizationId: world.organizationId, role: 'editor' }),
    );
  });

  it('tells an invitee whose address has an account to sign in, and creates no second account', async () => {
    const issued = await invite({ email: world.users.viewer.email, role: 'admin' });
    const res = await expectNothingWritten(api.db, () =>
      accept(tokenOf(issued), { name: 'Impostore', password: 'una-password-nuova' }),
    );
    expect(expectProblem(res, 409, 'conflict').detail).toMatch(/accedere con quello/);
  });

  it('refuses someone signed in with another address, naming both, and changes nothing', async () => {
    const issued = await invite({ email: 'per.altri@prova.test', role: 'admin' });
    const res = await expectNothingWritten(api.db, () =>
      accept(tokenOf(issued), {}, world.users.viewer.cookie),
    );
    const problem = expectProblem(res, 403, 'forbidden');
    expect(problem.detail).toContain('per.altri@prova.test');
    expect(problem.detail).toContain(world.users.viewer.email);
  });

  it('refuses a revoked invitation, and an older link replaced by a new invitation', async () => {
    const old = await invite({ email: 'sostituita@prova.test', role: 'viewer' });
    const replacement = await invite({ email: 'sostituita@prova.test', role: 'admin' });
    const refused = await accept(tokenOf(old), { name: 'S', password: TEST_PASSWORD });
    expect(expectProblem(refused, 409, 'conflict').detail).toMatch(/ritirato/);
    const deleted = await api.request({
      method: 'DELETE',
      url: `${invitations}/${replacement.id}`,
      cookie: admin,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const alsoRefused = await accept(tokenOf(replacement), { name: 'S', password: TEST_PASSWORD });
    expect(expectProblem(alsoRefused, 409, 'conflict').detail).toMatch(/ritirato/);
  });

  it('refuses an expired invitation and says to ask for a new one', async () => {
    const issued = await invite({ email: 'scaduta@prova.test', role: 'viewer' });
    await api.db.query(
      `UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1`,
      [issued.id],
    );
    const res = await accept(tokenOf(issued), { name: 'Scaduta', password: TEST_PASSWORD });
    expect(expectProblem(res, 409, 'conflict').detail).toMatch(/scaduto.*nuovo/);
    const list = await getJson<{ items: { id: string; expired: boolean }[] }>(
      api,
      invitations,
      admin,
    );
    expect(list.items.find((i) => i.id === issued.id)?.expired).toBe(true);
  });

  it('answers 404 for a link that was never issued', async () => {
    const res = await accept('x'.repeat(43), { name: 'Nessuno', password: TEST_PASSWORD });
    expectProblem(res, 404, 'not_found');
  });

  it('refuses a short password, naming /password, and creates nobody', async () => {
    const issued = await invite({ email: 'corta@prova.test', role: 'viewer' });
    const res = await expectNothingWritten(api.db, () =>
      accept(tokenOf(issued), { name: 'Corta', password: 'breve' }),
    );
    expect(res.statusCode).toBe(422);
  });
});

describe('GET /api/invitations/:token', () => {
  it('shows the link’s holder the organization, the role and the invited address', async () => {
    const issued = await invite({ email: 'lettura@prova.test', role: 'editor', unitId: 'u-dem' });
    const seen = await getJson<Record<string, unknown>>(api, `/api/invitations/${tokenOf(issued)}`);
    expect(seen).toMatchObject({
      organizationId: world.organizationId,
      email: 'lettura@prova.test',
      role: 'editor',
      unitId: 'u-dem',
      state: 'open',
    });
    expect(seen.organizationName).toEqual(expect.any(String));
  });
});

describe('the audit trail of invitations', () => {
  it('records who invited whom and who accepted', async () => {
    const issued = await invite({ email: 'tracciata@prova.test', role: 'viewer' });
    await accept(tokenOf(issued), { name: 'Tracciata', password: TEST_PASSWORD });
    const rows = await api.db.query<{ operation: string; actor: string }>(
      `SELECT operation, actor FROM audit_events
        WHERE entity_type = 'invitation' AND entity_id = $1 ORDER BY id`,
      [issued.id],
    );
    expect(rows.map((r) => r.operation)).toEqual(['create', 'update']);
    expect(rows[1]?.actor).toBe('tracciata@prova.test');
  });
});
