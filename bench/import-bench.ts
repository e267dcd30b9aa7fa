/**
 * `npm run bench:import`: how fast and how frugal the importer is.
 *
 * 1. The median time to import a ~60 KB text plan (seed 001, read from ../shared/seeds) in
 *    process, beside a reference measured in the same run: reading the same file and splitting
 *    it into lines.
 * 2. For each bad input the issue lists (and the long PDF read whole), `piano import FILE --json`
 *    run as a child process: exit code, wall time and peak memory (maxRSS, worker threads
 *    included), against the limits of 512 MB and 30 s. The CLI's own start-up (`piano --help`)
 *    is measured the same way as a reference.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importPlanFile } from '../src/importer/import-plan.js';
import * as make from '../test/importer/support/files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = fileURLToPath(new URL('../../shared/seeds/001_bdb0d1d954de9b50.txt', import.meta.url));
const RUNS = 25;
const MEMORY_LIMIT_MB = 512;
const TIME_LIMIT_S = 30;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function timeIt(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  for (let k = 0; k < 3; k += 1) await fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

async function textPlanBenchmark() {
  const bytes = new Uint8Array(await readFile(SEED));
  const importTimes = await timeIt(() => importPlanFile(bytes, { fileName: 'piano.txt' }), RUNS);
  const referenceTimes = await timeIt(
    async () => (await readFile(SEED, 'utf8')).split('\n').length,
    RUNS,
  );
  const result = await importPlanFile(bytes, { fileName: 'piano.txt' });
  console.log(
    `Text plan: seed 001, ${(bytes.length / 1024).toFixed(1)} KB, ${result.document.actions.length} actions, ${RUNS} runs after 3 warm-up runs`,
  );
  console.log(
    `  import (convert, recognize, build and validate the draft): median ${median(importTimes).toFixed(1)} ms, min ${Math.min(...importTimes).toFixed(1)} ms, max ${Math.max(...importTimes).toFixed(1)} ms`,
  );
  console.log(
    `  reference (read the file and split it into lines):        median ${median(referenceTimes).toFixed(2)} ms`,
  );
}

interface ChildRun {
  code: number | null;
  seconds: number;
  maxRssMb: number;
  message: string;
}

async function runCli(args: string[], dir: string): Promise<ChildRun> {
  const report = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(ROOT, 'bench/rss-report.mjs')).href,
      join(ROOT, 'bin/piano.js'),
      ...args,
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PIANO_RSS_REPORT: report, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  const maxRssKb = Number(await readFile(report, 'utf8').catch(() => '0'));
  return { code, seconds, maxRssMb: maxRssKb / 1024, message: stderr.trim().split('\n')[0] ?? '' };
}

async function badInputBenchmark() {
  const dir = await mkdtemp(join(tmpdir(), 'piano-bench-'));
  try {
    const docx = await make.makeDocx();
    const garbage = Buffer.alloc(64 * 1024);
    for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) % 256;
    const inputs: Array<[string, string, Uint8Array | string, string[]]> = [
      ['empty file', 'vuoto.txt', '', []],
      ['binary garbage (64 KB)', 'spazzatura.bin', garbage, []],
      ['truncated DOCX', 'troncato.docx', docx.subarray(0, Math.floor(docx.length / 2)), []],
      ['zip-bomb DOCX (200 MB of zeros in 200 KB)', 'bomba.docx', make.makeZipBomb(200), []],
      ['zip bomb lying about its sizes', 'bugiarda.docx', make.makeZipBomb(200, true), []],
      ['encrypted PDF', 'cifrato.pdf', await make.makeEncryptedPdf(), []],
      ['image-only PDF (3 pages)', 'scansione.pdf', await make.makeImageOnlyPdf(3), []],
      ['300-page PDF (page limit 200)', 'lungo.pdf', await make.makeLongPdf(300), []],
      ['300-page PDF read whole (--max-pages 400)', 'lungo.pdf', '', ['--max-pages', '400']],
    ];
    const rows: string[][] = [];
    const reference = await runCli(['--help'], dir);
    rows.push([
      'reference: piano --help',
      String(reference.code),
      reference.seconds.toFixed(2),
      reference.maxRssMb.toFixed(0),
      '',
    ]);
    for (const [label, name, bytes, extra] of inputs) {
      const path = join(dir, name);
      if (extra.length === 0) await writeFile(path, bytes);
      const run = await runCli(['import', path, '--json', ...extra], dir);
      const ok = run.maxRssMb < MEMORY_LIMIT_MB && run.seconds < TIME_LIMIT_S;
      rows.push([
        label,
        String(run.code),
        run.seconds.toFixed(2),
        run.maxRssMb.toFixed(0),
        `${ok ? '' : 'OVER LIMIT '}${run.message.slice(0, 90)}`,
      ]);
    }
    const header = ['input', 'exit', 'time s', 'max RSS MB', 'message'];
    const widths = header.map((h, k) =>
      Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)),
    );
    const line = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  ');
    console.log(
      `\nBad input: piano import FILE --json as a child process (limits: ${MEMORY_LIMIT_MB} MB, ${TIME_LIMIT_S} s)`,
    );
    console.log(line(header));
    for (const row of rows) console.log(line(row));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await textPlanBenchmark();
await badInputBenchmark();
