import { PianoError } from '../domain/errors.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { deleteMembership } from '../storage/users.js';
import { actorOf } from './callers.js';
import { writeInTransaction } from './parts.js';

export interface RevokeMembershipOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  userId: string;
}

/** The admin takes a user's role in the organization away, audited; the account stays. */
export async function revokeMembership(options: RevokeMembershipOptions): Promise<void> {
  const { db, principal, userId, organizationId } = options;
  requireRole(principal, organizationId, 'admin');
  await writeInTransaction(db, async (tx) => {
    if (!(await deleteMembership(tx, userId, organizationId))) {
      throw new PianoError('not_found', 'L’utente non ha ruoli in questo ente');
    }
    await insertAuditEvents(tx, actorOf(principal), [
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
