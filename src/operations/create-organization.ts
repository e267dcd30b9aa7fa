import type { OrganizationFields } from '../domain/model/organization.js';
import { requireConsultant, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { insertOrganization } from '../storage/organizations.js';
import { upsertMembership } from '../storage/users.js';
import { actorOf } from './callers.js';
import { writeInTransaction } from './parts.js';

export interface CreateOrganizationOptions {
  db: Db;
  principal: Principal | null;
  fields: OrganizationFields;
}

/** Creates an ente (platform consultants only); the user who creates it becomes its admin. */
export async function createOrganization(options: CreateOrganizationOptions) {
  requireConsultant(options.principal, 'Solo un consulente di piattaforma può creare enti');
  const actor = actorOf(options.principal);
  return writeInTransaction(options.db, async (tx) => {
    const created = await insertOrganization(tx, options.fields);
    if (actor.userId) {
      await upsertMembership(tx, actor.userId, {
        organizationId: created.id,
        role: 'admin',
        unitId: null,
      });
    }
    await insertAuditEvents(tx, actor, [
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
