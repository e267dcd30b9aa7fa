// The V8 flags piano runs with, and the relaunch that applies them to `node bin/piano.js`.
// Plain JavaScript, so that bin/piano.js can use it before loading anything else.
//
// --liftoff-only: PGlite is PostgreSQL compiled to WebAssembly (9 MB). V8 compiles it with its
// baseline compiler (Liftoff) and recompiles the busy functions with its optimizing compiler;
// on Node 24 that optimizing pass takes about 500 MB more at its peak (`piano plans --json`
// peaked at 650 MB, 150 MB with the flag) and slows a short command down (3 s instead of 1.5 s).
// The embedded database then runs baseline code: `npm run bench` found the server's throughput
// per CPU second unchanged (README, Benchmarks).
// --max-semi-space-size=2: V8's young generation grows to 16 MB per semi-space by default; a
// server that renders pages and documents fills it with short-lived garbage that stays
// resident (idle 280 → 230 MB, under load 550 → 360 MB), for no loss of throughput measured.

import v8 from 'node:v8';

export const NODE_FLAGS = ['--liftoff-only', '--max-semi-space-size=2'];

/** Whether this process already runs with every flag of NODE_FLAGS. */
export function hasNodeFlags(execArgv = process.execArgv) {
  return NODE_FLAGS.every((flag) => execArgv.includes(flag));
}

/**
 * Replaces this process with the same command run with NODE_FLAGS, keeping its pid, stdio and
 * environment (process.execve, Node 22.15 and later). Returns when the flags are there already;
 * where Node cannot replace a process, sets --liftoff-only on the running V8 instead and returns
 * (older V8s honour it that way, as long as no WebAssembly was compiled yet; heap sizes are
 * fixed by then).
 */
export function relaunchWithNodeFlags(script) {
  if (hasNodeFlags()) return;
  if (typeof process.execve !== 'function' || process.platform === 'win32') {
    v8.setFlagsFromString('--liftoff-only');
    return;
  }
  const args = [...process.execArgv, ...NODE_FLAGS, script, ...process.argv.slice(2)];
  process.execve(process.execPath, [process.execPath, ...args], process.env);
}
