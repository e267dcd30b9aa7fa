import { loadCatalog } from '../catalog/load-catalog.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { Unit } from '../domain/model/organization.js';
import { parsePlanDocument } from '../domain/rules/parse-plan-document.js';
import { insertAuditEvents, type Actor, type AuditEvent } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import * as T from '../storage/entities.js';
import { findOrganizationByIpa, insertOrganization } from '../storage/organizations.js';
import { insertPlan, setLoadedStatus, type PlanLineage } from '../storage/plans.js';
import { insertRow, listRows, type Scope } from '../storage/rows.js';
import { requireOrganization, writeInTransaction } from './parts.js';

export interface LoadPlanOptions {
  db: Db;
  actor: Actor;
  input: unknown;
  /** Load into this organization; otherwise the one with the file's IPA code, or a new one. */
  organizationId?: string | undefined;
  /** For a new revision: the revision it comes from, and how it was started. */
  lineage?: PlanLineage | undefined;
}

/**
 * Stores a whole plan from an interchange document, in one transaction: either everything is
 * stored or nothing is. Units and roles the organization lacks are added; existing ones stay.
 */
export async function loadPlanDocument(options: LoadPlanOptions) {
  const doc = parsePlanDocument(options.input, loadCatalog());
  return writeInTransaction(options.db, async (tx) => {
    const events: AuditEvent[] = [];
    const organizationId = await resolveOrganization(tx, doc, options.organizationId, events);
    await addMissing(tx, T.UNITS, { organizationId }, parentsFirst(doc.organization.units), events);
    await addMissing(tx, T.ROLE_HOLDERS, { organizationId }, doc.organization.roles, events);
    const { sections, normativeReferences, glossary, seriesId, ...fields } = doc.plan;
    // Stored as a draft, then given its status: the database refuses parts added to an
    // approved or published plan, and a file of a published plan must still load whole.
    const plan = await insertPlan(
      tx,
      organizationId,
      { ...fields, status: 'draft' },
      { seriesId, ...options.lineage },
    );
    const scope = { organizationId, planId: plan.id };
    events.push(event(scope, 'plan', plan.id, { ...plan, status: fields.status }));
    const put = (table: T.EntityTable, items: Record<string, unknown>[]) =>
      insertAll(tx, table, scope, items, events);
    await put(T.SECTIONS, sections);
    await put(T.NORMATIVE_REFERENCES, normativeReferences);
    await put(T.GLOSSARY_TERMS, glossary);
    await put(T.PRIORITIES, doc.priorities);
    await put(T.BASELINE_ITEMS, doc.baseline);
    await put(T.ACTIONS, doc.actions);
    await put(
      T.MICRO_ACTIONS,
      doc.actions.flatMap((a) => a.microActions.map((m) => ({ ...m, actionId: a.id }))),
    );
    await put(T.INDICATORS, doc.indicators);
    await put(
      T.MEASUREMENTS,
      doc.indicators.flatMap((i) => i.measurements.map((m) => ({ ...m, indicatorId: i.id }))),
    );
    await put(T.SPENDING_ITEMS, doc.spending);
    await put(T.PLATFORM_ADOPTIONS, doc.platforms);
    if (fields.status !== 'draft')
      await setLoadedStatus(tx, organizationId, plan.id, fields.status);
    for (let i = 0; i < events.length; i += 1000) {
      await insertAuditEvents(tx, options.actor, events.slice(i, i + 1000));
    }
    return { organizationId, planId: plan.id };
  });
}

async function resolveOrganization(
  tx: Db,
  doc: PlanDocument,
  organizationId: string | undefined,
  events: AuditEvent[],
): Promise<string> {
  if (organizationId) return (await requireOrganization(tx, organizationId)).id;
  const { units: _units, roles: _roles, ...fields } = doc.organization;
  const existing = fields.ipaCode ? await findOrganizationByIpa(tx, fields.ipaCode) : null;
  if (existing) return existing.id;
  const created = await insertOrganization(tx, fields);
  events.push(event({ organizationId: created.id }, 'organization', created.id, created));
  return created.id;
}

async function addMissing(
  tx: Db,
  table: T.EntityTable,
  scope: Scope,
  items: Record<string, unknown>[],
  events: AuditEvent[],
) {
  const { items: existing } = await listRows(tx, table, scope, { limit: 100_000 });
  const known = new Set(existing.map((e) => e.id));
  await insertAll(
    tx,
    table,
    scope,
    items.filter((item) => !known.has(item.id as string)),
    events,
  );
}

async function insertAll(
  tx: Db,
  table: T.EntityTable,
  scope: Scope,
  items: Record<string, unknown>[],
  events: AuditEvent[],
) {
  for (const item of items) {
    const created = await insertRow(tx, table, scope, item);
    events.push(event(scope, table.type, created.id, created));
  }
}

/** Units may name a parent defined later in the file; the database needs parents first. */
function parentsFirst(units: Unit[]): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const ordered: Unit[] = [];
  const placed = new Set<string>();
  const place = (unit: Unit, depth: number) => {
    if (placed.has(unit.id) || depth > units.length) return;
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(unit.id);
    ordered.push(unit);
  };
  units.forEach((u) => place(u, 0));
  return ordered;
}

function event(scope: Scope, entityType: string, entityId: string, after: unknown): AuditEvent {
  return {
    organizationId: scope.organizationId,
    planId: scope.planId ?? null,
    operation: 'create',
    entityType,
    entityId,
    field: null,
    before: null,
    after,
  };
}

/** Moved to the domain (`parsePlanDocument(input, catalog)`); kept here for the importer's tests. */
export { parsePlanDocument } from '../catalog/parse-plan-document.js';
