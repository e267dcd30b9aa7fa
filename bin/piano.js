#!/usr/bin/env node
// Runs the compiled sources in dist/ when they match src/ (npm install builds them), and the
// TypeScript sources through tsx otherwise, so an edited source is never run stale. First it
// makes sure Node runs with piano's V8 flags (scripts/node-flags.mjs), relaunching itself in
// place when they were not given.
import { fileURLToPath } from 'node:url';
import { relaunchWithNodeFlags } from '../scripts/node-flags.mjs';

relaunchWithNodeFlags(fileURLToPath(import.meta.url));

const { buildIsCurrent } = await import('../scripts/build-state.mjs');
let main;
if (buildIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
await main(process.argv);
