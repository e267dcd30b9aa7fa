import { openDb, type Db, type DbOptions } from '../storage/db.js';
import { migrate } from '../storage/migrate.js';

export type OpenDatabaseOptions = DbOptions;

/**
 * The database the configuration names — a PostgreSQL server with `databaseUrl`, else the
 * embedded one in `dataDir` — with every migration applied. Here rather than in the server so
 * that commands open the database without loading the HTTP API; here rather than in storage
 * because the CLI and the server reach storage through operations only.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const db = await openDb(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
