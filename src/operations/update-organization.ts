import { assertVersion, found } from '../domain/errors.js';
import type { OrganizationFields } from '../domain/model/organization.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { fieldUpdateEvents, insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { findOrganization, updateOrganizationRow } from '../storage/organizations.js';
import { actorOf } from './callers.js';
import { writeInTransaction } from './parts.js';

export interface UpdateOrganizationOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  version: number;
  changes: Partial<OrganizationFields>;
}

/** Changes an organization's own fields: its admin's decision. */
export async function updateOrganization(options: UpdateOrganizationOptions) {
  const { organizationId: id, version, changes } = options;
  requireRole(options.principal, id, 'admin');
  return writeInTransaction(options.db, async (tx) => {
    // Locked: a concurrent writer waits, then sees the new version and gets a conflict.
    const current = found(await findOrganization(tx, id, true), 'Ente');
    assertVersion(current.version, version);
    const updated = found(await updateOrganizationRow(tx, id, changes, version), 'Ente');
    const subject = { organizationId: id, planId: null, entityType: 'organization', entityId: id };
    await insertAuditEvents(
      tx,
      actorOf(options.principal),
      fieldUpdateEvents(subject, current, updated, changes),
    );
    return updated;
  });
}
