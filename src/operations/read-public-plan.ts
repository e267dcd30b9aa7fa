import { loadCatalog } from '../catalog/load-catalog.js';
import { lineTitleLookup } from '../domain/catalog/catalog.js';
import { analyzeCompliance } from '../domain/compliance/analyze.js';
import type { ComplianceReport } from '../domain/compliance/model.js';
import { found } from '../domain/errors.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { Db } from '../storage/db.js';
import { findPlan } from '../storage/plans.js';
import { findPublicPlan, type PublicPlanRef } from '../storage/portal.js';
import { exportPlanDocument } from './export-plan-document.js';

export interface FindPublicPlanOptions {
  db: Db;
  /** The organization's IPA code, or its id. */
  organizationRef: string;
  /** The plan's id, or its period `2025-2027`. */
  planRef: string;
}

/**
 * Which public plan a portal address names, and the state it is in (one indexed query): pages
 * made from it can be cached under that state. Drafts are never found, whoever asks.
 */
export async function findPublicPlanRef(options: FindPublicPlanOptions): Promise<PublicPlanRef> {
  return found(await findPublicPlan(options.db, options.organizationRef, options.planRef), 'Piano');
}

export interface ReadPublicPlanOptions {
  db: Db;
  ref: PublicPlanRef;
  /** The day deadlines are judged against (YYYY-MM-DD). */
  today: string;
}

export interface PublicPlan {
  document: PlanDocument;
  updatedAt: string;
  /** Coverage of the national plan, or null when the plan's edition cannot be judged. */
  compliance: ComplianceReport | null;
  /** Titles of the national catalog's lines, from the edition the plan follows. */
  lineTitle: (code: string) => string | undefined;
}

/** The whole public plan with what the portal shows beside it. */
export async function readPublicPlan(options: ReadPublicPlanOptions): Promise<PublicPlan> {
  const { db, ref } = options;
  const [plan, document] = await Promise.all([
    findPlan(db, ref.organizationId, ref.planId),
    exportPlanDocument({ db, organizationId: ref.organizationId, planId: ref.planId }),
  ]);
  const catalog = loadCatalog();
  return {
    document,
    updatedAt: found(plan, 'Piano').updatedAt,
    compliance: analyzeCompliance(catalog, document, options.today),
    lineTitle: lineTitleLookup(catalog, document),
  };
}
