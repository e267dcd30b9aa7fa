import { assertVersion, found } from '../domain/errors.js';
import type { OrganizationFields } from '../domain/model/organization.js';
import { fieldUpdateEvents, insertAuditEvents, type Actor } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { findOrganization, updateOrganizationRow } from '../storage/organizations.js';
import { writeInTransaction } from './parts.js';

export interface UpdateOrganizationOptions {
  db: Db;
  actor: Actor;
  organizationId: string;
  version: number;
  changes: Partial<OrganizationFields>;
}

export async function updateOrganization(options: UpdateOrganizationOptions) {
  const { organizationId: id, version, changes } = options;
  return writeInTransaction(options.db, async (tx) => {
    // Locked: a concurrent writer waits, then sees the new version and gets a conflict.
    const current = found(await findOrganization(tx, id, true), 'Ente');
    assertVersion(current.version, version);
    const updated = found(await updateOrganizationRow(tx, id, changes, version), 'Ente');
    const subject = { organizationId: id, planId: null, entityType: 'organization', entityId: id };
    await insertAuditEvents(
      tx,
      options.actor,
      fieldUpdateEvents(subject, current, updated, changes),
    );
    return updated;
  });
}
