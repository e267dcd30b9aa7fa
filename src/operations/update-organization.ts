import { found } from '../domain/errors.js';
import type { OrganizationFields } from '../domain/model/organization.js';
import { insertAuditEvents, type Actor } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { findOrganization, updateOrganizationRow } from '../storage/organizations.js';
import { writeInTransaction } from './parts.js';
import { assertVersion, changedFields } from './update-part.js';

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
    const current = found(await findOrganization(tx, id), 'Ente');
    assertVersion(current.version, version);
    const updated = found(await updateOrganizationRow(tx, id, changes, version), 'Ente');
    const events = changedFields(current, changes).map((field) => ({
      organizationId: id,
      planId: null,
      operation: 'update' as const,
      entityType: 'organization',
      entityId: id,
      field,
      before: current[field as keyof typeof current],
      after: updated[field as keyof typeof updated],
    }));
    await insertAuditEvents(tx, options.actor, events);
    return updated;
  });
}
