import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_BACKEND } from '../../support/db.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak memory of the child process, in KB (from /proc, sampled), and its duration. */
  ms: number;
}

/** Runs `node bin/piano.js ...args` with only the given environment; killed after `timeoutMs`. */
export function runPiano(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 90_000,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/piano.js'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`piano ${args.join(' ')} still running after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** A database the CLI reaches through its environment: a PGlite directory or a fresh server database. */
export async function cliDatabase(): Promise<{
  env: NodeJS.ProcessEnv;
  dir: string;
  close: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'piano-import-'));
  if (TEST_BACKEND === 'pglite') {
    return {
      env: { PIANO_DATA_DIR: join(dir, 'data') },
      dir,
      close: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('PIANO_TEST_BACKEND=postgres needs DATABASE_URL');
  const name = `piano_import_${randomBytes(5).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    dir,
    close: async () => {
      await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
