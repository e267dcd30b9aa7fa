/**
 * The server side of `npm run bench:web`, run as a child process so that the load generator
 * does not share its event loop. Opens an embedded database in PIANO_BENCH_DATA_DIR, loads the
 * demo plan, and serves it twice from one process: the real server (API and web, page cache on)
 * on one port, and the same server with its page cache off on another, so that every request
 * renders (the cold case). The warm server also serves a reference: the plan page's own bytes
 * as a static file, read from disk once, through the same hooks (headers, compression).
 * Signs ten RTD sessions in for the signed-in pages. Prints one JSON line (WebBenchReady) and
 * stops when its stdin ends or on SIGTERM.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/operations/seed-demo.js';
import { csrfTokenFor } from '../src/web/backoffice/security.js';
import { buildServer } from '../src/server.js';
import { openDb } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrate.js';

export interface WebBenchReady {
  warmPort: number;
  coldPort: number;
  planPath: string;
  actionPath: string;
  /** Size of the plan page and of the static reference (the same bytes). */
  pageBytes: number;
  /** The page scripts each page template loads: path → gzip bytes, measured by the parent. */
  pages: Record<string, string>;
  /** Signed-in pages: ten RTD sessions (one per simulated user) and what they load. */
  signedIn: {
    cookies: string[];
    /** Each session's form token, in the same order. */
    csrf: string[];
    dashboardPath: string;
    actionListPath: string;
    /** Actions each user saves (one per user, so that two users never edit the same one). */
    actionPaths: string[];
  };
}

const dataDir = process.env.PIANO_BENCH_DATA_DIR;
if (!dataDir) throw new Error('web-bench-server needs PIANO_BENCH_DATA_DIR');
const db = await openDb({ dataDir });
await migrate(db);
if (!(await seedDemo(db))) throw new Error('the bench database was not empty');
const config = loadConfig({ LOG_LEVEL: 'silent' });
const warm = await buildServer({ db, config });
// A page cache too small to hold a page: every request renders.
const cold = await buildServer({ db, config, web: { pageCacheBytes: 1 } });

const planPath = '/enti/c_z999/piani/2025-2027';
const actionPath = `${planPath}/azioni/a1.5`;
let staticBytes = Buffer.alloc(0);
warm.get('/__bench/static.html', { schema: { hide: true } }, async (_request, reply) =>
  reply.type('text/html; charset=utf-8').send(staticBytes),
);
const page = await warm.inject({ method: 'GET', url: planPath });
if (page.statusCode !== 200) throw new Error(`plan page answered ${page.statusCode}`);
const staticFile = join(dataDir, 'static-reference.html');
await writeFile(staticFile, page.rawPayload);
staticBytes = await readFile(staticFile);

// Ten people of the demo comune signed in as its RTD: sessions made the way the API makes them.
const cookies: string[] = [];
for (let i = 0; i < 10; i += 1) {
  const signIn = await warm.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email: DEMO_USERS[0].email, password: DEMO_PASSWORD },
  });
  const session = signIn.cookies.find((c) => c.name === 'piano_session');
  if (!session) throw new Error(`no session: ${signIn.statusCode}`);
  cookies.push(`piano_session=${session.value}`);
}
const planId = (await warm.inject({ method: 'GET', url: '/api/plans?limit=1' })).json<{
  items: { id: string }[];
}>().items[0]?.id;
const managed = `/gestione/piani/${planId}`;

await warm.listen({ host: '127.0.0.1', port: 0 });
await cold.listen({ host: '127.0.0.1', port: 0 });
const port = (app: typeof warm) => (app.server.address() as { port: number }).port;
const ready: WebBenchReady = {
  warmPort: port(warm),
  coldPort: port(cold),
  planPath,
  actionPath,
  pageBytes: staticBytes.length,
  pages: {
    home: '/',
    organization: '/enti/c_z999',
    plan: planPath,
    action: actionPath,
    'back office: dashboard': `${managed}/cruscotto`,
    'back office: plan and actions': managed,
    'back office: action editor': `${managed}/azioni/a1.4`,
    'back office: publication': `${managed}/pubblicazione`,
    'back office: people': '/gestione/persone',
  },
  signedIn: {
    cookies,
    csrf: cookies.map((c) => csrfTokenFor(c.slice('piano_session='.length))),
    dashboardPath: `${managed}/cruscotto`,
    actionListPath: managed,
    actionPaths: [
      'a1.1',
      'a1.2',
      'a1.3',
      'a1.4',
      'a1.5',
      'a1.6',
      'a1.7',
      'a1.8',
      'a1.9',
      'a2.1',
    ].map((id) => `${managed}/azioni/${id}`),
  },
};
process.stdout.write(`${JSON.stringify(ready)}\n`);

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  await Promise.allSettled([warm.close(), cold.close()]);
  await db.close();
  process.exit(0);
}
process.once('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
