import type { Db } from './db.js';

/**
 * A whole database as data: every table of the public schema (organizations, users,
 * memberships, plans and their parts, sessions' and tokens' hashes, the audit trail), each row as PostgreSQL's own JSON of it. JSON keeps every type exactly
 * (timestamps to the microsecond, jsonb, arrays, bytea as hex), and both backends read it back
 * with json_populate_recordset.
 */
export interface Dump {
  /** The last migration applied: a newer one than this build knows cannot be restored. */
  schema: string;
  tables: { name: string; rows: unknown[] }[];
}

/** The tables in an order that inserts parents before the rows that refer to them. */
async function tablesInOrder(db: Db): Promise<string[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((t) => t.name);
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter(
      (t) => !edges.some((e) => e.child === t && pending.has(e.parent)),
    );
    if (ready.length === 0)
      throw new Error(`Foreign keys form a cycle: ${[...pending].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads every table inside one transaction, so the dump is one consistent state. */
export async function dumpDatabase(db: Db): Promise<Dump> {
  return db.transaction(async (tx) => {
    if (tx.backend === 'postgres') {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    }
    const tables: Dump['tables'] = [];
    for (const name of await tablesInOrder(tx)) {
      // Which migrations ran is the schema, not data: the dump names the last one instead.
      if (name === 'schema_migrations') continue;
      const key = await primaryKeyOf(tx, name);
      const order = key.length > 0 ? ` ORDER BY ${key.map(quote).join(', ')}` : '';
      const rows = await tx.query<{ row: unknown }>(
        `SELECT to_jsonb(t) AS row FROM ${quote(name)} t${order}`,
      );
      tables.push({ name, rows: rows.map((r) => r.row) });
    }
    const [last] = await tx.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1',
    );
    return { schema: last?.name ?? '', tables };
  });
}

async function primaryKeyOf(db: Db, table: string): Promise<string[]> {
  const rows = await db.query<{ column: string }>(
    `SELECT a.attname AS column
       FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey, a.attnum)`,
    [quote(table)],
  );
  return rows.map((r) => r.column);
}

/** How many rows the database holds outside the migrations' own record. */
export async function countDataRows(db: Db): Promise<number> {
  let total = 0;
  for (const name of await tablesInOrder(db)) {
    if (name === 'schema_migrations') continue;
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(name)}`);
    total += row?.n ?? 0;
  }
  return total;
}

/**
 * Writes a dump into a database whose schema is already migrated to the dump's, in one
 * transaction: all of it or nothing. Existing rows are removed first; identity counters are
 * moved past the restored ids.
 */
export async function loadDump(db: Db, dump: Dump): Promise<void> {
  await db.transaction(async (tx) => {
    const known = new Set(await tablesInOrder(tx));
    // The target's own record of migrations stays: it describes the schema the rows go into.
    known.delete('schema_migrations');
    const names = dump.tables.map((t) => t.name).filter((n) => known.has(n));
    if (names.length > 0) await tx.query(`TRUNCATE ${names.map(quote).join(', ')} CASCADE`);
    // Approved and published plans are frozen by triggers, their parts too: as when a file is
    // loaded, plans go in as drafts, their parts after them, and their statuses come last.
    const statuses: { id: string; status: string }[] = [];
    for (const table of dump.tables) {
      if (table.name !== 'plans') continue;
      table.rows = table.rows.map((row) => {
        const plan = row as { id: string; status: string };
        statuses.push({ id: plan.id, status: plan.status });
        return { ...plan, status: 'draft' };
      });
    }
    for (const { name, rows } of dump.tables) {
      if (!known.has(name) || rows.length === 0) continue;
      // Large tables go in slices, so no single statement carries an unbounded parameter.
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.query(
          `INSERT INTO ${quote(name)} OVERRIDING SYSTEM VALUE
           SELECT * FROM jsonb_populate_recordset(NULL::${quote(name)}, $1::jsonb)`,
          [JSON.stringify(rows.slice(i, i + 1000))],
        );
      }
      const identities = await tx.query<{ column: string }>(
        `SELECT column_name AS column FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 AND is_identity = 'YES'`,
        [name],
      );
      for (const { column } of identities) {
        await tx.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), (SELECT max(${quote(column)}) FROM ${quote(name)}))`,
          [quote(name), column],
        );
      }
    }
    if (statuses.length > 0) {
      await tx.query(
        `UPDATE plans p SET status = s.status
           FROM jsonb_to_recordset($1::jsonb) AS s (id uuid, status text)
          WHERE p.id = s.id AND p.status <> s.status`,
        [JSON.stringify(statuses)],
      );
    }
  });
}
