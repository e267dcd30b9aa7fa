import { openDb, type DbOptions } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';

export type MigrateDatabaseOptions = DbOptions;

/** Applies the migrations the database lacks and returns their names (`piano migrate`). */
export async function migrateDatabase(options: MigrateDatabaseOptions): Promise<string[]> {
  const db = await openDb(options);
  try {
    return await migrate(db);
  } finally {
    await db.close();
  }
}
