#!/usr/bin/env node
// Runs the whole suite against the embedded database, then again against a PostgreSQL server
// when DATABASE_URL names one (CI always does), browser tests aside. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
// The browser tests (test/web/browser/) drive Chromium against the whole server: they check
// pages, not storage, so they run once, with the embedded database.
const BROWSER_TESTS = 'test/web/browser/**';
const runs = [{ name: 'PGlite (embedded)', env: { PIANO_TEST_BACKEND: 'pglite' }, args: [] }];
if (process.env.DATABASE_URL) {
  runs.push({
    name: 'PostgreSQL server',
    env: { PIANO_TEST_BACKEND: 'postgres' },
    args: ['--exclude', BROWSER_TESTS],
  });
} else {
  console.log('DATABASE_URL is not set: the PostgreSQL server run is skipped on this machine.');
}

let failed = false;
for (const run of runs) {
  console.log(`\n=== Test suite on ${run.name} ===`);
  const result = spawnSync('npx', ['vitest', 'run', ...run.args, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...run.env },
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
