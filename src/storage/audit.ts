import type { Db } from './db.js';

/** Who did something: a signed-in user, or an operator at the command line. */
export interface Actor {
  userId: string | null;
  name: string;
}

export interface AuditEvent {
  organizationId: string;
  planId: string | null;
  operation: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

/** What an audit event is about. */
export type AuditSubject = Pick<
  AuditEvent,
  'organizationId' | 'planId' | 'entityType' | 'entityId'
>;

/** One 'update' event per field whose value the change really alters. */
export function fieldUpdateEvents(
  subject: AuditSubject,
  before: object,
  after: object,
  changes: object,
): AuditEvent[] {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.keys(changes)
    .filter((field) => JSON.stringify(old[field] ?? null) !== JSON.stringify(now[field] ?? null))
    .map((field) => ({
      ...subject,
      operation: 'update' as const,
      field,
      before: old[field],
      after: now[field],
    }));
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Writes the events in one statement, inside the caller's transaction. */
export async function insertAuditEvents(db: Db, actor: Actor, events: AuditEvent[]) {
  if (events.length === 0) return;
  const params: unknown[] = [actor.userId, actor.name];
  const rows = events.map((e) => {
    const base = params.length;
    params.push(e.organizationId, e.planId, e.operation, e.entityType, e.entityId, e.field);
    params.push(json(e.before), json(e.after));
    const p = (i: number) => `$${base + i}`;
    return `($1, $2, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::jsonb, ${p(8)}::jsonb)`;
  });
  await db.query(
    `INSERT INTO audit_events (user_id, actor, organization_id, plan_id, operation, entity_type,
       entity_id, field, before, after) VALUES ${rows.join(', ')}`,
    params,
  );
}

export interface AuditQuery {
  organizationId: string;
  planId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  limit: number;
  offset: number;
}

/** A recorded event as read back. */
export interface AuditRow {
  id: number;
  at: string | Date;
  actor: string;
  userId: string | null;
  planId: string | null;
  operation: AuditEvent['operation'];
  entityType: string;
  entityId: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

export async function listAuditEvents(db: Db, q: AuditQuery) {
  const params: unknown[] = [q.organizationId];
  const where = ['organization_id = $1'];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  add('plan_id', q.planId);
  add('entity_type', q.entityType);
  add('entity_id', q.entityId);
  const sql = where.join(' AND ');
  const [items, count] = await Promise.all([
    db.query<AuditRow>(
      `SELECT id::int AS id, at, actor, user_id AS "userId", plan_id AS "planId", operation,
              entity_type AS "entityType", entity_id AS "entityId", field, before, after
       FROM audit_events WHERE ${sql} ORDER BY id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE ${sql}`, params),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}

/** When each item of a plan was last changed after its creation (items never changed are absent). */
export interface LastUpdate {
  entityType: string;
  entityId: string;
  at: string | Date;
}

export async function lastUpdatesOfPlan(
  db: Db,
  organizationId: string,
  planId: string,
): Promise<LastUpdate[]> {
  return db.query<LastUpdate>(
    `SELECT entity_type AS "entityType", entity_id AS "entityId", max(at) AS at
       FROM audit_events
      WHERE organization_id = $1 AND plan_id = $2 AND operation = 'update'
      GROUP BY entity_type, entity_id`,
    [organizationId, planId],
  );
}
