import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../domain/catalog/catalog.js';
import { analyzeCompliance } from '../domain/compliance/analyze.js';
import type { ComplianceReport } from '../domain/compliance/model.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { readableDocument } from './plan-exports.js';
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
  const { document } = await readableDocument(options);
  return analyzeCompliance(
    options.catalog ?? loadCatalog(),
    document,
    options.today ?? todayInItaly(),
  );
}
