import { performanceObjectivesCsv } from '../documents/performance-objectives.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { readableDocument } from './plan-exports.js';

export interface ExportPerformanceObjectivesOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  year: number;
}

/** The year's performance objectives of a plan the principal may read, as CSV. */
export async function exportPerformanceObjectives(options: ExportPerformanceObjectivesOptions) {
  const { document } = await readableDocument(options);
  return performanceObjectivesCsv(document, options.year);
}
