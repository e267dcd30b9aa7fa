/**
 * `npm run bench`: throughput and latency of the HTTP API on each storage backend.
 *
 * For embedded PGlite (in a temporary data directory) and, when DATABASE_URL is set, for a
 * PostgreSQL server (in a temporary database piano_bench_<random> created on it), the script
 * starts bench/bench-server.ts in a child process (the real app on the demo plan, plus two
 * reference routes) and loads it with autocannon from this process:
 *
 *   (a) GET /__bench/bare                     a tiny JSON answer: the floor of the stack
 *   (b) GET /__bench/preserialized            the whole-plan document, serialized in memory
 *   (c) GET /api/plans/:planId/document       the real whole-plan read, as an anonymous visitor
 *   (d) PATCH /api/plans/:planId/actions/:id  a real change (the progress of an action of the
 *                                             published demo plan), as the demo RTD
 *
 * Each measurement runs --runs times (default 3) after one warm-up; the table shows the median
 * of the runs. Temporary directories, databases and child processes are removed at the end,
 * also on failure or Ctrl-C.
 *
 * The server runs with piano's V8 flags (scripts/node-flags.mjs), as `piano serve` does; its
 * resident memory (Linux /proc) is reported idle after start-up, as the largest sampled under
 * load and as its peak (VmHWM).
 *
 * Options: --runs N, --duration S (per run, default 8), --warmup S (default 2),
 * --connections C (default 10), --backend pglite|postgres (default: both), --plain-node (the
 * server without piano's V8 flags, to compare), --json (the results as JSON on stdout; the
 * human-readable report then goes to stderr).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/operations/seed-demo.js';
import { NODE_FLAGS } from '../scripts/node-flags.mjs';
import type { BenchServerReady } from './bench-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_FILE = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
const AIM_RATIO = 0.5;
/** USER_HZ of /proc/<pid>/stat: 100 on every mainstream Linux. */
const CLOCK_TICKS = 100;
const AIM_TEXT = `whole-plan read at ≥ ${AIM_RATIO}× the pre-serialized route's throughput on the embedded backend`;

// ---------------------------------------------------------------------------------------------
// Options and output

interface Settings {
  runs: number;
  duration: number;
  warmup: number;
  connections: number;
  backends: Array<'pglite' | 'postgres'>;
  plainNode: boolean;
  json: boolean;
}

/** A mistake on the command line: reported without a stack trace. */
class UsageError extends Error {}

function parseSettings(argv: string[]): Settings {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        runs: { type: 'string', default: '3' },
        duration: { type: 'string', default: '8' },
        warmup: { type: 'string', default: '2' },
        connections: { type: 'string', default: '10' },
        backend: { type: 'string' },
        'plain-node': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(
      'usage: npm run bench -- [--runs N] [--duration S] [--warmup S] [--connections C]\n' +
        '                        [--backend pglite|postgres] [--plain-node] [--json]\n' +
        'The PostgreSQL backend runs when DATABASE_URL is set.\n',
    );
    process.exit(0);
  }
  const positive = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const backend = values.backend;
  if (backend !== undefined && backend !== 'pglite' && backend !== 'postgres') {
    throw new UsageError('--backend must be pglite or postgres');
  }
  return {
    runs: positive('runs', values.runs, 1),
    duration: positive('duration', values.duration, 1),
    warmup: positive('warmup', values.warmup, 0),
    connections: positive('connections', values.connections, 1),
    backends: backend ? [backend] : ['pglite', 'postgres'],
    plainNode: values['plain-node'],
    json: values.json,
  };
}

let say: (line?: string) => void = (line = '') => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Clean-up of whatever the script created, also on failure and on Ctrl-C

const cleanups: Array<{ label: string; run: () => Promise<void> }> = [];

function onCleanup(label: string, run: () => Promise<void>) {
  cleanups.push({ label, run });
}

