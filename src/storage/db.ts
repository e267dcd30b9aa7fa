import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

/**
 * The one handle every query module takes. Both backends speak PostgreSQL: PGlite (embedded,
 * persisted in a data directory) by default, a PostgreSQL server when DATABASE_URL is set.
 */
export interface Db {
  readonly backend: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; nested calls join the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * For the embedded database only, which a single process owns: a counter that moves on every
   * statement that may write. Equal values mean nothing changed, so caches may skip a query.
   * Undefined for a server, which other processes may change at any time.
   */
  changeGeneration?: () => number;
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; omitted means in memory. */
  dataDir?: string | undefined;
}

// Dates travel as ISO strings (YYYY-MM-DD): a JS Date would shift them across time zones.
const DATE_OID = 1082;
const INT8_OID = 20;

export async function openDb(options: DbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ?? 'memory://', {
      parsers: {
        [DATE_OID]: (value: string) => value,
        [INT8_OID]: (value: string) => Number(value),
      },
    });
  } catch (error) {
    release();
    throw error;
  }
  type Runner = Pick<PGlite, 'query' | 'exec'>;
  let generation = 0;
  // Over-counting is harmless (a cache re-checks); only plain reads leave the counter alone.
  const noteWrite = (sql: string) => {
    if (!/^\s*SELECT\b/i.test(sql)) generation += 1;
  };
  const run = async <T>(runner: Runner, sql: string, params?: unknown[]) => {
    noteWrite(sql);
    return (await runner.query<T>(sql, params)).rows;
  };
  const exec = async (runner: Runner, sql: string) => {
    generation += 1;
    await runner.exec(sql);
  };
  return {
    backend: 'pglite',
    query: (sql, params) => run(pglite, sql, params),
    exec: (sql) => exec(pglite, sql),
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn(
          joinedTransaction(
            'pglite',
            (sql, p) => run(tx, sql, p),
            (sql) => exec(tx, sql),
          ),
        ),
      ),
    close: async () => {
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
    changeGeneration: () => generation,
  };
}

async function openPostgres(url: string): Promise<Db> {
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === DATE_OID
        ? (value: string) => value
        : oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, types, max: 10 });
  await pool.query('SELECT 1');
  return {
    backend: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    exec: async (sql) => void (await pool.query(sql)),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(
          joinedTransaction(
            'postgres',
            async (sql, p) => (await client.query(sql, p)).rows,
            async (sql) => void (await client.query(sql)),
          ),
        );
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

type RawQuery = (sql: string, params?: unknown[]) => Promise<unknown[]>;

function joinedTransaction(
  backend: Db['backend'],
  query: RawQuery,
  exec: (sql: string) => Promise<void>,
): Db {
  const tx: Db = {
    backend,
    query: query as Db['query'],
    exec,
    transaction: (fn) => fn(tx),
    close: async () => {
      throw new Error('A transaction handle cannot be closed');
    },
  };
  return tx;
}
