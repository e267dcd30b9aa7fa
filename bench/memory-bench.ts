/**
 * `npm run bench:memory`: the resident memory of piano as people run it, beside the aims of
 * issue 13 (item 13): the idle server under 250 MB, a reading command under 200 MB.
 *
 * Each run, on a new temporary data directory:
 *
 *   1. starts `node bin/piano.js serve --demo --port 0` (as `npm start` does: a new data
 *      directory, created, migrated, seeded), sampling every 50 ms the resident memory of the
 *      server and of any process it starts (the child that creates the data directory), and
 *      reads, once the server has listened and then settled for --settle seconds, its resident
 *      size (VmRSS) and its peak so far (VmHWM, from /proc);
 *   2. loads it for --load seconds with autocannon (10 connections) over the home page, the
 *      plan's page, the whole-plan document and its downloads (PDF, DOCX, HTML, JSON-LD), and
 *      reads the largest resident size sampled under load and the peak (VmHWM) after;
 *   3. stops it and runs two reading commands on the same directory, `piano plans --json` and
 *      `piano export PLAN plan.json`, each reporting its peak resident size (ru_maxrss, through
 *      bench/rss-report.mjs).
 *
 * The table shows the median of --runs runs (default 3) and each run's figures. Options:
 * --runs N, --settle S (default 5), --load S (default 5), --json (figures as JSON on stdout).
 * Run it with the Node.js to measure (`PATH=/path/to/node24/bin:$PATH npm run bench:memory`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PIANO = path.join(ROOT, 'bin/piano.js');
const RSS_REPORT = fileURLToPath(new URL('./rss-report.mjs', import.meta.url));
const AIM_IDLE_MB = 250;
const AIM_COMMAND_MB = 200;

interface Settings {
  runs: number;
  settle: number;
  load: number;
  json: boolean;
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      settle: { type: 'string', default: '5' },
      load: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const number = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  return {
    runs: number('runs', values.runs, 1),
    settle: number('settle', values.settle, 0),
    load: number('load', values.load, 1),
    json: values.json,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading /proc

/** VmRSS and VmHWM of a process in MB, or null once it has gone. */
async function memoryOf(pid: number): Promise<{ rss: number; hwm: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The process and every descendant still running. */
async function processTree(root: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Samples, until stopped, the largest resident size of the process alone and of its tree. */
function sampler(pid: number, everyMs = 50) {
  let own = 0;
  let tree = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      let sum = 0;
      for (const p of await processTree(pid)) {
        const m = await memoryOf(p);
        if (!m) continue;
        sum += m.rss;
        if (p === pid) own = Math.max(own, m.rss);
      }
      tree = Math.max(tree, sum);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    reset() {
      own = 0;
      tree = 0;
    },
    async stop() {
      running = false;
      await loop;
      return { own, tree };
    },
    peek: () => ({ own, tree }),
  };
}

// ---------------------------------------------------------------------------------------------
// The server

interface ServerFigures {
  startSeconds: number;
  /** Largest resident size of the server with the processes it started, while starting. */
  startTreePeakMb: number;
  idleRssMb: number;
  idleHwmMb: number;
  loadRssMb: number;
  loadHwmMb: number;
  afterLoadRssMb: number;
  requestsPerSecond: number;
}

function startPiano(dataDir: string): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, [PIANO, 'serve', '--demo', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, PIANO_DATA_DIR: dataDir, LOG_LEVEL: 'info', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`piano serve ended (exit ${code})`)));
  });
  return { child, port };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The addresses a visitor of the portal and a re-user of the open data load. */
async function visitorUrls(base: string): Promise<string[]> {
  const plans = (await (await fetch(`${base}/api/plans`)).json()) as { items: { id: string }[] };
  const planId = plans.items[0]?.id;
  if (!planId) throw new Error('the demo plan is not listed');
  const home = await (await fetch(`${base}/`)).text();
  const planPage = /href="(\/enti\/[^"]+\/piani\/[^"/]+)"/.exec(home)?.[1];
  if (!planPage) throw new Error('the home page links to no plan');
  return [
    '/',
    planPage,
    `/api/plans/${planId}/document`,
    ...['plan.pdf', 'plan.docx', 'plan.html', 'dataset.jsonld'].map(
      (file) => `/api/plans/${planId}/exports/${file}`,
    ),
  ];
}

