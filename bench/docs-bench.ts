/**
 * Document generation benchmark (npm run bench:docs).
 *
 * For the demo plan (49 actions) and a synthetic plan ten times larger (its priorities,
 * actions, baseline, indicators and spending repeated with new ids), prints the median time of
 * every export format:
 *   - in process: exportFiles() on an already loaded PlanDocument, after one warm-up run;
 *   - as a whole command: `node bin/piano.js export PLAN --format F --out …` on a temporary
 *     embedded database, start-up, database and rendering included;
 * with the peak resident memory of each, and, in the same run, LibreOffice (headless)
 * converting the same DOCX to PDF, with the ratio LibreOffice / piano for PDF.
 *
 *   npm run bench:docs                    3 command runs, 5 in-process runs per format
 *   npm run bench:docs -- --runs 5        more runs
 *   npm run bench:docs -- --no-command    in-process only (fast)
 *
 * The commands run the compiled sources (dist/, built first when src/ changed since the last
 * build), as `npm start` and an installed piano do.
 *
 * LibreOffice is not a dependency: without `soffice` the bench says how to install it
 * (apt-get install -y libreoffice-writer-nogui) and measures piano alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { EXPORT_FORMATS, exportFiles, type ExportFormat } from '../src/documents/exports.js';
import { lineTitleLookup } from '../src/domain/catalog/catalog.js';
import { buildIsCurrent } from '../scripts/build-state.mjs';
import type { PlanDocument } from '../src/domain/model/interchange.js';
import { parsePlanDocument } from '../src/catalog/parse-plan-document.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COMMAND_RUNS = option('--runs', 3);
const IN_PROCESS_RUNS = Math.max(COMMAND_RUNS, 5);
const WITH_COMMAND = !args.includes('--no-command');
const FORMATS = EXPORT_FORMATS.filter((f) => f !== 'opendata');
const REPORT_DATE = '2026-07-01';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The demo plan repeated `times` times with new ids: priorities p1 → p1-x2, actions a1.1 → a1.1-x2… */
export function largerPlan(doc: PlanDocument, times: number): PlanDocument {
  const copies = Array.from({ length: times }, (_, i) => i + 1);
  const id = (value: string, k: number) => (k === 1 ? value : `${value}-x${k}`);
  const maybe = (value: string | null, k: number) => (value === null ? null : id(value, k));
  const code = (value: string | null, k: number) =>
    value === null || k === 1 ? value : `${value}.${k}`;
  const input = structuredClone(doc) as PlanDocument;
  input.priorities = copies.flatMap((k) =>
    doc.priorities.map((p) => ({
      ...p,
      id: id(p.id, k),
      code: code(p.code, k),
      title: k === 1 ? p.title : `${p.title} (${k})`,
    })),
  );
  input.baseline = copies.flatMap((k) =>
    doc.baseline.map((b) => ({ ...b, id: id(b.id, k), priorityId: maybe(b.priorityId, k) })),
  );
  input.actions = copies.flatMap((k) =>
    doc.actions.map((a) => ({
      ...a,
      id: id(a.id, k),
      priorityId: id(a.priorityId, k),
      code: code(a.code, k),
      microActions: a.microActions.map((m) => ({ ...m, id: id(m.id, k) })),
    })),
  );
  input.indicators = copies.flatMap((k) =>
    doc.indicators.map((i) => ({
      ...i,
      id: id(i.id, k),
      actionId: maybe(i.actionId, k),
      priorityId: maybe(i.priorityId, k),
      measurements: i.measurements.map((m) => ({ ...m, id: id(m.id, k) })),
    })),
  );
  input.spending = copies.flatMap((k) =>
    doc.spending.map((s) => ({
      ...s,
      id: id(s.id, k),
      actionId: maybe(s.actionId, k),
      cup: k === 1 ? s.cup : null,
    })),
  );
  return parsePlanDocument(input);
}

interface Row {
  format: ExportFormat;
  inProcess: number;
  heap: number;
  command?: number;
  commandRss?: number;
}

async function measureInProcess(doc: PlanDocument, format: ExportFormat) {
  // As `piano export` does: dates fixed, linked codes printed with their catalog titles.
  const lookupTitle = lineTitleLookup(loadCatalog(), doc);
  const options = { date: REPORT_DATE, modified: '2026-01-01', lookupTitle };
  await exportFiles(doc, format, options); // warm-up: module loading, JIT, font parsing
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < IN_PROCESS_RUNS; i += 1) {
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    await exportFiles(doc, format, options);
    times.push(performance.now() - t);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  return { time: median(times), heap };
}

/** Runs a command, returning its wall time and (for node) its peak resident memory. */
function timed(
  command: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ time: number; rss: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const time = performance.now() - t;
      const rss = Number(/piano-max-rss=(\d+)/.exec(stderr)?.[1] ?? 0) * 1024;
      resolve({ time, rss, code, stderr: stderr.replace(/piano-max-rss=\d+\n?/, '') });
    });
  });
}

