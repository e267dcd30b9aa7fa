import { PianoError } from '../domain/errors.js';
import { requireRole, type OrgRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { findUserById, updateMembership } from '../storage/users.js';
import { actorOf } from './callers.js';
import { unitOfRole, type Member } from './grant-membership.js';
import { writeInTransaction } from './parts.js';

export interface ChangeMemberRoleOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  userId: string;
  role: OrgRole;
  unitId?: string | null | undefined;
}

/**
 * The admin changes the role (and an editor's unit) of someone who is already a member; people
 * join through invitations. Audited with the role before and after.
 */
export async function changeMemberRole(options: ChangeMemberRoleOptions): Promise<Member> {
  const { db, principal, organizationId, userId, role } = options;
  requireRole(principal, organizationId, 'admin');
  const unitId = unitOfRole(role, options.unitId);
  return writeInTransaction(db, async (tx) => {
    const before = await updateMembership(tx, userId, { organizationId, role, unitId });
    const user = before ? await findUserById(tx, userId) : null;
    if (!before || !user) throw new PianoError('not_found', 'L’utente non ha ruoli in questo ente');
    await insertAuditEvents(tx, actorOf(principal), [
      {
        organizationId,
        planId: null,
        operation: 'update',
        entityType: 'membership',
        entityId: userId,
        field: 'role',
        before: { role: before.role, unitId: before.unitId },
        after: { role, unitId },
      },
    ]);
    return { id: user.id, email: user.email, name: user.name, role, unitId };
  });
}
