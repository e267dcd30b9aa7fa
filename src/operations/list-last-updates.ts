import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { lastUpdatesOfPlan } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { readPlan } from './read-plan.js';
import { todayInItaly } from './today.js';

export interface ListLastUpdatesOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
}

/**
 * The Italian day each item of a plan was last updated on (from the audit trail; creation does
 * not count), for the organization's members: the dashboard's measure of how current it is.
 */
export async function listLastUpdates(options: ListLastUpdatesOptions) {
  const { db, principal, planId } = options;
  const plan = await readPlan({ db, principal, planId });
  requireRole(principal, plan.organizationId, 'viewer');
  const rows = await lastUpdatesOfPlan(db, plan.organizationId, plan.id);
  return rows.map((r) => ({
    entityType: r.entityType,
    entityId: r.entityId,
    day: todayInItaly(new Date(r.at)),
  }));
}
