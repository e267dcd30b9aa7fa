import { validationError } from '../domain/errors.js';
import type { PlanFields } from '../domain/model/plan.js';
import { checkPlanPeriod } from '../domain/rules/check-plan.js';
import { refuseLifecycleFields } from '../domain/rules/plan-lifecycle.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { insertPlan, type PlanRow } from '../storage/plans.js';
import { actorOf } from './callers.js';
import { requireOrganization, writeInTransaction } from './parts.js';

export interface CreatePlanOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  /** Status and approval come from the lifecycle (take-lifecycle-step), never from here. */
  fields: Omit<PlanFields, 'status' | 'approval'> &
    Partial<Pick<PlanFields, 'status' | 'approval'>>;
}

/** Starts an empty plan for an organization, as a draft: its admin's decision. */
export async function createPlan(options: CreatePlanOptions): Promise<PlanRow> {
  requireRole(options.principal, options.organizationId, 'admin');
  refuseLifecycleFields(options.fields, true);
  const problems = checkPlanPeriod(options.fields);
  if (problems.length) throw validationError(problems);
  return writeInTransaction(options.db, async (tx) => {
    await requireOrganization(tx, options.organizationId);
    const fields = { ...options.fields, status: 'draft' as const, approval: null };
    const plan = await insertPlan(tx, options.organizationId, fields);
    await insertAuditEvents(tx, actorOf(options.principal), [
      {
        organizationId: plan.organizationId,
        planId: plan.id,
        operation: 'create',
        entityType: 'plan',
        entityId: plan.id,
        field: null,
        before: null,
        after: plan,
      },
    ]);
    return plan;
  });
}
