import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { listAuditEvents as queryAuditEvents, type AuditQuery } from '../storage/audit.js';
import type { Db } from '../storage/db.js';

export interface ListAuditEventsOptions extends AuditQuery {
  db: Db;
  principal: Principal | null;
}

/** The audit trail of an organization, newest first, field by field: for its admin only. */
export async function listAuditEvents(options: ListAuditEventsOptions) {
  const { db, principal, ...query } = options;
  requireRole(principal, query.organizationId, 'admin');
  const page = await queryAuditEvents(db, query);
  return { ...page, limit: query.limit, offset: query.offset };
}
