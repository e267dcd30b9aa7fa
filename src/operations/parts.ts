import { loadCatalog } from '../catalog/load-catalog.js';
import { unknownLinks } from '../domain/catalog/links.js';
import { PianoError, found, validationError } from '../domain/errors.js';
import type { Db } from '../storage/db.js';
import { translateDbError } from '../storage/db-errors.js';
import { insertAuditEvents, type Actor, type AuditEvent } from '../storage/audit.js';
import { bumpOrganizationRevision, findOrganization } from '../storage/organizations.js';
import { bumpPlanRevision } from '../storage/plans.js';
import { UNITS, type EntityTable } from '../storage/entities.js';
import { getRow, listRows, type Entity, type Scope } from '../storage/rows.js';

/** Context shared by the operations on the parts of a plan or of an organization. */
export interface PartContext {
  db: Db;
  actor: Actor;
  table: EntityTable;
  scope: Scope;
}

/** Runs a write in one transaction and turns database refusals into PianoErrors. */
export async function writeInTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (error) {
    throw translateDbError(error);
  }
}

/** Marks the plan's (or organization's) documents stale and records what changed. */
export async function afterPartWrite(tx: Db, ctx: PartContext, events: AuditEvent[]) {
  if (ctx.scope.planId) await bumpPlanRevision(tx, ctx.scope.organizationId, ctx.scope.planId);
  else await bumpOrganizationRevision(tx, ctx.scope.organizationId);
  await insertAuditEvents(tx, ctx.actor, events);
}

export function auditEvent(
  ctx: PartContext,
  operation: AuditEvent['operation'],
  entityId: string,
  field: string | null,
  before: unknown,
  after: unknown,
): AuditEvent {
  return {
    organizationId: ctx.scope.organizationId,
    planId: ctx.scope.planId ?? null,
    operation,
    entityType: ctx.table.type,
    entityId,
    field,
    before,
    after,
  };
}

/** Unit keys are kept in arrays, which foreign keys cannot check: check them here. */
export async function checkUnitRefs(tx: Db, ctx: PartContext, entity: Record<string, unknown>) {
  for (const prop of ctx.table.unitRefs ?? []) {
    const keys = (entity[prop] as string[] | undefined) ?? [];
    if (keys.length === 0) continue;
    const { items } = await listRows(tx, UNITS, { organizationId: ctx.scope.organizationId });
    const known = new Set(items.map((u) => u.id));
    const missing = keys.find((k) => !known.has(k));
    if (missing !== undefined) {
      throw new PianoError('validation', `Settore "${missing}" inesistente`, [
        { field: `/${prop}`, message: `rimanda al settore "${missing}" inesistente` },
      ]);
    }
  }
}

/** Codes of the national catalog sit in arrays too: a link to an unknown code is refused. */
export function checkCatalogLinks(
  ctx: Pick<PartContext, 'table'>,
  entity: Record<string, unknown>,
) {
  const problems = (ctx.table.links ?? []).flatMap(({ prop, to }) =>
    prop in entity ? unknownLinks(`/${prop}`, entity[prop], to, loadCatalog()) : [],
  );
  if (problems.length)
    throw validationError(problems, 'Collegamento al catalogo nazionale non valido');
}

export async function getPart(ctx: Omit<PartContext, 'actor'>, key: string): Promise<Entity> {
  return found(await getRow(ctx.db, ctx.table, ctx.scope, key), ctx.table.label);
}

/** The organization must exist before anything is written under it. */
export async function requireOrganization(db: Db, organizationId: string) {
  return found(await findOrganization(db, organizationId), 'Ente');
}

/** "-title" → order by title, descending; undefined when no order is asked for. */
export const parseSort = (sort: string | undefined) =>
  sort ? { prop: sort.replace(/^-/, ''), descending: sort.startsWith('-') } : undefined;
