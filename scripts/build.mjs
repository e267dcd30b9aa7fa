// npm run build (also run by `npm install` as the prepare step): compiles src/ to dist/ with
// esbuild, one JavaScript file per TypeScript file in the same layout, and copies the other
// files (SQL migrations, the importer's worker). The CLI and the server then start without
// the TypeScript loader; bin/piano.js falls back to it whenever src/ changed after the build.
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { BUILD_INFO, ROOT, sourceFingerprint } from './build-state.mjs';

const src = join(ROOT, 'src');
const dist = join(ROOT, 'dist');
// Built aside and moved into place at the end, so that a command started meanwhile finds either
// the previous build or the new one, never half of one.
const next = join(ROOT, `.dist-${process.pid}`);
const started = performance.now();
const fingerprint = sourceFingerprint();

rmSync(next, { recursive: true, force: true });
const files = readdirSync(src, { recursive: true }).map(String);
// Browser scripts (src/web/client/) are bundled per page by the server itself, not compiled here.
const isServerSource = (f) => /\.tsx?$/.test(f) && !f.startsWith(join('web', 'client'));
await build({
  entryPoints: files.filter(isServerSource).map((f) => join(src, f)),
  outdir: next,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
});
for (const file of files.filter((f) => !/\.tsx?$/.test(f) && /\.[a-z]+$/.test(f))) {
  mkdirSync(join(next, file, '..'), { recursive: true });
  cpSync(join(src, file), join(next, file));
}
// Written last: a build that failed halfway is never taken for a current one.
writeFileSync(join(next, BUILD_INFO), JSON.stringify({ fingerprint }));
rmSync(dist, { recursive: true, force: true });
renameSync(next, dist);
console.log(`piano: compiled src/ to dist/ in ${Math.round(performance.now() - started)} ms`);
