import type { OrgRole } from '../domain/rules/permissions.js';
import { insertAuditEvents, type Actor } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { PianoError } from '../domain/errors.js';
import { deleteMembership, upsertMembership } from '../storage/users.js';
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

/** Takes a user's role in an organization away, audited; the account itself stays. */
export async function revokeMembership(
  options: Pick<GrantMembershipOptions, 'db' | 'actor' | 'userId' | 'organizationId'>,
) {
  const { userId, organizationId } = options;
  await writeInTransaction(options.db, async (tx) => {
    if (!(await deleteMembership(tx, userId, organizationId))) {
      throw new PianoError('not_found', 'L’utente non ha ruoli in questo ente');
    }
    await insertAuditEvents(tx, options.actor, [
      {
        organizationId,
        planId: null,
        operation: 'delete',
        entityType: 'membership',
        entityId: userId,
        field: 'role',
        before: null,
        after: null,
      },
    ]);
  });
}
