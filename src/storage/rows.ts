import type { Db } from './db.js';
import type { Column, EntityTable } from './entities.js';

/** Where a row lives. Every query names the organization, so no tenant can reach another's rows. */
export interface Scope {
  organizationId: string;
  /** Required for plan-scoped tables. */
  planId?: string;
}

/** A stored part as the API and the interchange format see it: its key is `id`. */
export type Entity = { id: string; version: number } & Record<string, unknown>;

export interface ListQuery {
  filters?: Record<string, unknown>;
  parentKey?: string;
  sort?: { prop: string; descending: boolean };
  limit?: number;
  offset?: number;
}

function scopeClause(table: EntityTable, scope: Scope): { sql: string; params: unknown[] } {
  if (table.scope === 'organization') {
    return { sql: 'organization_id = $1', params: [scope.organizationId] };
  }
  if (!scope.planId) throw new Error(`${table.table} needs a plan scope`);
  return {
    sql: 'organization_id = $1 AND plan_id = $2',
    params: [scope.organizationId, scope.planId],
  };
}

function allColumns(table: EntityTable): Column[] {
  const parent = table.parent ? [{ prop: table.parent.prop, column: table.parent.column }] : [];
  return [...parent, ...table.columns];
}

function selectList(table: EntityTable): string {
  const cols = allColumns(table).map((c) => `${c.column} AS "${c.prop}"`);
  return ['key AS id', ...cols, 'version'].join(', ');
}

function decode(table: EntityTable, row: Record<string, unknown>): Entity {
  for (const c of table.columns) {
    if (c.codec === 'cents' && row[c.prop] !== null) row[c.prop] = Number(row[c.prop]) / 100;
  }
  return row as Entity;
}

function encode(c: Column, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (c.codec === 'cents') return Math.round((value as number) * 100);
  if (c.codec === 'json') return JSON.stringify(value);
  return value;
}

const placeholder = (c: Column, index: number) =>
  c.codec === 'json' ? `$${index}::jsonb` : `$${index}`;

export async function getRow(db: Db, table: EntityTable, scope: Scope, key: string) {
  return selectOne(db, table, scope, key, '');
}

/** Reads a row and locks it until the transaction ends, so a check and a write see one state. */
export async function getRowForUpdate(db: Db, table: EntityTable, scope: Scope, key: string) {
  return selectOne(db, table, scope, key, 'FOR UPDATE');
}

async function selectOne(db: Db, table: EntityTable, scope: Scope, key: string, lock: string) {
  const where = scopeClause(table, scope);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${selectList(table)} FROM ${table.table}
     WHERE ${where.sql} AND key = $${where.params.length + 1} ${lock}`,
    [...where.params, key],
  );
  return rows[0] ? decode(table, rows[0]) : null;
}

export async function listRows(db: Db, table: EntityTable, scope: Scope, query: ListQuery = {}) {
  const where = scopeClause(table, scope);
  const conditions = [where.sql];
  const params = [...where.params];
  if (query.parentKey !== undefined && table.parent) {
    params.push(query.parentKey);
    conditions.push(`${table.parent.column} = $${params.length}`);
  }
  for (const [prop, value] of Object.entries(query.filters ?? {})) {
    const c = table.columns.find((x) => x.prop === prop && x.filter);
    if (!c || value === undefined) continue;
    params.push(c.codec === 'cents' ? encode(c, value) : value);
    conditions.push(
      c.filter === 'contains'
        ? `$${params.length} = ANY(${c.column})`
        : `${c.column} = $${params.length}`,
    );
  }
  const sortColumn = table.columns.find((c) => c.prop === query.sort?.prop && c.sortable);
  const order = sortColumn
    ? `${sortColumn.column} ${query.sort?.descending ? 'DESC' : 'ASC'} NULLS LAST, position`
    : 'position';
  const whereSql = conditions.join(' AND ');
  const limit = query.limit ?? 1000;
  const offset = query.offset ?? 0;
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${selectList(table)} FROM ${table.table} WHERE ${whereSql}
     ORDER BY ${order}, key LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
    params,
  );
  const items = rows.map((r) => decode(table, r));
  // A page shorter than the limit, started at 0, is everything: no need to count.
  if (offset === 0 && items.length < limit) return { items, total: items.length };
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table.table} WHERE ${whereSql}`,
    params,
  );
  return { items, total: count[0]?.n ?? 0 };
}

/** Inserts a part at the end of its list (or at `position`). */
export async function insertRow(
  db: Db,
  table: EntityTable,
  scope: Scope,
  entity: Record<string, unknown>,
  position?: number,
): Promise<Entity> {
  const cols = allColumns(table).filter((c) => entity[c.prop] !== undefined);
  const scopeCols = table.scope === 'plan' ? ['organization_id', 'plan_id'] : ['organization_id'];
  const params: unknown[] =
    table.scope === 'plan' ? [scope.organizationId, scope.planId] : [scope.organizationId];
  params.push(entity.id);
  for (const c of cols) params.push(encode(c, entity[c.prop]));
  const where = scopeClause(table, scope);
  const positionSql =
    position !== undefined
      ? String(Math.trunc(position))
      : `(SELECT COALESCE(max(position) + 1, 0) FROM ${table.table} WHERE ${where.sql})`;
  const values = [...scopeCols.map((_, i) => `$${i + 1}`), `$${scopeCols.length + 1}`];
  cols.forEach((c, i) => values.push(placeholder(c, scopeCols.length + 2 + i)));
  const rows = await db.query<Record<string, unknown>>(
    `INSERT INTO ${table.table} (${[...scopeCols, 'key', ...cols.map((c) => c.column), 'position'].join(', ')})
     VALUES (${[...values, positionSql].join(', ')})
     RETURNING ${selectList(table)}`,
    params,
  );
  return decode(table, rows[0] as Record<string, unknown>);
}

/**
 * Updates the given properties if the stored version still equals `version`; returns null when
 * it does not (someone else changed the row first) or when the row is gone.
 */
export async function updateRow(
  db: Db,
  table: EntityTable,
  scope: Scope,
  key: string,
  changes: Record<string, unknown>,
  version: number,
): Promise<Entity | null> {
  const where = scopeClause(table, scope);
  const params = [...where.params, key, version];
  const sets = ['version = version + 1'];
  for (const c of allColumns(table)) {
    if (!(c.prop in changes)) continue;
    params.push(encode(c, changes[c.prop]));
    sets.push(`${c.column} = ${placeholder(c, params.length)}`);
  }
  if (typeof changes.id === 'string' && changes.id !== key) {
    params.push(changes.id);
    sets.push(`key = $${params.length}`);
  }
  const n = where.params.length;
  const rows = await db.query<Record<string, unknown>>(
    `UPDATE ${table.table} SET ${sets.join(', ')}
     WHERE ${where.sql} AND key = $${n + 1} AND version = $${n + 2}
     RETURNING ${selectList(table)}`,
    params,
  );
  return rows[0] ? decode(table, rows[0]) : null;
}

export async function deleteRow(
  db: Db,
  table: EntityTable,
  scope: Scope,
  key: string,
  version: number,
): Promise<boolean> {
  const where = scopeClause(table, scope);
  const n = where.params.length;
  const rows = await db.query(
    `DELETE FROM ${table.table} WHERE ${where.sql} AND key = $${n + 1} AND version = $${n + 2}
     RETURNING key`,
    [...where.params, key, version],
  );
  return rows.length > 0;
}