async function measureServer(dataDir: string, settings: Settings): Promise<ServerFigures> {
  const started = performance.now();
  const { child, port } = startPiano(dataDir);
  const samples = sampler(child.pid!);
  try {
    const base = `http://127.0.0.1:${await port}`;
    const startSeconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, settings.settle * 1000));
    const idle = await memoryOf(child.pid!);
    const startTreePeakMb = samples.peek().tree;
    if (!idle) throw new Error('the server went away');

    const urls = await visitorUrls(base);
    samples.reset();
    const result = await autocannon({
      url: base,
      connections: 10,
      duration: settings.load,
      requests: urls.map((url) => ({ method: 'GET', path: url })),
    });
    const underLoad = samples.peek();
    const after = await memoryOf(child.pid!);
    if (!after) throw new Error('the server went away');
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${result.non2xx} answers were not 2xx, ${result.errors} errors`);
    }
    return {
      startSeconds,
      startTreePeakMb,
      idleRssMb: idle.rss,
      idleHwmMb: idle.hwm,
      loadRssMb: underLoad.own,
      loadHwmMb: after.hwm,
      afterLoadRssMb: after.rss,
      requestsPerSecond: result.requests.average,
    };
  } finally {
    await samples.stop();
    await stop(child);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading commands

/** Peak resident size (MB) of `piano …args`, which must succeed. */
async function commandPeak(dataDir: string, args: string[], report: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', RSS_REPORT, PIANO, ...args], {
    cwd: ROOT,
    env: { ...process.env, PIANO_DATA_DIR: dataDir, PIANO_RSS_REPORT: report },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`piano ${args.join(' ')} ended with ${code}`);
  return Number(await readFile(report, 'utf8')) / 1024;
}

interface RunFigures extends ServerFigures {
  plansJsonMb: number;
  exportJsonMb: number;
}

async function run(settings: Settings): Promise<RunFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'piano-memory-'));
  try {
    const dataDir = path.join(dir, 'data');
    const server = await measureServer(dataDir, settings);
    const report = path.join(dir, 'rss');
    const plansJsonMb = await commandPeak(dataDir, ['plans', '--json'], report);
    const listing = spawn(process.execPath, [PIANO, 'plans', '--json'], {
      cwd: ROOT,
      env: { ...process.env, PIANO_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    listing.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => listing.once('exit', resolve));
    const planId = (JSON.parse(out) as { id: string }[])[0]!.id;
    const exportJsonMb = await commandPeak(
      dataDir,
      ['export', planId, '--out', path.join(dir, 'plan.json')],
      report,
    );
    return { ...server, plansJsonMb, exportJsonMb };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main() {
  const settings = parseSettings(process.argv.slice(2));
  const say = settings.json
    ? (line = '') => process.stderr.write(`${line}\n`)
    : (line = '') => process.stdout.write(`${line}\n`);
  say(
    `piano memory, Node ${process.version}, ${settings.runs} run(s), settle ${settings.settle} s, ` +
      `load ${settings.load} s; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const runs: RunFigures[] = [];
  for (let i = 1; i <= settings.runs; i++) {
    const figures = await run(settings);
    runs.push(figures);
    say(
      `  run ${i}: idle ${figures.idleRssMb.toFixed(0)} MB, start-up peak ${figures.idleHwmMb.toFixed(0)} MB ` +
        `(with its children ${figures.startTreePeakMb.toFixed(0)} MB), under load ${figures.loadRssMb.toFixed(0)} MB ` +
        `(peak ${figures.loadHwmMb.toFixed(0)} MB, ${figures.requestsPerSecond.toFixed(0)} req/s), ` +
        `plans --json ${figures.plansJsonMb.toFixed(0)} MB, export ${figures.exportJsonMb.toFixed(0)} MB`,
    );
  }
  const m = (key: keyof RunFigures) => median(runs.map((r) => r[key]));
  const row = (label: string, value: number, aim?: number) =>
    say(
      `  ${label.padEnd(48)} ${value.toFixed(0).padStart(5)} MB` +
        (aim === undefined ? '' : `   aim < ${aim} MB: ${value < aim ? 'met' : 'NOT met'}`),
    );
  say();
  say(`median of ${settings.runs} run(s):`);
  row('server idle after start-up (VmRSS)', m('idleRssMb'), AIM_IDLE_MB);
  row('server peak while starting (VmHWM)', m('idleHwmMb'));
  row('  with the processes it started (sampled)', m('startTreePeakMb'));
  row('server under load (largest VmRSS sampled)', m('loadRssMb'));
  row('server peak after load (VmHWM)', m('loadHwmMb'));
  row('server after load (VmRSS)', m('afterLoadRssMb'));
  row('piano plans --json (peak)', m('plansJsonMb'), AIM_COMMAND_MB);
  row('piano export PLAN (peak)', m('exportJsonMb'), AIM_COMMAND_MB);
  say(
    `  start-up ${m('startSeconds').toFixed(1)} s; ${m('requestsPerSecond').toFixed(0)} req/s under load`,
  );
  if (settings.json) {
    process.stdout.write(
      `${JSON.stringify({ node: process.version, settings, runs, median: Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, m(k as keyof RunFigures)])) }, null, 2)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
