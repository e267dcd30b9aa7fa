import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../domain/catalog/catalog.js';
import { analyzeCompliance } from '../domain/compliance/analyze.js';
import type { ComplianceReport } from '../domain/compliance/model.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { exportPlanDocument } from './export-plan-document.js';
import { readPlan } from './read-plan.js';
import { todayInItaly } from './today.js';

export interface CheckPlanComplianceOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  /** The day deadlines are judged against (YYYY-MM-DD); today in Italy by default. */
  today?: string | undefined;
  catalog?: Catalog;
}

/**
 * Coverage of the national plan's lines and every gap, delay and risk found in a plan, for
 * whoever may read the plan.
 */
export async function checkPlanCompliance(
  options: CheckPlanComplianceOptions,
): Promise<ComplianceReport> {
  const { db, principal } = options;
  const plan = await readPlan({ db, principal, planId: options.planId });
  const doc = await exportPlanDocument({
    db,
    organizationId: plan.organizationId,
    planId: plan.id,
  });
  return analyzeCompliance(options.catalog ?? loadCatalog(), doc, options.today ?? todayInItaly());
}
