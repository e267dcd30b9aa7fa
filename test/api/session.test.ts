import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { TEST_PASSWORD, seedPlan, seedUser } from '../support/factories.js';
import { expectProblem } from './helpers.js';

/** Criterion 7: sign-in, the session cookie, sign-out, and sessions shared through the DB. */
let api: TestApi;
let email: string;
let organizationId: string;

beforeAll(async () => {
  api = await startTestApi();
  ({ organizationId } = await seedPlan(api.db));
  ({ email } = await seedUser(api.db, { organizationId, role: 'viewer' }));
});
afterAll(async () => api.close());

const signIn = (password: string, who = email) =>
  api.request({ method: 'POST', url: '/api/session', payload: { email: who, password } });
const me = (cookie?: string) => api.request({ method: 'GET', url: '/api/session', cookie });

describe('POST /api/session', () => {
  it('with a wrong password gets 401 problem+json with an Italian message and no cookie', async () => {
    const res = await signIn('password-sbagliata');
    const problem = expectProblem(res, 401, 'unauthenticated');
    expect(problem.detail).toBe('Email o password non corretti');
    expect(res.cookies).toEqual([]);
  });

  it('for an unknown email gets the same answer as for a wrong password', async () => {
    const unknown = await signIn(TEST_PASSWORD, 'nessuno@prova.test');
    const wrong = await signIn('password-sbagliata');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and answers with the user', async () => {
    const res = await signIn(TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      email,
      platformRole: null,
      memberships: [{ organizationId, role: 'viewer', unitId: null }],
    });
    const cookie = res.cookies.find((c) => c.name === 'piano_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Strict/);
  });

  it('matches the email case-insensitively', async () => {
    expect((await signIn(TEST_PASSWORD, email.toUpperCase())).statusCode).toBe(200);
  });
});

describe('GET /api/session', () => {
  it('answers 401 without a cookie, or with a made-up one', async () => {
    expectProblem(await me(), 401, 'unauthenticated');
    expectProblem(await me('piano_session=inventato'), 401, 'unauthenticated');
  });
});

describe('DELETE /api/session', () => {
  it('ends the session: the same cookie is anonymous afterwards', async () => {
    const cookie = await api.signIn(email);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await api.request({ method: 'DELETE', url: '/api/session', cookie });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'piano_session');
    expect(cleared?.value).toBe('');
    expectProblem(await me(cookie), 401, 'unauthenticated');
    const orgs = await api.request({ method: 'GET', url: '/api/organizations', cookie });
    expectProblem(orgs, 401, 'unauthenticated');
  });

  it('ends only that session, not the user’s others', async () => {
    const first = await api.signIn(email);
    const second = await api.signIn(email);
    await api.request({ method: 'DELETE', url: '/api/session', cookie: first });
    expectProblem(await me(first), 401);
    expect((await me(second)).statusCode).toBe(200);
  });
});

describe('sessions live in the database', () => {
  it('a second server process on the same database accepts the cookie, and sees the sign-out', async () => {
    const other = await buildApp({ db: api.db, config: loadConfig({ LOG_LEVEL: 'silent' }) });
    try {
      const cookie = await api.signIn(email);
      const there = await other.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      expect(there.statusCode, there.body).toBe(200);
      expect(there.json()).toMatchObject({ email });

      const out = await other.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { cookie },
      });
      expect(out.statusCode).toBe(204);
      expectProblem(await me(cookie), 401, 'unauthenticated');
    } finally {
      await other.close();
    }
  });

  it('stores only a hash of the token, never the token itself', async () => {
    const cookie = await api.signIn(email);
    const token = cookie.split('=')[1] as string;
    const rows = await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1',
      [token],
    );
    expect(rows[0]?.n).toBe(0);
  });
});
