import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /**
   * Megabytes of the embedded database's page cache (PostgreSQL's shared_buffers), which
   * PGlite keeps inside the process. Ignored for a server. Default DEFAULT_DB_CACHE_MB.
   */
  cacheMb?: number | undefined;
}

/**
 * initdb writes shared_buffers = 128MB, PostgreSQL's default for a server that has the
 * machine's memory to itself; inside piano's process that cache grows into resident memory as
 * pages are read, while a municipality's plans fit in a few megabytes.
 */
export const DEFAULT_DB_CACHE_MB = 16;

// Dates travel as ISO strings (YYYY-MM-DD): a JS Date would shift them across time zones.
const DATE_OID = 1082;
const INT8_OID = 20;

export async function openDb(options: DbOptions): Promise<Db> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openPglite(options.dataDir, options.cacheMb ?? DEFAULT_DB_CACHE_MB);
}

async function openPglite(dataDir: string | undefined, cacheMb: number): Promise<Db> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await initDataDir(dataDir, cacheMb);
    pglite = await PGlite.create(dataDir ?? 'memory://', {
      // Start parameters (postgres -c), not postgresql.conf: the setting follows the
      // configuration on every start and the data directory stays as initdb wrote it.
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${cacheMb}MB`],
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

const INIT_DATA_DIR = fileURLToPath(new URL('./init-data-dir.mjs', import.meta.url));

/**
 * Creates the embedded database of a new data directory in a child process (init-data-dir.mjs),
 * which this process's lock on the directory covers: the memory initdb needs goes back to the
 * system when the child ends, rather than staying this process's own.
 */
async function initDataDir(dataDir: string, cacheMb: number): Promise<void> {
  // Baseline WebAssembly code only (see scripts/node-flags.mjs): a one-off run gains nothing
  // from V8's optimizing compiler, which would take hundreds of megabytes on Node 24.
  const child = spawn(
    process.execPath,
    ['--liftoff-only', INIT_DATA_DIR, dataDir, String(cacheMb)],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`Creating the database in ${dataDir} failed (exit ${code}): ${stderr.trim()}`);
  }
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
  // An idle connection the server ends (a restart, an administrator, a dropped database) is
  // dropped by the pool, which opens another for the next query; unheard, the error would end
  // the process.
  pool.on('error', () => undefined);
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
