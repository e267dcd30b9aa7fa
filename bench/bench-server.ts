/**
 * The server side of `npm run bench`, run as a child process so that the load generator does
 * not share its event loop. Opens the database named by the environment (PIANO_BENCH_DATABASE_URL
 * for a PostgreSQL server, else PIANO_BENCH_DATA_DIR for embedded PGlite), migrates it, loads
 * the demo plan, builds the real app plus two reference routes that exist only here, listens on
 * a random port of 127.0.0.1 and prints one JSON line on stdout:
 *
 *   {"port":…,"backend":…,"planId":…,"organizationId":…,"documentBytes":…}
 *
 * It stops (closing the app and the database) on SIGTERM/SIGINT or when its stdin ends, i.e.
 * when the parent goes away; with PIANO_BENCH_REMOVE_DATA_DIR=1 it then removes the data
 * directory.
 */
import { rm } from 'node:fs/promises';
import { buildApp } from '../src/api/app.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/operations/seed-demo.js';
import { openDb, type Db } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrate.js';

export interface BenchServerReady {
  port: number;
  backend: Db['backend'];
  planId: string;
  organizationId: string;
  /** Size of the whole-plan document, as the real endpoint serves it. */
  documentBytes: number;
  /** Time since the process started, to open the database, to migrate it, to load the demo (ms). */
  startMs: number;
  openMs: number;
  migrateMs: number;
  seedMs: number;
}

let db: Db | null = null;
let app: Awaited<ReturnType<typeof buildApp>> | null = null;
let closing = false;

/** Closes the app and the database (once), then exits. */
function shutdown(code: number) {
  if (closing) return;
  closing = true;
  (async () => {
    try {
      await app?.close();
    } finally {
      await db?.close();
      // The parent removes it too; this covers a parent killed without a chance to clean up.
      const dir = process.env.PIANO_BENCH_DATA_DIR;
      if (dir && process.env.PIANO_BENCH_REMOVE_DATA_DIR === '1') {
        await rm(dir, { recursive: true, force: true });
      }
    }
  })()
    .catch((error: unknown) => {
      console.error('bench-server: error while closing', error);
      code = code || 1;
    })
    .finally(() => process.exit(code));
}

async function main() {
  process.once('SIGTERM', () => shutdown(0));
  process.once('SIGINT', () => shutdown(0));
  process.stdin.on('end', () => shutdown(0));
  process.stdin.on('close', () => shutdown(0));
  process.stdin.resume();

  const databaseUrl = process.env.PIANO_BENCH_DATABASE_URL || undefined;
  const dataDir = process.env.PIANO_BENCH_DATA_DIR || undefined;
  if (!databaseUrl && !dataDir) {
    throw new Error('bench-server needs PIANO_BENCH_DATABASE_URL or PIANO_BENCH_DATA_DIR');
  }

  const opening = performance.now();
  db = await openDb({ databaseUrl, dataDir });
  const t0 = performance.now();
  await migrate(db);
  const t1 = performance.now();
  const loaded = await seedDemo(db);
  const t2 = performance.now();
  if (!loaded) throw new Error('the bench database was not empty: the demo plan was not loaded');

  app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }) });

  // Reference routes, registered on the same instance (hooks included) before listening.
  let preserialized = '';
  app.get('/__bench/bare', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/__bench/preserialized', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/json').send(preserialized),
  );

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');

  // The pre-serialized body is exactly what the real endpoint answers, fetched once.
  const document = await app.inject({
    method: 'GET',
    url: `/api/plans/${loaded.planId}/document`,
  });
  if (document.statusCode !== 200) {
    throw new Error(`document endpoint answered ${document.statusCode}: ${document.body}`);
  }
  preserialized = document.body;

  const ready: BenchServerReady = {
    port: address.port,
    backend: db.backend,
    planId: loaded.planId,
    organizationId: loaded.organizationId,
    documentBytes: Buffer.byteLength(preserialized),
    startMs: Math.round(performance.now()),
    openMs: Math.round(t0 - opening),
    migrateMs: Math.round(t1 - t0),
    seedMs: Math.round(t2 - t1),
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

main().catch((error: unknown) => {
  console.error('bench-server failed:', error);
  shutdown(1);
});
