import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServerDatabase, TEST_BACKEND } from './db.js';

/** The repository root: the CLI runs from there, as `node bin/piano.js`. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Guards against hangs, not measures of speed: a launch takes a second or two on an idle
 * machine, but far longer when the machine is busy (PGlite creates its cluster on first use).
 * A launch still running after its time limit (this one unless told) is killed and fails.
 */
export const LAUNCH_TIMEOUT_MS = 180_000;

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
  'PIANO_PUBLIC_URL',
  'PIANO_TRUST_PROXY',
  'PIANO_DB_CACHE_MB',
  'PIANO_USER_PASSWORD',
  'LOG_LEVEL',
];

/** A child's environment: the caller's without piano's settings, NO_COLOR, and then `env`. */
export function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of CONFIG_VARS) delete base[name];
  return { ...base, ...env };
}

export interface CliResult {
  /** Exit code; null only when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/piano.js ...args` from the repository root and collects its output. Only `env`
 * configures it (see cliEnv); it is killed after `timeoutMs`, failing the launch.
 */
export function runPiano(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = LAUNCH_TIMEOUT_MS,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/piano.js'), ...args], {
      cwd: ROOT,
      env: cliEnv(env),
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
          `piano ${args.join(' ')} still running after ${timeoutMs} ms\n` +
            `stdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
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
 * A database of its own for the CLI, in a temporary directory: a PGlite data directory inside
 * it, or (PIANO_TEST_BACKEND=postgres) a fresh database on the DATABASE_URL server.
 */
export interface CliDatabase {
  /** Temporary directory, removed by close. */
  dir: string;
  /** The environment that names the database to the CLI: PIANO_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** The global flag that names the database explicitly: --data-dir or --database-url. */
  flag: string[];
  /** The same, as options for openDb, to read the database bypassing the CLI. */
  options: { dataDir?: string; databaseUrl?: string };
  /** Drops the server database, if any, and removes the temporary directory. */
  close(): Promise<void>;
}

export async function cliDatabase(): Promise<CliDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'piano-cli-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  if (TEST_BACKEND === 'pglite') {
    const dataDir = join(dir, 'data');
    return {
      dir,
      env: { PIANO_DATA_DIR: dataDir },
      flag: ['--data-dir', dataDir],
      options: { dataDir },
      close: removeDir,
    };
  }
  const { url, drop } = await createServerDatabase('piano_cli');
  return {
    dir,
    env: { DATABASE_URL: url },
    flag: ['--database-url', url],
    options: { databaseUrl: url },
    close: async () => {
      try {
        await drop();
      } finally {
        await removeDir();
      }
    },
  };
}
