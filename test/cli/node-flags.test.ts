import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../scripts/node-flags.mjs';
import { ROOT } from '../support/cli.js';

/**
 * Issue 13, item 13: `bin/piano.js` runs Node with piano's V8 flags, relaunching itself in place
 * (same process, same arguments) when it was started without them.
 */
let dir: string;
let script: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'piano-flags-'));
  script = join(dir, 'show-flags.mjs');
  // What bin/piano.js does first, then what the process ended up with.
  const flags = pathToFileURL(join(ROOT, 'scripts/node-flags.mjs')).href;
  await writeFile(
    script,
    `import { relaunchWithNodeFlags } from ${JSON.stringify(flags)};\n` +
      'relaunchWithNodeFlags(process.argv[1]);\n' +
      'console.log(JSON.stringify({ pid: process.pid, execArgv: process.execArgv, args: process.argv.slice(2) }));\n',
  );
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function run(
  args: string[],
): Promise<{ pid: number | undefined; out: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ pid: child.pid, out, code }));
  });
}

describe('piano’s V8 flags', () => {
  it('relaunches a process started without them in place, with its arguments, where Node can', async () => {
    const { pid, out, code } = await run([script, 'plans', '--json']);
    expect(code).toBe(0);
    const seen = JSON.parse(out) as { pid: number; execArgv: string[]; args: string[] };
    expect(seen.pid).toBe(pid);
    expect(seen.args).toEqual(['plans', '--json']);
    if (typeof process.execve === 'function') {
      expect(seen.execArgv).toEqual(NODE_FLAGS);
    } else {
      // Older Node: no relaunch; --liftoff-only is set on the running V8 instead.
      expect(seen.execArgv).toEqual([]);
    }
  });

  it('leaves a process that has them alone, keeping its other flags', async () => {
    const { out, code } = await run(['--stack-trace-limit=20', ...NODE_FLAGS, script]);
    expect(code).toBe(0);
    const seen = JSON.parse(out) as { execArgv: string[] };
    expect(seen.execArgv).toEqual(['--stack-trace-limit=20', ...NODE_FLAGS]);
  });

  it('keeps the flags Node was given when it relaunches', async () => {
    const { out, code } = await run(['--stack-trace-limit=20', script]);
    expect(code).toBe(0);
    const seen = JSON.parse(out) as { execArgv: string[] };
    expect(seen.execArgv.slice(0, 1)).toEqual(['--stack-trace-limit=20']);
  });
});
