import { describe, expect, it } from 'vitest';
import { openTestDb } from '../support/db.js';

describe('a connection the database server ends', () => {
  it('is replaced: the next query is answered and the process goes on', async () => {
    const db = await openTestDb();
    try {
      // Several connections, then left idle.
      await Promise.all([1, 2, 3].map(() => db.query('SELECT pg_sleep(0.05)')));
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
