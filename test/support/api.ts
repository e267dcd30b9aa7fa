import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import { buildApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/storage/db.js';
import { TEST_PASSWORD } from './factories.js';
import { openTestDb } from './db.js';

export interface TestApi {
  app: FastifyInstance;
  db: Db;
  close: () => Promise<void>;
  /** Signs a user in and returns the Cookie header to send with later requests. */
  signIn: (email: string, password?: string) => Promise<string>;
  request: (options: InjectOptions & { cookie?: string | undefined }) => Promise<InjectResponse>;
}

/** An in-process API on a fresh database, with the default configuration and silent logs. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const db = await openTestDb();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ db, config });
  const request: TestApi['request'] = ({ cookie, headers, ...options }) =>
    app.inject({
      ...options,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
    } as InjectOptions) as Promise<InjectResponse>;
  return {
    app,
    db,
    request,
    close: async () => {
      await app.close();
      await db.close();
    },
    signIn: async (email, password = TEST_PASSWORD) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'piano_session');
      return `piano_session=${cookie?.value}`;
    },
  };
}
