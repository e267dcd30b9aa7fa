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

/** Starts an empty plan for an organization. */
export async function createPlan(options: CreatePlanOptions) {
  const problems = checkPeriod(options.fields);
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
