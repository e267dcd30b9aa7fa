import type { OrganizationFields } from '../domain/model/organization.js';
import { insertAuditEvents, type Actor } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { insertOrganization } from '../storage/organizations.js';
import { upsertMembership } from '../storage/users.js';
import { writeInTransaction } from './parts.js';

export interface CreateOrganizationOptions {
  db: Db;
  actor: Actor;
  fields: OrganizationFields;
}

/** Creates an ente; the user who creates it becomes its admin. */
export async function createOrganization(options: CreateOrganizationOptions) {
  return writeInTransaction(options.db, async (tx) => {
    const created = await insertOrganization(tx, options.fields);
    if (options.actor.userId) {
      await upsertMembership(tx, options.actor.userId, {
        organizationId: created.id,
        role: 'admin',
        unitId: null,
      });
    }
    await insertAuditEvents(tx, options.actor, [
      {
        organizationId: created.id,
        planId: null,
        operation: 'create',
        entityType: 'organization',
        entityId: created.id,
        field: null,
        before: null,
        after: created,
      },
    ]);
    return created;
  });
}
