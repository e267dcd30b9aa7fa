import { exportFiles, type ExportFile, type ExportFormat } from '../documents/exports.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import type { PlanRow } from '../storage/plans.js';
import { exportSource, type ExportChoices } from './plan-exports.js';
import { readPlan } from './read-plan.js';

export interface ExportPlanFilesOptions extends ExportChoices {
  db: Db;
  principal: Principal | null;
  planId: string;
  format: ExportFormat;
}

export interface ExportedPlan {
  plan: PlanRow;
  /** The organization's name, as the document prints it. */
  organizationName: string;
  /** One file, or several for the folder formats (csv, opendata). */
  files: ExportFile[];
}

/**
 * All the files of one format for a plan the principal may read (not_found otherwise): what
 * `piano export` writes, one plan at a time. Nothing is cached: each call renders.
 */
export async function exportPlanFiles(options: ExportPlanFilesOptions): Promise<ExportedPlan> {
  const { db, principal, planId, format, ...choices } = options;
  const plan = await readPlan({ db, principal, planId });
  const source = await exportSource(db, plan, choices);
  return {
    plan,
    organizationName: source.document.organization.name,
    files: await exportFiles(source.document, format, source.options),
  };
}
