import { assertVersion, found, validationError } from '../domain/errors.js';
import type { PlanFields } from '../domain/model/plan.js';
import { fieldUpdateEvents, insertAuditEvents, type Actor } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { deletePlanRow, findPlan, updatePlanRow } from '../storage/plans.js';
import { checkPlanPeriod } from './create-plan.js';
import { writeInTransaction } from './parts.js';

export interface UpdatePlanOptions {
  db: Db;
  actor: Actor;
  organizationId: string;
  planId: string;
  version: number;
  changes: Partial<PlanFields>;
}

/** Changes the plan's own fields (title, period, status, approval act...). */
export async function updatePlan(options: UpdatePlanOptions) {
  const { organizationId, planId, version, changes } = options;
  return writeInTransaction(options.db, async (tx) => {
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
      options.actor,
      fieldUpdateEvents(subject, current, updated, changes),
    );
    return updated;
  });
}

/** Deletes a plan with all its parts; the audit trail keeps a copy of its fields. */
export async function deletePlan(options: Omit<UpdatePlanOptions, 'changes'>) {
  const { organizationId, planId, version } = options;
  await writeInTransaction(options.db, async (tx) => {
    // Locked: a concurrent writer waits, then sees the new version and gets a conflict.
    const current = found(await findPlan(tx, organizationId, planId, true), 'Piano');
    assertVersion(current.version, version);
    await deletePlanRow(tx, organizationId, planId, version);
    await insertAuditEvents(tx, options.actor, [
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
