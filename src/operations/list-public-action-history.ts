import type { Db } from '../storage/db.js';
import { listActionStatusHistory, type PublicPlanRef } from '../storage/portal.js';

export interface ListPublicActionHistoryOptions {
  db: Db;
  ref: PublicPlanRef;
  actionId: string;
}

/**
 * When an action of a public plan entered it, and how its status and progress changed since,
 * newest first. The audit trail holds more (who, every field): only these public facts leave.
 */
export async function listPublicActionHistory(options: ListPublicActionHistoryOptions) {
  const { db, ref } = options;
  return listActionStatusHistory(
    db,
    { organizationId: ref.organizationId, planId: ref.planId },
    options.actionId,
  );
}
