import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDb } from '../../src/storage/db.js';
import { TEST_BACKEND } from '../support/db.js';

/** The repository root: the CLI runs from there, as `node bin/piano.js`. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_FILE = join(ROOT, 'data/demo/plan.json');

/**
 * Guards against hangs, not measures of speed: a launch takes a second or two on an idle
 * machine, but far longer when the machine is busy (PGlite creates its cluster on first use).
 * A launch still running after LAUNCH_TIMEOUT_MS is killed and fails its test.
 */
const LAUNCH_TIMEOUT_MS = 180_000;
/** Per-test limit for tests that launch the CLI (several launches each). */
export const CLI_TEST_OPTIONS = { timeout: 600_000 };

/** Settings piano reads from the environment: children never inherit the caller's. */
const CONFIG_VARS = [
  'PORT',
  'HOST',
  'PIANO_DATA_DIR',
  'DATABASE_URL',
  'PIANO_ADMIN_EMAIL',
  'PIANO_ADMIN_PASSWORD',
  'PIANO_BODY_LIMIT',
  'PIANO_IMPORT_BODY_LIMIT',
  'PIANO_SESSION_HOURS',
  'PIANO_COOKIE_SECURE',
  'PIANO_USER_PASSWORD',
  'LOG_LEVEL',
];

export interface CliResult {
  /** Exit code; null only when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/piano.js ...args` from the repository root and collects its output. */
export function runPiano(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/piano.js'), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `piano ${args.join(' ')} still running after ${LAUNCH_TIMEOUT_MS} ms\n` +
            `stdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, LAUNCH_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

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
  const dir = await mkdtemp(join(tmpdir(), 'piano-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of CONFIG_VARS) delete env[name];

  let databaseFlag: string[];
  let dropDatabase = async () => {};
  let dbOptions: { databaseUrl?: string; dataDir?: string };
  if (TEST_BACKEND === 'postgres') {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) throw new Error('PIANO_TEST_BACKEND=postgres needs DATABASE_URL');
    const name = `piano_cli_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    databaseFlag = ['--database-url', url.toString()];
    dbOptions = { databaseUrl: url.toString() };
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dataDir = join(dir, 'data');
    env.PIANO_DATA_DIR = dataDir;
    databaseFlag = ['--data-dir', dataDir];
    dbOptions = { dataDir };
  }

  return {
    dir,
    env,
    databaseFlag,
    run: (args, extraEnv = {}) => runPiano(args, { ...env, ...extraEnv }),
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
      const db = await openDb(dbOptions);
      try {
        const counts: Record<string, number> = {};
        for (const table of tables) {
          const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
          counts[table] = row?.n ?? -1;
        }
        return counts;
      } finally {
        await db.close();
      }
    },
    async cleanup() {
      try {
        await dropDatabase();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
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
