import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { INPUT_FILE_ERRORS, PianoError, describeProblem } from '../domain/errors.js';
import type { Db } from '../storage/db.js';
import { openDatabase } from '../operations/open-database.js';

/** Global options every command accepts; each overrides its environment variable. */
export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/** The configuration: environment variables, overridden by the global flags. */
export function configOf(command: Command, extra: Record<string, string | undefined> = {}): Config {
  const globals = command.optsWithGlobals<GlobalOptions>();
  return loadConfig({
    ...process.env,
    ...(globals.dataDir ? { PIANO_DATA_DIR: globals.dataDir } : {}),
    ...(globals.databaseUrl ? { DATABASE_URL: globals.databaseUrl } : {}),
    ...extra,
  });
}

/** Runs fn with an open, migrated database, closing it afterwards whatever happens. */
export async function withDb<T>(command: Command, fn: (db: Db) => Promise<T>): Promise<T> {
  const config = configOf(command);
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.PIANO_DATA_DIR,
    cacheMb: config.PIANO_DB_CACHE_MB,
  });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Prints an error the way a user can act on it, and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof PianoError) {
    process.stderr.write(`Errore: ${error.summary}\n`);
    for (const p of error.problems) process.stderr.write(`  - ${describeProblem(p)}\n`);
    // A file that cannot be imported is bad input, like a bad configuration: exit code 2.
    return INPUT_FILE_ERRORS.has(error.code) ? 2 : 1;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  process.stderr.write(
    `Errore imprevisto: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  return 3;
}
