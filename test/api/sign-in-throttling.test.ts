import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../src/domain/rules/sign-in-throttle.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { TEST_PASSWORD, seedPlan, seedUser } from '../support/factories.js';
import { expectProblem } from './helpers.js';

/** Issue 13, item 2: failed sign-ins are limited per account and per address, and recorded. */
let api: TestApi;
let organizationId: string;

beforeAll(async () => {
  api = await startTestApi();
  ({ organizationId } = await seedPlan(api.db));
});
afterAll(async () => api.close());

const newUser = async () => (await seedUser(api.db, { organizationId, role: 'viewer' })).email;
const attempt = (email: string, password: string, remoteAddress: string) =>
  api.request({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    remoteAddress,
  } as never);

describe('sign-in throttling', () => {
  it('refuses an account after its failures, right password included, saying when to retry', async () => {
    const email = await newUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expectProblem(
        await attempt(email, 'sbagliata-sbagliata', `10.0.1.${i}`),
        401,
        'unauthenticated',
      );
    }
    const res = await attempt(email, TEST_PASSWORD, '10.0.1.99');
    const problem = expectProblem(res, 429, 'too_many_requests');
    expect(problem.detail).toBe(
      'Troppi tentativi di accesso non riusciti: riprovare tra 15 minuti',
    );
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(res.cookies).toEqual([]);
  });

  it('starts an account’s count again after a successful sign-in', async () => {
    const email = await newUser();
    const address = '10.0.2.1';
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) {
        expectProblem(await attempt(email, 'sbagliata-sbagliata', address), 401);
      }
      expect((await attempt(email, TEST_PASSWORD, address)).statusCode).toBe(200);
    }
  });

  it('refuses an address that tries many accounts, and only that address', async () => {
    const address = '10.0.3.1';
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      expectProblem(await attempt(`nessuno-${i}@prova.test`, 'sbagliata-sbagliata', address), 401);
    }
    const email = await newUser();
    expectProblem(await attempt(email, TEST_PASSWORD, address), 429, 'too_many_requests');
    expect((await attempt(email, TEST_PASSWORD, '10.0.3.2')).statusCode).toBe(200);
  });

  it('records every attempt with its outcome, address and account', async () => {
    const email = await newUser();
    await attempt(email, 'sbagliata-sbagliata', '10.0.4.1');
    await attempt(email, TEST_PASSWORD, '10.0.4.1');
    const rows = await api.db.query<{ outcome: string; address: string; user_id: string | null }>(
      'SELECT outcome, address, user_id FROM sign_in_events WHERE email = $1 ORDER BY id',
      [email],
    );
    expect(rows.map((r) => [r.outcome, r.address])).toEqual([
      ['failure', '10.0.4.1'],
      ['success', '10.0.4.1'],
    ]);
    expect(rows.every((r) => r.user_id !== null)).toBe(true);
  });
});
