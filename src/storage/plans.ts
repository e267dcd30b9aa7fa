import type { PlanFields } from '../domain/model/plan.js';
import type { Db } from './db.js';

export interface PlanRow extends PlanFields {
  id: string;
  organizationId: string;
  /** Shared by every revision of the same plan. */
  seriesId: string;
  /** The revision this one was started from, if any. */
  previousPlanId: string | null;
  version: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `SELECT p.id, p.organization_id AS "organizationId", p.title,
  p.start_year AS "startYear", p.end_year AS "endYear", p.revision_label AS "revisionLabel",
  p.national_edition AS "nationalEdition", p.status, p.approval,
  p.related_instruments AS "relatedInstruments", p.version, p.revision,
  p.series_id AS "seriesId", p.previous_plan_id AS "previousPlanId",
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
  FROM plans p`;

const FIELDS: [keyof PlanFields, string, 'json'?][] = [
  ['title', 'title'],
  ['startYear', 'start_year'],
  ['endYear', 'end_year'],
  ['revisionLabel', 'revision_label'],
  ['nationalEdition', 'national_edition'],
  ['status', 'status'],
  ['approval', 'approval', 'json'],
  ['relatedInstruments', 'related_instruments', 'json'],
];

const value = (codec: 'json' | undefined, v: unknown) =>
  codec === 'json' && v !== null && v !== undefined ? JSON.stringify(v) : (v ?? null);
const slot = (codec: 'json' | undefined, i: number) =>
  codec === 'json' ? `$${i}::jsonb` : `$${i}`;

/** With `lock`, the row stays locked until the transaction ends (read, check, then write). */
export async function findPlan(db: Db, organizationId: string, id: string, lock = false) {
  const rows = await db.query<PlanRow>(
    `${SELECT} WHERE p.organization_id = $1 AND p.id = $2${lock ? ' FOR UPDATE' : ''}`,
    [organizationId, id],
  );
  return rows[0] ?? null;
}

/** Finds a plan by id alone: callers must then check access to its organization. */
export async function findPlanAnywhere(db: Db, id: string) {
  const rows = await db.query<PlanRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface PlanListQuery {
  /** Organizations whose every plan is visible; published plans are visible to everyone. */
  memberOf: string[] | 'all';
  organizationId?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
  sort?: { prop: 'title' | 'startYear' | 'updatedAt'; descending: boolean } | undefined;
}

const SORT_COLUMNS = { title: 'p.title', startYear: 'p.start_year', updatedAt: 'p.updated_at' };

export async function listPlans(db: Db, q: PlanListQuery) {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.memberOf !== 'all') {
    add(`(p.organization_id = ANY(?::uuid[]) OR p.status = 'published')`, q.memberOf);
  }
  if (q.organizationId) add('p.organization_id = ?', q.organizationId);
  if (q.status) add('p.status = ?', q.status);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = q.sort
    ? `${SORT_COLUMNS[q.sort.prop]} ${q.sort.descending ? 'DESC' : 'ASC'}, p.id`
    : 'p.start_year DESC, p.title, p.id';
  const [items, count] = await Promise.all([
    db.query<PlanRow>(
      `${SELECT} ${whereSql} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plans p ${whereSql}`, params),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}

/** Where a new plan sits among revisions: its series (its own id when absent) and predecessor. */
export interface PlanLineage {
  seriesId?: string | null | undefined;
  previousPlanId?: string | null | undefined;
  revisionNote?: unknown;
}

export async function insertPlan(
  db: Db,
  organizationId: string,
  fields: PlanFields,
  lineage: PlanLineage = {},
) {
  const n = FIELDS.length;
  const rows = await db.query<{ id: string }>(
    `INSERT INTO plans (organization_id, ${FIELDS.map(([, c]) => c).join(', ')},
       series_id, previous_plan_id, revision_note)
     VALUES ($1, ${FIELDS.map(([, , codec], i) => slot(codec, i + 2)).join(', ')},
       $${n + 2}, $${n + 3}, $${n + 4}::jsonb)
     RETURNING id`,
    [
      organizationId,
      ...FIELDS.map(([prop, , codec]) => value(codec, fields[prop])),
      lineage.seriesId ?? null,
      lineage.previousPlanId ?? null,
      value('json', lineage.revisionNote),
    ],
  );
  return (await findPlan(db, organizationId, (rows[0] as { id: string }).id)) as PlanRow;
}

export async function updatePlanRow(
  db: Db,
  organizationId: string,
  id: string,
  changes: Partial<PlanFields>,
  version: number,
) {
  const params: unknown[] = [organizationId, id, version];
  const sets = ['version = version + 1', 'revision = revision + 1', 'updated_at = now()'];
  for (const [prop, column, codec] of FIELDS) {
    if (!(prop in changes)) continue;
    params.push(value(codec, changes[prop]));
    sets.push(`${column} = ${slot(codec, params.length)}`);
  }
  const rows = await db.query(
    `UPDATE plans SET ${sets.join(', ')}
     WHERE organization_id = $1 AND id = $2 AND version = $3 RETURNING id`,
    params,
  );
  return rows.length ? findPlan(db, organizationId, id) : null;
}

export async function deletePlanRow(db: Db, organizationId: string, id: string, version: number) {
  const rows = await db.query(
    'DELETE FROM plans WHERE organization_id = $1 AND id = $2 AND version = $3 RETURNING id',
    [organizationId, id, version],
  );
  return rows.length > 0;
}

/** A part of the plan changed: its cached documents are stale from now on. */
export async function bumpPlanRevision(db: Db, organizationId: string, id: string) {
  await db.query(
    'UPDATE plans SET revision = revision + 1, updated_at = now() WHERE organization_id = $1 AND id = $2',
    [organizationId, id],
  );
}

/** The pair that identifies one state of a plan's whole document (plan and organization). */
export async function planDocumentRevision(db: Db, id: string) {
  const rows = await db.query<{ organizationId: string; status: string; tag: string }>(
    `SELECT p.organization_id AS "organizationId", p.status,
            p.revision || '.' || o.revision AS tag
     FROM plans p JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * Marks as superseded the published revisions of a series other than `keepId`: the revision
 * just published replaces them. Returns the ids it changed.
 */
export async function supersedeSeries(
  db: Db,
  organizationId: string,
  seriesId: string,
  keepId: string,
) {
  const rows = await db.query<{ id: string }>(
    `UPDATE plans SET status = 'superseded', version = version + 1, revision = revision + 1,
       updated_at = now()
     WHERE organization_id = $1 AND series_id = $2 AND id <> $3 AND status = 'published'
     RETURNING id`,
    [organizationId, seriesId, keepId],
  );
  return rows.map((r) => r.id);
}

/** How a revision was started (see new-plan-revision), or null for a first plan. */
export async function planRevisionNote(db: Db, id: string): Promise<unknown> {
  const rows = await db.query<{ note: unknown }>(
    'SELECT revision_note AS note FROM plans WHERE id = $1',
    [id],
  );
  return rows[0]?.note ?? null;
}

/**
 * Gives a plan just loaded from a file (as a draft, with all its parts) the status the file
 * records; its version stays, as if it had been inserted so.
 */
export async function setLoadedStatus(db: Db, organizationId: string, id: string, status: string) {
  await db.query('UPDATE plans SET status = $3 WHERE organization_id = $1 AND id = $2', [
    organizationId,
    id,
    status,
  ]);
}