/** Undoes, newest first, everything registered so far. */
async function cleanUp() {
  for (let c = cleanups.pop(); c; c = cleanups.pop()) {
    try {
      await c.run();
    } catch (error) {
      console.error(`bench: clean-up of ${c.label} failed:`, error);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Backends: where each one's temporary database lives

interface BackendPlace {
  name: 'pglite' | 'postgres';
  label: string;
  /** Environment for bench-server.ts. */
  env: Record<string, string>;
}

async function pglitePlace(): Promise<BackendPlace> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'piano-bench-'));
  onCleanup(`directory ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return {
    name: 'pglite',
    label: `embedded PGlite (temporary data directory ${dir})`,
    env: { PIANO_BENCH_DATA_DIR: dir, PIANO_BENCH_REMOVE_DATA_DIR: '1' },
  };
}

async function postgresPlace(serverUrl: string): Promise<BackendPlace> {
  const name = `piano_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  onCleanup(`database ${name}`, () =>
    adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    label: `PostgreSQL server ${url.host} (temporary database ${name})`,
    env: { PIANO_BENCH_DATABASE_URL: url.toString() },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The server child process

interface RunningServer extends BenchServerReady {
  base: string;
  pid: number | undefined;
  stop: () => Promise<void>;
}

async function startServer(place: BackendPlace, settings: Settings): Promise<RunningServer> {
  const flags = settings.plainNode ? [] : NODE_FLAGS;
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', SERVER_FILE], {
    cwd: ROOT,
    env: { ...process.env, ...place.env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      console.error('bench: the server process failed:', error);
      resolve(null);
    });
  });
  const stop = () => stopChild(child, exited);
  onCleanup(`server process ${child.pid}`, stop);

  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const ready = await new Promise<BenchServerReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the bench server did not start within 180 s')),
      180_000,
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as BenchServerReady);
      } catch {
        reject(new Error(`unexpected line from the bench server: ${line}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited with code ${code} before it was ready`));
    });
  });
  return { ...ready, base: `http://127.0.0.1:${ready.port}`, pid: child.pid, stop };
}

/** Asks the child to close its app and database; kills it if it takes more than 15 s. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Resident size (VmRSS) and its peak so far (VmHWM) of a process in MB, from /proc (Linux). */
function memoryOf(pid: number | undefined): { rss: number; hwm: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
    return { rss: mb('VmRSS'), hwm: mb('VmHWM') };
  } catch {
    return null;
  }
}

/** The server's resident memory, in MB: idle after start-up, largest sampled under load, peak. */
interface MemoryFigures {
  idleMb: number;
  loadMb: number;
  peakMb: number;
}

/** CPU time of a process in ms, from /proc (Linux); null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Busy and total CPU time of the whole machine, in clock ticks, from /proc/stat; null elsewhere. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** How busy the machine is over `ms`, before the benchmark loads it (other processes). */
async function machineBusyPercent(ms: number): Promise<number | null> {
  const before = machineTicks();
  await sleep(ms);
  const after = machineTicks();
  if (!before || !after || after.total === before.total) return null;
  return (100 * (after.busy - before.busy)) / (after.total - before.total);
}

/** CPU use during one run, in % of one core (processes) and % of all cores (machine). */
interface CpuFigures {
  server: number | null;
  client: number;
  machine: number | null;
}

function cpuMeter(serverPid: number | undefined) {
  const start = performance.now();
  const server = processCpuMs(serverPid);
  const client = process.cpuUsage();
  const machine = machineTicks();
  return (): CpuFigures => {
    const wall = performance.now() - start;
    const serverNow = processCpuMs(serverPid);
    const clientUsed = process.cpuUsage(client);
    const machineNow = machineTicks();
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      server:
        server !== null && serverNow !== null ? round((100 * (serverNow - server)) / wall) : null,
      client: round((100 * (clientUsed.user + clientUsed.system)) / 1000 / wall),
      machine:
        machine && machineNow
          ? round((100 * (machineNow.busy - machine.busy)) / (machineNow.total - machine.total))
          : null,
    };
  };
}

