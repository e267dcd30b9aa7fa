import { found } from '../domain/errors.js';
import { canonical } from '../domain/model/canonical.js';
import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  PlanDocumentSchema,
  type PlanDocument,
} from '../domain/model/interchange.js';
import type { Db } from '../storage/db.js';
import * as T from '../storage/entities.js';
import { findOrganization } from '../storage/organizations.js';
import { findPlan } from '../storage/plans.js';
import { listRows, type Entity, type Scope } from '../storage/rows.js';

export interface ExportPlanOptions {
  db: Db;
  organizationId: string;
  planId: string;
}

/** The whole plan as one Plan Interchange Format v1 document, in canonical field order. */
export async function exportPlanDocument(options: ExportPlanOptions): Promise<PlanDocument> {
  const { db, organizationId, planId } = options;
  const plan = found(await findPlan(db, organizationId, planId), 'Piano');
  const organization = found(await findOrganization(db, organizationId), 'Ente');
  const orgScope = { organizationId };
  const scope = { organizationId, planId };
  const all = async (table: T.EntityTable, s: Scope = scope) =>
    (await listRows(db, table, s, { limit: 100_000 })).items;
  const [units, roles, sections, references, glossary, priorities, baseline] = await Promise.all([
    all(T.UNITS, orgScope),
    all(T.ROLE_HOLDERS, orgScope),
    all(T.SECTIONS),
    all(T.NORMATIVE_REFERENCES),
    all(T.GLOSSARY_TERMS),
    all(T.PRIORITIES),
    all(T.BASELINE_ITEMS),
  ]);
  const [actions, microActions, indicators, measurements, spending, platforms] = await Promise.all([
    all(T.ACTIONS),
    all(T.MICRO_ACTIONS),
    all(T.INDICATORS),
    all(T.MEASUREMENTS),
    all(T.SPENDING_ITEMS),
    all(T.PLATFORM_ADOPTIONS),
  ]);
  return canonical<PlanDocument>(PlanDocumentSchema, {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    organization: { ...organization, units, roles },
    plan: { ...plan, sections, normativeReferences: references, glossary },
    priorities,
    baseline,
    actions: nest(actions, 'microActions', microActions, 'actionId'),
    indicators: nest(indicators, 'measurements', measurements, 'indicatorId'),
    spending,
    platforms,
  });
}

/** Puts each child under its parent, keeping the children's stored order. */
function nest(parents: Entity[], as: string, children: Entity[], parentProp: string) {
  const byParent = new Map<unknown, Entity[]>();
  for (const child of children) {
    const list = byParent.get(child[parentProp]) ?? [];
    list.push(child);
    byParent.set(child[parentProp], list);
  }
  return parents.map((p) => ({ ...p, [as]: byParent.get(p.id) ?? [] }));
}
