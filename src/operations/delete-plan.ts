import { assertVersion, found } from '../domain/errors.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { deletePlanRow, findPlan } from '../storage/plans.js';
import { actorOf } from './callers.js';
import { writeInTransaction } from './parts.js';
import { readPlan } from './read-plan.js';

export interface DeletePlanOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  version: number;
}

/** Deletes a plan with all its parts (admins only); the audit trail keeps a copy of its fields. */
export async function deletePlan(options: DeletePlanOptions): Promise<void> {
  const { db, principal, version } = options;
  const { organizationId, id: planId } = await readPlan({ db, principal, planId: options.planId });
  requireRole(principal, organizationId, 'admin');
  await writeInTransaction(db, async (tx) => {
    // Locked: a concurrent writer waits, then sees the new version and gets a conflict.
    const current = found(await findPlan(tx, organizationId, planId, true), 'Piano');
    assertVersion(current.version, version);
    await deletePlanRow(tx, organizationId, planId, version);
    await insertAuditEvents(tx, actorOf(principal), [
      {
        organizationId,
        planId,
        operation: 'delete',
        entityType: 'plan',
        entityId: planId,
        field: null,
        before: current,
        after: null,
      },
    ]);
  });
}
