import { assertVersion, found, validationError } from '../domain/errors.js';
import type { PlanFields } from '../domain/model/plan.js';
import { checkPlanPeriod } from '../domain/rules/check-plan.js';
import { refuseLifecycleFields } from '../domain/rules/plan-lifecycle.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { fieldUpdateEvents, insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { findPlan, updatePlanRow, type PlanRow } from '../storage/plans.js';
import { actorOf } from './callers.js';
import { writeInTransaction } from './parts.js';
import { readPlan } from './read-plan.js';

export interface UpdatePlanOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  /** The version the caller last read; a different stored version is a conflict. */
  version: number;
  changes: Partial<PlanFields>;
}

/**
 * Changes the plan's own fields (title, period, revision label...): admins only. The status and
 * the approval act move only through the lifecycle (take-lifecycle-step).
 */
export async function updatePlan(options: UpdatePlanOptions): Promise<PlanRow> {
  const { db, principal, version, changes } = options;
  const { organizationId, id: planId } = await readPlan({ db, principal, planId: options.planId });
  requireRole(principal, organizationId, 'admin');
  refuseLifecycleFields(changes);
  return writeInTransaction(db, async (tx) => {
    // Locked: a concurrent writer waits, then sees the new version and gets a conflict.
    const current = found(await findPlan(tx, organizationId, planId, true), 'Piano');
    assertVersion(current.version, version);
    const problems = checkPlanPeriod({ ...current, ...changes });
    if (problems.length) throw validationError(problems);
    const updated = found(
      await updatePlanRow(tx, organizationId, planId, changes, version),
      'Piano',
    );
    const subject = { organizationId, planId, entityType: 'plan', entityId: planId };
    await insertAuditEvents(
      tx,
      actorOf(principal),
      fieldUpdateEvents(subject, current, updated, changes),
    );
    return updated;
  });
}
