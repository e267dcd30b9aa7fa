import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDb } from '../../src/storage/db.js';
import { cliDatabase, cliEnv, ROOT, runPiano, type CliResult } from '../support/cli.js';

export const DEMO_FILE = join(ROOT, 'data/demo/plan.json');

/** Per-test limit for tests that launch the CLI (several launches each). */
export const CLI_TEST_OPTIONS = { timeout: 600_000 };

/**
 * One test file's world: a temporary directory for files, and a database of its own that the
 * CLI reaches through its environment — a PGlite data directory inside the temporary
 * directory, or (PIANO_TEST_BACKEND=postgres) a fresh database on the DATABASE_URL server.
 */
export interface CliSandbox {
  /** Temporary directory, removed by cleanup. */
  dir: string;
  /** The children's environment: the caller's, without piano settings, plus the database. */
  env: NodeJS.ProcessEnv;
  /** The global flag that names this sandbox's database explicitly. */
  databaseFlag: string[];
  run(args: string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  /** Writes a JSON (or, given a string, raw) file into the temporary directory. */
  writeFile(name: string, content: unknown): Promise<string>;
  readJson(path: string): Promise<unknown>;
  /** Row counts read straight from the database, bypassing the CLI (call between launches). */
  countRows(tables: string[]): Promise<Record<string, number>>;
  cleanup(): Promise<void>;
}

export async function cliSandbox(): Promise<CliSandbox> {
  const db = await cliDatabase();
  const { dir } = db;
  return {
    dir,
    env: cliEnv(db.env),
    databaseFlag: db.flag,
    run: (args, extraEnv = {}) => runPiano(args, { ...db.env, ...extraEnv }),
    async writeFile(name, content) {
      const path = join(dir, name);
      await writeFile(
        path,
        typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
      );
      return path;
    },
    readJson: async (path) => JSON.parse(await readFile(path, 'utf8')) as unknown,
    async countRows(tables) {
      const conn = await openDb(db.options);
      try {
        const counts: Record<string, number> = {};
        for (const table of tables) {
          const [row] = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
          counts[table] = row?.n ?? -1;
        }
        return counts;
      } finally {
        await conn.close();
      }
    },
    cleanup: db.close,
  };
}

/** The demo plan file, parsed, as a fresh copy to break. */
export async function demoDocument(): Promise<Record<string, unknown> & DemoShape> {
  return JSON.parse(await readFile(DEMO_FILE, 'utf8')) as Record<string, unknown> & DemoShape;
}

/** The parts of the demo document the tests read or break. */
export interface DemoShape {
  organization: { ipaCode: string; units: { id: string; parentId: string | null }[] };
  plan: { title: string; startYear: unknown; endYear: number };
  priorities: { id: string; title: string }[];
  actions: { id: string; title: string; priorityId: string }[];
}
