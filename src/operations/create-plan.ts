import { validationError } from '../domain/errors.js';
import type { PlanFields } from '../domain/model/plan.js';
import { checkPeriod } from '../domain/rules/check-plan.js';
import { insertAuditEvents, type Actor } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { insertPlan } from '../storage/plans.js';
import { requireOrganization, writeInTransaction } from './parts.js';

export interface CreatePlanOptions {
  db: Db;
  actor: Actor;
  organizationId: string;
  fields: PlanFields;
}

/**
 * checkPeriod points into a whole plan document (/plan/endYear); the bodies that create or
 * change a plan are the plan's own fields, so their pointers drop the /plan prefix (/endYear).
 */
export const checkPlanPeriod = (plan: { startYear: number; endYear: number }) =>
  checkPeriod(plan).map((p) => ({ ...p, field: p.field.replace(/^\/plan(?=\/)/, '') }));

/** Starts an empty plan for an organization. */
export async function createPlan(options: CreatePlanOptions) {
  const problems = checkPlanPeriod(options.fields);
  if (problems.length) throw validationError(problems);
  return writeInTransaction(options.db, async (tx) => {
    await requireOrganization(tx, options.organizationId);
    const plan = await insertPlan(tx, options.organizationId, options.fields);
    await insertAuditEvents(tx, options.actor, [
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
