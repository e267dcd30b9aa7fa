import { PianoError } from '../domain/errors.js';
import { isUuid } from '../domain/model/common.js';
import { canReadPlan, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { findPlanAnywhere, type PlanRow } from '../storage/plans.js';

export interface ReadPlanOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
}

/**
 * A plan's own fields, if the principal may read it: published plans are public, others only
 * for the organization's members. A plan the principal may not read does not exist for them
 * (not_found, as for an unknown id), so whether a draft exists is never revealed.
 */
export async function readPlan({ db, principal, planId }: ReadPlanOptions): Promise<PlanRow> {
  const plan = isUuid(planId) ? await findPlanAnywhere(db, planId) : null;
  if (!plan || !canReadPlan(principal, plan)) {
    throw new PianoError('not_found', 'Piano non trovato');
  }
  return plan;
}
