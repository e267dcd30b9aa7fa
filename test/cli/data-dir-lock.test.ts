import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/storage/data-dir-lock.js';
import { cliEnv, ROOT, runPiano } from '../support/cli.js';
import { CLI_TEST_OPTIONS } from './helpers.js';

/**
 * Issue 13, item 9: one process owns an embedded database's data directory. Whatever the test
 * backend, these tests use an embedded data directory of their own, as `npm start` does.
 */
let dir: string;
let dataDir: string;
const env = () => cliEnv({ PIANO_DATA_DIR: dataDir, LOG_LEVEL: 'info' });

/** Starts `piano serve` on a free port and resolves once it listens. */
function startServer(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/piano.js'), 'serve', '--port', '0'], {
      cwd: ROOT,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Server listening')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`serve ended with ${code}: ${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'piano-lock-'));
  dataDir = join(dir, 'data');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the embedded database’s data directory has one owner', () => {
  it(
    'refuses a CLI command while the server runs, naming the server’s process, and serves again after it stops',
    async () => {
      const server = await startServer();
      try {
        const lock = JSON.parse(await readFile(join(dataDir, 'piano.lock'), 'utf8'));
        expect(lock.pid).toBe(server.pid);
        const refused = await runPiano(['plans'], env());
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`è già in uso dal processo ${server.pid} (piano serve`);
        expect(refused.stderr).toContain('DATABASE_URL');
        expect(refused.stderr).not.toMatch(/RuntimeError|Aborted/);
      } finally {
        server.kill('SIGTERM');
        await exited(server);
      }
      const after = await runPiano(['plans'], env());
      expect(after.code, after.stderr).toBe(0);
    },
    CLI_TEST_OPTIONS.timeout,
  );

  it(
    'takes over the lock of a process that was killed',
    async () => {
      const server = await startServer();
      server.kill('SIGKILL');
      await exited(server);
      const lock = JSON.parse(await readFile(join(dataDir, 'piano.lock'), 'utf8'));
      expect(lock.pid).toBe(server.pid);
      const after = await runPiano(['plans'], env());
      expect(after.code, after.stderr).toBe(0);
    },
    CLI_TEST_OPTIONS.timeout,
  );

  it('lets the process that holds the lock release it, and another take it', () => {
    const release = lockDataDir(join(dir, 'other'));
    release();
    const again = lockDataDir(join(dir, 'other'));
    again();
  });
});
