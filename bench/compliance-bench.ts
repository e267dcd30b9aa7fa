/**
 * National overview benchmark: coverage of the lines that concern comuni, for 8,000 synthetic
 * comuni with a 40-action plan each, on a PostgreSQL server (DATABASE_URL). It creates a
 * temporary database, fills it with set-based SQL, times the overview as the API runs it
 * (summarizeNationalCoverage) beside a plain count of the actions measured in the same run,
 * and drops the database.
 *
 *   DATABASE_URL=postgres://… npm run bench:compliance
 *
 * BENCH_ORGS and BENCH_RUNS change the number of comuni (8000) and of timed runs (9).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { latestEdition } from '../src/domain/catalog/catalog.js';
import { comuneLines } from '../src/domain/compliance/scope.js';
import { COMMAND_LINE } from '../src/operations/callers.js';
import { summarizeNationalCoverage } from '../src/operations/summarize-national-coverage.js';
import { openDb, type Db } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrate.js';

const ORGANIZATIONS = Number(process.env.BENCH_ORGS ?? 8000);
const ACTIONS_PER_PLAN = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TARGET_MS = 1000;

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Comuni of every size, one published 2025–2027 plan each, 40 actions citing catalog lines. */
async function seed(db: Db, codes: string[]) {
  await db.query(
    `INSERT INTO organizations (name, type, ipa_code, population)
     SELECT 'Comune sintetico ' || g, 'comune', 'bench_' || g, 300 + (g * 7919) % 150000
     FROM generate_series(1, $1) AS g`,
    [ORGANIZATIONS],
  );
  await db.query(
    `INSERT INTO plans (organization_id, title, start_year, end_year, status)
     SELECT id, 'Piano triennale per l''informatica 2025–2027', 2025, 2027, 'published'
     FROM organizations`,
  );
  await db.query(
    `INSERT INTO priorities (organization_id, plan_id, key, title, position)
     SELECT organization_id, id, 'p1', 'Priorità', 0 FROM plans`,
  );
  // Statuses and links vary with a hash of plan and position: some actions cite two lines,
  // some none, a fifth are suspended or cancelled.
  await db.query(
    `INSERT INTO actions (organization_id, plan_id, key, priority_key, title, status,
                          catalog_refs, position)
     SELECT p.organization_id, p.id, 'a' || n, 'p1', 'Azione ' || n,
            (ARRAY['planned', 'in_progress', 'completed', 'in_progress', 'suspended',
                   'planned', 'completed', 'in_progress', 'planned', 'cancelled'])[1 + h % 10],
            CASE WHEN n % 7 = 0 THEN '{}'::text[]
                 WHEN n % 3 = 0 THEN ARRAY[($1::text[])[1 + h % k], ($1::text[])[1 + (h / 7) % k]]
                 ELSE ARRAY[($1::text[])[1 + h % k]] END,
            n
     FROM plans p CROSS JOIN generate_series(1, $2) AS n
     CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text || n)) AS h,
                                array_length($1::text[], 1) AS k) AS x`,
    [codes, ACTIONS_PER_PLAN],
  );
  await db.exec('VACUUM ANALYZE');
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error('DATABASE_URL is required: the benchmark runs on a PostgreSQL server.');
    process.exit(2);
  }
  const name = `piano_bench_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  let db: Db | null = null;
  try {
    db = await openDb({ databaseUrl: url.toString() });
    await migrate(db);
    const catalog = loadCatalog();
    const codes = comuneLines(latestEdition(catalog)).map((l) => l.code);
    const seeded = await time(() => seed(db as Db, codes));
    const [counts] = await db.query<{ plans: number; actions: number }>(
      `SELECT (SELECT count(*) FROM plans)::int AS plans, (SELECT count(*) FROM actions)::int AS actions`,
    );
    console.log(
      `Seeded ${ORGANIZATIONS} comuni, ${counts?.plans} plans, ${counts?.actions} actions in ${(seeded / 1000).toFixed(1)} s`,
    );

    const overview = () =>
      summarizeNationalCoverage({
        db: db as Db,
        principal: COMMAND_LINE,
        catalog,
        limit: 50,
        offset: 0,
      });
    const reference = () => (db as Db).query('SELECT count(*) FROM actions');
    const first = await overview();
    await reference();
    const overviewTimes: number[] = [];
    const referenceTimes: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      overviewTimes.push(await time(overview));
      referenceTimes.push(await time(reference));
    }
    const o = median(overviewTimes);
    const r = median(referenceTimes);
    console.log(
      `National overview (${first.lines} lines for comuni, ${first.total} comuni, average coverage ${first.averagePercent}%)`,
    );
    console.log(
      `  overview query:                median ${ms(o)} (min ${ms(Math.min(...overviewTimes))}, max ${ms(Math.max(...overviewTimes))}, ${RUNS} runs)`,
    );
    console.log(`  reference count(*) of actions: median ${ms(r)}`);
    console.log(`  ratio overview / reference:    ${(o / r).toFixed(1)}×`);
    console.log(`  target under ${TARGET_MS} ms:         ${o < TARGET_MS ? 'met' : 'NOT met'}`);
  } finally {
    await db?.close();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

await main();
