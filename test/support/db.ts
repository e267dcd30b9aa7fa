import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';

/** Which backend this run tests: PGlite in memory, or a PostgreSQL server (DATABASE_URL). */
export const TEST_BACKEND = process.env.PIANO_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database created
 * on the server named by DATABASE_URL and dropped by `close`.
 */
export async function openTestDb(): Promise<Db> {
  if (TEST_BACKEND === 'pglite') {
    const db = await openDb({});
    await migrate(db);
    return db;
  }
  const server = await createServerDatabase('piano_test');
  const db = await openDb({ databaseUrl: server.url });
  await migrate(db);
  const close = db.close.bind(db);
  return {
    ...db,
    close: async () => {
      await close();
      await server.drop();
    },
  };
}

/**
 * A new, empty database on the server named by DATABASE_URL (PIANO_TEST_BACKEND=postgres): its
 * URL, and `drop` to remove it.
 */
export async function createServerDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('PIANO_TEST_BACKEND=postgres needs DATABASE_URL');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