async function main() {
  const demo = parsePlanDocument(
    JSON.parse(readFileSync(join(ROOT, 'data/demo/plan.json'), 'utf8')),
  );
  const large = largerPlan(demo, 10);
  const work = mkdtempSync(join(tmpdir(), 'piano-docs-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PIANO_DATA_DIR: join(work, 'data'),
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  const rssProbe = join(work, 'max-rss.mjs');
  writeFileSync(
    rssProbe,
    "process.on('exit', () => process.stderr.write(`piano-max-rss=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const piano = (argv: string[]) =>
    timed(process.execPath, ['--import', rssProbe, join(ROOT, 'bin/piano.js'), ...argv], env);

  console.log(
    `piano – document generation benchmark (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
  );
  console.log(
    `in-process: median of ${IN_PROCESS_RUNS} runs after a warm-up; command: median of ${COMMAND_RUNS} launches\n`,
  );

  const plans: { name: string; doc: PlanDocument; id?: string; docx?: string; rows: Row[] }[] = [
    { name: `demo plan (${demo.actions.length} actions)`, doc: demo, rows: [] },
    { name: `synthetic plan ×10 (${large.actions.length} actions)`, doc: large, rows: [] },
  ];

  if (WITH_COMMAND) {
    if (!buildIsCurrent()) {
      console.log('src/ changed since the last build: npm run build');
      spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
    }
    for (const [i, plan] of plans.entries()) {
      const file = join(work, `plan-${i}.json`);
      writeFileSync(file, JSON.stringify(plan.doc));
      const loaded = spawnSync(process.execPath, [join(ROOT, 'bin/piano.js'), 'load', file], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
      const id = /Piano caricato: ([0-9a-f-]{36})/.exec(loaded.stdout)?.[1];
      if (!id) throw new Error(`load failed: ${loaded.stderr}`);
      plan.id = id;
    }
  }

  for (const [i, plan] of plans.entries()) {
    for (const format of FORMATS) {
      const { time, heap } = await measureInProcess(plan.doc, format);
      const row: Row = { format, inProcess: time, heap };
      if (WITH_COMMAND && plan.id) {
        const times: number[] = [];
        let rss = 0;
        for (let r = 0; r < COMMAND_RUNS; r += 1) {
          const out = join(work, `out-${i}-${format}${format === 'csv' ? '' : `.${format}`}`);
          const result = await piano([
            'export',
            plan.id,
            '--format',
            format,
            '--date',
            REPORT_DATE,
            '--out',
            out,
          ]);
          if (result.code !== 0) throw new Error(`export ${format} failed: ${result.stderr}`);
          times.push(result.time);
          rss = Math.max(rss, result.rss);
        }
        row.command = median(times);
        row.commandRss = rss;
      }
      plan.rows.push(row);
      process.stderr.write(`  ${plan.name}: ${format} ${ms(time)}\n`);
    }
    const docx = join(work, `plan-${i}.docx`);
    const [file] = await exportFiles(plan.doc, 'docx');
    writeFileSync(docx, file!.body);
    plan.docx = docx;
  }

  // LibreOffice converting the same DOCX to PDF, with a profile of its own so a running
  // LibreOffice does not interfere; one warm-up conversion creates the profile.
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  const lo: (number | null)[] = [];
  if (soffice.status === 0) {
    const profile = `file://${join(work, 'lo-profile')}`;
    const convert = (docx: string) =>
      timed(
        'soffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          join(work, 'lo'),
          docx,
        ],
        process.env,
      );
    for (const plan of plans) {
      await convert(plan.docx!);
      const times: number[] = [];
      for (let r = 0; r < COMMAND_RUNS; r += 1) times.push((await convert(plan.docx!)).time);
      lo.push(median(times));
    }
  }

  for (const [i, plan] of plans.entries()) {
    console.log(`\n${plan.name}`);
    console.log(
      [
        'format'.padEnd(12),
        'in process'.padStart(11),
        'heap Δ'.padStart(8),
        'command'.padStart(10),
        'peak RSS'.padStart(9),
      ].join('  '),
    );
    for (const r of plan.rows) {
      console.log(
        [
          r.format.padEnd(12),
          ms(r.inProcess).padStart(11),
          mb(r.heap).padStart(8),
          (r.command !== undefined ? ms(r.command) : '–').padStart(10),
          (r.commandRss ? mb(r.commandRss) : '–').padStart(9),
        ].join('  '),
      );
    }
    const pdf = plan.rows.find((r) => r.format === 'pdf')!;
    const loTime = lo[i];
    if (loTime) {
      console.log(
        `${'LibreOffice DOCX → PDF'.padEnd(24)}${''.padStart(9)}${ms(loTime).padStart(12)}   (soffice --headless --convert-to pdf)`,
      );
      console.log(
        `ratio LibreOffice / piano for PDF: ${(loTime / pdf.inProcess).toFixed(1)}× in process, ${
          pdf.command
            ? `${(loTime / pdf.command).toFixed(1)}× as whole commands`
            : 'command not measured'
        }`,
      );
    }
  }
  if (soffice.status !== 0) {
    console.log(
      '\nLibreOffice not found: install it to compare (apt-get install -y libreoffice-writer-nogui).',
    );
  } else {
    console.log(`\n${soffice.stdout.trim()}`);
  }
  console.log(`process peak RSS (in-process runs): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  rmSync(work, { recursive: true, force: true });
}

// Run when started as a script; importing the module (largerPlan) runs nothing.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