interface RunFigures {
  cpu: CpuFigures;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

interface Target {
  key: 'bare' | 'preserialized' | 'document' | 'patch';
  label: string;
  /** Extra autocannon options (the URL, or setupClient for the writes). */
  options: () => Partial<autocannon.Options>;
  /** Runs after each autocannon run (the writes resynchronize their versions). */
  after?: () => Promise<void>;
}

interface RouteResult {
  key: Target['key'];
  route: string;
  runs: RunFigures[];
  median: {
    p50: number;
    p99: number;
    rps: number;
    serverCpu: number | null;
    clientCpu: number;
    machineCpu: number | null;
  };
  non2xx: number;
  errors: number;
  vsPreserialized: number;
  vsBare: number;
}

async function cannon(
  serverPid: number | undefined,
  base: string,
  seconds: number,
  connections: number,
  target: Target,
): Promise<RunFigures> {
  const meter = cpuMeter(serverPid);
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
    ...target.options(),
  });
  const cpu = meter();
  await target.after?.();
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = stat.count ?? 0;
  }
  return {
    cpu,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

const medianOrNull = (values: Array<number | null>) =>
  values.some((v) => v === null) ? null : median(values as number[]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

// ---------------------------------------------------------------------------------------------
// The writes: one action per connection, each request a real change at the right version

interface ActionState {
  id: string;
  version: number;
  progress: number;
  /**
   * The two progress values the benchmark alternates between: the demo plan is published, and
   * a published plan's actions change only in status and progress.
   */
  values: [number, number];
  /** The action's other fields, sent too in the 'full' mode. */
  others: Record<string, unknown>;
}

interface ActionItem {
  id: string;
  title: string;
  progress: number;
  version: number;
  [field: string]: unknown;
}

/**
 * 'minimal': the body is {progress, version}, as the API documents a PATCH. 'full': every field
 * of the action is sent, with the new progress: the fallback when the server refuses partial
 * bodies.
 */
type PatchMode = 'minimal' | 'full';

function patchBody(
  mode: PatchMode,
  others: Record<string, unknown>,
  progress: number,
  version: number,
) {
  return JSON.stringify(
    mode === 'minimal' ? { progress, version } : { ...others, progress, version },
  );
}

/** A progress other than `progress`, to change it and back. */
const otherProgress = (progress: number) => (progress === 50 ? 51 : 50);

function othersOf(action: ActionItem): Record<string, unknown> {
  const { id: _id, progress: _progress, version: _version, ...others } = action;
  return others;
}

/**
 * Tries a minimal PATCH on an action no connection uses (then puts the progress back): the
 * benchmark falls back to full bodies, and says so, when the server refuses a partial one.
 */
async function probePatchMode(
  base: string,
  planId: string,
  cookie: string,
  action: ActionItem,
): Promise<{ mode: PatchMode; refusal: string | null }> {
  const patch = (body: string) =>
    fetch(`${base}/api/plans/${planId}/actions/${action.id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body,
    });
  const others = othersOf(action);
  let refusal: string | null = null;
  for (const mode of ['minimal', 'full'] as const) {
    const changed = await patch(
      patchBody(mode, others, otherProgress(action.progress), action.version),
    );
    const text = await changed.text();
    if (changed.status === 200) {
      const { version } = JSON.parse(text) as { version: number };
      const back = await patch(patchBody(mode, others, action.progress, version));
      if (back.status !== 200) throw new Error(`PATCH probe: ${back.status} ${await back.text()}`);
      return { mode, refusal };
    }
    refusal = `${refusal ? `${refusal}; then ` : ''}${mode}: ${changed.status} ${text.slice(0, 400)}`;
  }
  throw new Error(`the server refuses every PATCH of an action: ${refusal}`);
}

async function signIn(base: string): Promise<string> {
  const rtd = DEMO_USERS.find((u) => u.role === 'admin');
  if (!rtd) throw new Error('no demo RTD');
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: rtd.email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in as ${rtd.email} failed: ${response.status} ${await response.text()}`);
  }
  const session = response.headers.getSetCookie().find((c) => c.startsWith('piano_session='));
  if (!session) throw new Error('sign-in answered without a session cookie');
  return session.split(';')[0] as string;
}

async function listActions(base: string, planId: string, cookie: string): Promise<ActionItem[]> {
  const response = await fetch(`${base}/api/plans/${planId}/actions?limit=100`, {
    headers: { cookie },
  });
  if (response.status !== 200) {
    throw new Error(`listing the actions failed: ${response.status} ${await response.text()}`);
  }
  const page = (await response.json()) as { items: ActionItem[]; total: number };
  if (page.total > page.items.length) throw new Error('more than 100 actions: page through them');
  return page.items;
}

function patchTarget(
  server: RunningServer,
  cookie: string,
  actions: ActionItem[],
  connections: number,
  mode: PatchMode,
) {
  const states: ActionState[] = actions.slice(0, connections).map((a) => ({
    id: a.id,
    version: a.version,
    progress: a.progress,
    values: [a.progress, otherProgress(a.progress)],
    others: othersOf(a),
  }));
  /** Responses that were 2xx but not the change sent (wrong progress or version): must be 0. */
  let unexpected = 0;
  let changes = 0;
  let firstFailure: string | null = null;

  const target: Target = {
    key: 'patch',
    label: `PATCH /api/plans/:planId/actions/:id${mode === 'full' ? ' (full body)' : ''}`,
    options: () => {
      let nextState = 0;
      return {
        setupClient: (client) => {
          const state = states[nextState++];
          if (!state) throw new Error('more connections than actions');
          let sent = 0;
          client.setRequests([
            {
              method: 'PATCH',
              path: `/api/plans/${server.planId}/actions/${state.id}`,
              headers: { cookie, 'content-type': 'application/json' },
              setupRequest: (request) => {
                sent = state.progress === state.values[0] ? state.values[1] : state.values[0];
                return {
                  ...request,
                  body: patchBody(mode, state.others, sent, state.version),
                };
              },
              onResponse: (status, body) => {
                if (status < 200 || status > 299) {
                  firstFailure ??= `${status} ${body.slice(0, 300)}`;
                  return;
                }
                const updated = JSON.parse(body) as { progress: number; version: number };
                if (updated.progress !== sent || updated.version !== state.version + 1) {
                  unexpected++;
                }
                state.version = updated.version;
                state.progress = updated.progress;
                changes++;
              },
            },
          ]);
        },
      };
    },
    // Requests in flight when autocannon stops still change their rows after it returns, unseen:
    // reread the versions once they stop moving (two equal listings 300 ms apart).
    after: async () => {
      let previous = '';
      let listed: ActionItem[];
      for (let attempt = 0; ; attempt++) {
        await sleep(300);
        listed = await listActions(server.base, server.planId, cookie);
        const signature = listed.map((a) => `${a.id}:${a.version}`).join(',');
        if (signature === previous) break;
        if (attempt > 50) throw new Error('the actions keep changing after the load stopped');
        previous = signature;
      }
      const current = new Map(listed.map((a) => [a.id, a]));
      for (const state of states) {
        const fresh = current.get(state.id);
        if (!fresh) throw new Error(`action ${state.id} disappeared`);
        state.version = fresh.version;
        state.progress = fresh.progress;
        state.others = othersOf(fresh);
      }
    },
  };
  return {
    target,
    unexpected: () => unexpected,
    changes: () => changes,
    firstFailure: () => firstFailure,
  };
}

// ---------------------------------------------------------------------------------------------
// One backend

interface BackendResult {
  backend: 'pglite' | 'postgres';
  label: string;
  machineBusyBeforeStart: number | null;
  documentBytes: number;
  actions: number;
  routes: RouteResult[];
  patchUnexpected: number;
  patchChanges: number;
  patchFirstFailure: string | null;
  patchMode: PatchMode;
  patchModeRefusal: string | null;
  aim: { text: string; ratio: number; met: boolean } | null;
  memory: MemoryFigures | null;
  nodeFlags: string[];
  seconds: number;
}

async function benchBackend(place: BackendPlace, settings: Settings): Promise<BackendResult> {
  const started = Date.now();
  say(`\n== ${place.label}`);
  const busyBefore = await machineBusyPercent(1000);
  if (busyBefore !== null) {
    say(
      `   machine busy before start: ${busyBefore.toFixed(0)}% of all cores` +
        (busyBefore > 25 ? ' — other processes are running: expect noisy figures' : ''),
    );
  }
  say('   starting the server (migrate, load the demo plan)…');
  const server = await startServer(place, settings);
  say(
    `   server on ${server.base}, backend ${server.backend}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(process up ${(server.startMs / 1000).toFixed(1)} s: open db ${(server.openMs / 1000).toFixed(1)} s, ` +
      `migrate ${(server.migrateMs / 1000).toFixed(1)} s, demo plan ${(server.seedMs / 1000).toFixed(1)} s); ` +
      `whole-plan document ${server.documentBytes} bytes`,
  );
  const cookie = await signIn(server.base);
  const listed = await listActions(server.base, server.planId, cookie);
  // One action per connection, plus one more for the probe.
  if (listed.length <= settings.connections) {
    throw new Error(
      `${settings.connections} connections need ${settings.connections + 1} actions, the demo plan has ${listed.length}`,
    );
  }
  const probe = await probePatchMode(
    server.base,
    server.planId,
    cookie,
    listed[listed.length - 1] as ActionItem,
  );
  if (probe.mode === 'full') {
    say(`   !! a PATCH of an action with only {progress, version} was refused: ${probe.refusal}`);
    say('   !! measuring PATCH with every field of the action in the body instead');
  }
  const actions = await listActions(server.base, server.planId, cookie);
  const patch = patchTarget(server, cookie, actions, settings.connections, probe.mode);

  const targets: Target[] = [
    {
      key: 'bare',
      label: 'GET /__bench/bare',
      options: () => ({ url: `${server.base}/__bench/bare` }),
    },
    {
      key: 'preserialized',
      label: 'GET /__bench/preserialized',
      options: () => ({ url: `${server.base}/__bench/preserialized` }),
    },
    {
      key: 'document',
      label: 'GET /api/plans/:planId/document',
      options: () => ({ url: `${server.base}/api/plans/${server.planId}/document` }),
    },
    patch.target,
  ];

  // Idle: the server has loaded the demo plan and served the sign-in and two listings.
  await sleep(2000);
  const idle = memoryOf(server.pid);

  if (settings.warmup > 0) {
    say(`   warm-up: ${settings.warmup} s per route (not reported)`);
    for (const target of targets) {
      await cannon(server.pid, server.base, settings.warmup, settings.connections, target);
    }
  }
  const runs = new Map<Target['key'], RunFigures[]>(targets.map((t) => [t.key, []]));
  let loadMb = 0;
  const sampling = setInterval(() => {
    loadMb = Math.max(loadMb, memoryOf(server.pid)?.rss ?? 0);
  }, 100);
  for (let run = 1; run <= settings.runs; run++) {
    const parts: string[] = [];
    for (const target of targets) {
      const figures = await cannon(
        server.pid,
        server.base,
        settings.duration,
        settings.connections,
        target,
      );
      runs.get(target.key)?.push(figures);
      parts.push(`${target.key} ${Math.round(figures.rps)}`);
    }
    say(`   run ${run}/${settings.runs}: req/s ${parts.join(', ')}`);
  }
  clearInterval(sampling);
  const peak = memoryOf(server.pid);
  await server.stop();
  const memory: MemoryFigures | null =
    idle && peak ? { idleMb: idle.rss, loadMb, peakMb: peak.hwm } : null;

  const medians = new Map(
    targets.map((t) => {
      const r = runs.get(t.key) ?? [];
      return [
        t.key,
        {
          p50: median(r.map((f) => f.p50)),
          p99: median(r.map((f) => f.p99)),
          rps: median(r.map((f) => f.rps)),
          serverCpu: medianOrNull(r.map((f) => f.cpu.server)),
          clientCpu: median(r.map((f) => f.cpu.client)),
          machineCpu: medianOrNull(r.map((f) => f.cpu.machine)),
        },
      ];
    }),
  );
  const rpsOf = (key: Target['key']) => medians.get(key)?.rps ?? NaN;
  const routes: RouteResult[] = targets.map((t) => {
    const r = runs.get(t.key) ?? [];
    const m = medians.get(t.key) as RouteResult['median'];
    return {
      key: t.key,
      route: t.label,
      runs: r,
      median: m,
      non2xx: r.reduce((sum, f) => sum + f.non2xx, 0),
      errors: r.reduce((sum, f) => sum + f.errors, 0),
      vsPreserialized: m.rps / rpsOf('preserialized'),
      vsBare: m.rps / rpsOf('bare'),
    };
  });
  const ratio = rpsOf('document') / rpsOf('preserialized');
  return {
    backend: place.name,
    label: place.label,
    machineBusyBeforeStart: busyBefore,
    documentBytes: server.documentBytes,
    actions: actions.length,
    routes,
    patchUnexpected: patch.unexpected(),
    patchChanges: patch.changes(),
    patchFirstFailure: patch.firstFailure(),
    patchMode: probe.mode,
    patchModeRefusal: probe.refusal,
    aim: place.name === 'pglite' ? { text: AIM_TEXT, ratio, met: ratio >= AIM_RATIO } : null,
    memory,
    nodeFlags: settings.plainNode ? [] : NODE_FLAGS,
    seconds: (Date.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function printBackend(result: BackendResult, settings: Settings) {
  const header = [
    'route',
    'p50 ms',
    'p99 ms',
    'req/s',
    'vs pre',
    'vs bare',
    'non-2xx',
    'errors',
    'server CPU',
    'bench CPU',
    'machine',
  ];
  const percent = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)}%`);
  const rows = result.routes.map((r) => [
    r.route,
    r.median.p50.toFixed(0),
    r.median.p99.toFixed(0),
    r.median.rps.toFixed(0),
    `${r.vsPreserialized.toFixed(2)}×`,
    `${r.vsBare.toFixed(2)}×`,
    String(r.non2xx),
    String(r.errors),
    percent(r.median.serverCpu),
    percent(r.median.clientCpu),
    percent(r.median.machineCpu),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  say();
  say(`-- ${result.label}`);
  say(
    `   median of ${settings.runs} run(s) × ${settings.duration} s, ${settings.connections} connections; ` +
      `document ${result.documentBytes} bytes; ${result.actions} actions in the demo plan`,
  );
  say(`   ${line(header)}`);
  say(`   ${line(header.map((_, i) => '-'.repeat(widths[i] ?? 0)))}`);
  for (const row of rows) say(`   ${line(row)}`);
  say(
    `   (CPU: server = the app's process and bench = autocannon's, in % of one core; machine = ` +
      `all ${os.cpus().length} cores, PostgreSQL included)`,
  );
  say(
    result.memory
      ? `   server memory (resident): idle ${result.memory.idleMb.toFixed(0)} MB, under load ` +
          `${result.memory.loadMb.toFixed(0)} MB (largest sampled), peak ${result.memory.peakMb.toFixed(0)} MB; ` +
          `Node ${process.version} ${result.nodeFlags.join(' ') || 'without V8 flags'}`
      : '   server memory: not measured (no /proc)',
  );
  for (const r of result.routes) {
    say(`   ${r.key.padEnd(13)} req/s per run: ${r.runs.map((f) => f.rps.toFixed(0)).join(', ')}`);
  }
  const doc = result.routes.find((r) => r.key === 'document');
  const pre = result.routes.find((r) => r.key === 'preserialized');
  if (doc && pre) {
    const perRun = doc.runs.map((f, i) => f.rps / (pre.runs[i]?.rps ?? NaN));
    say(
      `   document ÷ preserialized per run (measured back to back): ` +
        `${perRun.map((x) => x.toFixed(2)).join(', ')}; median ${median(perRun).toFixed(2)}`,
    );
  }
  const patch = result.routes.find((r) => r.key === 'patch');
  if (patch) {
    say(
      result.patchMode === 'minimal'
        ? '   PATCH bodies: {progress, version}'
        : '   PATCH bodies: EVERY field of the action (the server refused {progress, version}; see above)',
    );
    const codes = patch.runs.flatMap((f) =>
      Object.entries(f.statusCodes).filter(([code]) => !code.startsWith('2')),
    );
    const ok = patch.non2xx === 0 && patch.errors === 0 && result.patchUnexpected === 0;
    say(
      `   PATCH: ${result.patchChanges} changes applied (warm-up included), non-2xx ${patch.non2xx}` +
        (codes.length ? ` (${codes.map(([c, n]) => `${c}×${n}`).join(', ')})` : '') +
        `, unexpected answers ${result.patchUnexpected} → ${ok ? 'clean' : 'NOT CLEAN'}`,
    );
    if (result.patchFirstFailure) say(`   first failed PATCH answer: ${result.patchFirstFailure}`);
  }
  if (result.aim) {
    say(
      `   Aim: ${result.aim.text}: ratio ${result.aim.ratio.toFixed(2)} → ${result.aim.met ? 'MET' : 'NOT MET'}`,
    );
  } else if (doc) {
    say(
      `   (the aim concerns the embedded backend; here the whole-plan read is at ${doc.vsPreserialized.toFixed(2)}× the pre-serialized route)`,
    );
  }
  say(`   backend done in ${result.seconds.toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const settings = parseSettings(process.argv.slice(2));
  if (settings.json) say = (line = '') => process.stderr.write(`${line}\n`);
  const started = Date.now();
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
  say('piano API benchmark');
  say(
    `machine: ${machine.cpus} CPU(s) (${machine.cpuModel}), ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}, ${machine.platform}`,
  );
  say(
    `settings: ${settings.runs} run(s) × ${settings.duration} s per route, warm-up ${settings.warmup} s, ` +
      `${settings.connections} connections, pipelining 1; server in a child process, autocannon here`,
  );
  say(`aim: ${AIM_TEXT}`);

  const results: BackendResult[] = [];
  const skipped: string[] = [];
  let failed = false;
  for (const backend of settings.backends) {
    let place: BackendPlace;
    if (backend === 'postgres') {
      const serverUrl = process.env.DATABASE_URL;
      if (!serverUrl) {
        skipped.push('postgres');
        say('\n== PostgreSQL server: skipped (DATABASE_URL is not set)');
        continue;
      }
      place = await postgresPlace(serverUrl);
    } else {
      place = await pglitePlace();
    }
    try {
      const result = await benchBackend(place, settings);
      results.push(result);
      printBackend(result, settings);
      const patch = result.routes.find((r) => r.key === 'patch');
      const anyErrors = result.routes.some((r) => r.non2xx > 0 || r.errors > 0);
      if (anyErrors || result.patchUnexpected > 0 || !patch) failed = true;
    } finally {
      await cleanUp();
    }
  }

  const seconds = (Date.now() - started) / 1000;
  say();
  say(`total duration ${seconds.toFixed(0)} s`);
  if (failed) say('SOME REQUESTS FAILED: the figures above are not valid measurements.');
  if (settings.json) {
    process.stdout.write(
      `${JSON.stringify({ machine, settings, aim: AIM_TEXT, results, skipped, seconds, valid: !failed }, null, 2)}\n`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch(async (error: unknown) => {
  console.error('bench failed:', error instanceof UsageError ? error.message : error);
  await cleanUp();
  process.exit(1);
});
