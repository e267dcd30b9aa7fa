/**
 * `npm run bench:web`: throughput and latency of the web interface's pages, beside a static file
 * of the same size served by the same server in the same run, and the JavaScript each page sends.
 *
 * Starts bench/web-bench-server.ts in a child process (embedded database in a temporary
 * directory, the demo plan) and loads it with autocannon from this process, asking for gzip as
 * browsers do:
 *
 *   static     the plan page's bytes as a static file (the reference)
 *   plan warm  the plan page from the page cache (the plan did not change)
 *   plan cold  the plan page rendered on every request (page cache off)
 *   home       the home page (search and list of organizations, not cached)
 *   action     an action page (cached)
 *
 * and the back office with 10 signed-in users (each connection its own RTD session):
 *
 *   dashboard        a plan's dashboard (coverage, progress, deadlines, spending)
 *   action list      a plan's priorities and actions
 *   action save      each user opens their own action and saves a new progress (GET, then the
 *                    form post with the version read, answered by a redirect); one request of
 *                    the pair is counted per save in req/s, latencies are per request
 *
 * Each runs --runs times (default 3) after a warm-up; the table shows medians. Aim: plan page,
 * warm, at 0.5× or more of the static file's throughput; no page over 60 KB of JavaScript (gzip).
 * Options: --runs N, --duration S (default 6), --connections C (default 10).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { WebBenchReady } from './web-bench-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AIM_RATIO = 0.5;
const JS_BUDGET = 60 * 1024;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
  },
});
const runs = Number(values.runs);
const duration = Number(values.duration);
const connections = Number(values.connections);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};

type Load = Omit<autocannon.Options, 'url' | 'connections' | 'duration'>;

/** Runs one target; any answer but 2xx (and 303 for form posts) fails the benchmark. */
async function load(url: string, seconds: number, options: Load = {}) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip' },
    ...options,
  });
  const bad = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !/^2\d\d$|^303$/.test(status))
    .reduce((sum, [, stat]) => sum + Number(stat.count), result.errors);
  if (bad > 0) {
    throw new Error(`${url}: ${bad} requests failed ${JSON.stringify(result.statusCodeStats)}`);
  }
  const pairs = options.requests && options.requests.length > 1 ? options.requests.length : 1;
  return {
    rps: result.requests.average / pairs,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Gives each connection its own session, as ten people signed in at once. */
function signedInClients(cookies: string[]): Load {
  let next = 0;
  return {
    setupClient: (client) => {
      const cookie = cookies[next++ % cookies.length] as string;
      client.setHeaders({ 'accept-encoding': 'gzip', cookie });
    },
  };
}

/** Each connection saves its own action: reads the editor, posts a new progress on that version. */
function actionSaves(ready: WebBenchReady): Load {
  const { cookies, csrf, actionPaths } = ready.signedIn;
  let next = 0;
  /** Each connection is one user for its whole life: its session names its action. */
  const userOf = (request: { headers?: { cookie?: string | undefined } }) =>
    Math.max(0, cookies.indexOf(request.headers?.cookie ?? ''));
  // Uncompressed: the editor's version is read from the page.
  const headersOf = (user: number, extra: Record<string, string> = {}) => ({
    'accept-encoding': 'identity',
    cookie: cookies[user] as string,
    ...extra,
  });
  return {
    setupClient: (client) => {
      client.setHeaders(headersOf(next++ % cookies.length));
    },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const user = userOf(request);
          return { ...request, path: actionPaths[user] as string, headers: headersOf(user) };
        },
        onResponse: (_status, body, context) => {
          (context as { version?: string }).version =
            /name="version" value="(\d+)"/.exec(body)?.[1] ?? '0';
        },
      },
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const user = userOf(request);
          const form = new URLSearchParams({
            _csrf: csrf[user] as string,
            version: (context as { version?: string }).version ?? '0',
            progress: String(Math.floor(Math.random() * 101)),
          });
          return {
            ...request,
            path: actionPaths[user] as string,
            headers: headersOf(user, { 'content-type': 'application/x-www-form-urlencoded' }),
            body: form.toString(),
          };
        },
      },
    ],
  };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'piano-web-bench-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/web-bench-server.ts'], {
  cwd: ROOT,
  env: { ...process.env, PIANO_BENCH_DATA_DIR: dir },
  stdio: ['pipe', 'pipe', 'inherit'],
});
try {
  const ready = await new Promise<WebBenchReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  });
  const warm = `http://127.0.0.1:${ready.warmPort}`;
  const cold = `http://127.0.0.1:${ready.coldPort}`;
  const signedIn = signedInClients(ready.signedIn.cookies);
  const targets: [string, string, Load?][] = [
    ['static file (reference)', `${warm}/__bench/static.html`],
    ['plan page, warm cache', `${warm}${ready.planPath}`],
    ['plan page, cold cache', `${cold}${ready.planPath}`],
    ['home page', `${warm}/`],
    ['action page', `${warm}${ready.actionPath}`],
    ['back office: dashboard (10 signed in)', `${warm}${ready.signedIn.dashboardPath}`, signedIn],
    [
      'back office: action list (10 signed in)',
      `${warm}${ready.signedIn.actionListPath}`,
      signedIn,
    ],
    ['back office: action save (10 signed in)', warm, actionSaves(ready)],
  ];
  console.log(
    `piano web bench: ${runs} runs × ${duration} s, ${connections} connections, gzip; plan page ${Math.round(ready.pageBytes / 1024)} KB (${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)})`,
  );
  for (const [, url, options] of targets) await load(url, 1, options);
  const results = new Map<string, { rps: number[]; p50: number[]; p99: number[] }>();
  for (let r = 0; r < runs; r += 1) {
    // Alternating the targets within each run spreads the machine's noise over all of them.
    for (const [name, url, options] of targets) {
      const m = await load(url, duration, options);
      const entry = results.get(name) ?? { rps: [], p50: [], p99: [] };
      entry.rps.push(m.rps);
      entry.p50.push(m.p50);
      entry.p99.push(m.p99);
      results.set(name, entry);
    }
  }
  const reference = median(results.get(targets[0]![0])!.rps);
  console.log('\n| what | req/s (median) | × static | p50 ms | p99 ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name] of targets) {
    const e = results.get(name)!;
    const rps = median(e.rps);
    console.log(
      `| ${name} | ${Math.round(rps)} | ${(rps / reference).toFixed(2)} | ${median(e.p50)} | ${median(e.p99)} |`,
    );
  }
  const warmRatio = median(results.get(targets[1]![0])!.rps) / reference;
  console.log(
    `\nAim: plan page, warm, ≥ ${AIM_RATIO}× the static file: ${warmRatio.toFixed(2)}× — ${warmRatio >= AIM_RATIO ? 'met' : 'NOT met'}`,
  );

  console.log('\n| page | scripts | JavaScript (gzip) |');
  console.log('| --- | --- | --- |');
  let over = 0;
  for (const [name, pagePath] of Object.entries(ready.pages)) {
    const headers = { cookie: ready.signedIn.cookies[0] as string };
    const response = await fetch(`${warm}${pagePath}`, { headers, redirect: 'manual' });
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
    const html = await response.text();
    const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
    let bytes = 0;
    for (const src of srcs) {
      bytes += gzipSync(Buffer.from(await (await fetch(`${warm}${src}`)).arrayBuffer())).length;
    }
    if (bytes > JS_BUDGET) over += 1;
    console.log(`| ${name} | ${srcs.length} | ${(bytes / 1024).toFixed(1)} KB |`);
  }
  console.log(
    `\nAim: no page over ${JS_BUDGET / 1024} KB of JavaScript (gzip): ${over === 0 ? 'met' : `${over} pages over`}`,
  );
} finally {
  child.stdin?.end();
  child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
