import type { OrgRole } from '../domain/rules/permissions.js';
import { insertAuditEvents, type Actor } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { upsertMembership } from '../storage/users.js';
import { writeInTransaction } from './parts.js';

export interface GrantMembershipOptions {
  db: Db;
  actor: Actor;
  userId: string;
  organizationId: string;
  role: OrgRole;
  unitId: string | null;
}

/** Gives a user a role in an organization (or changes it), audited. */
export async function grantMembership(options: GrantMembershipOptions) {
  const { userId, organizationId, role, unitId } = options;
  await writeInTransaction(options.db, async (tx) => {
    await upsertMembership(tx, userId, { organizationId, role, unitId });
    await insertAuditEvents(tx, options.actor, [
      {
        organizationId,
        planId: null,
        operation: 'update',
        entityType: 'membership',
        entityId: userId,
        field: 'role',
        before: null,
        after: { role, unitId },
      },
    ]);
  });
}
