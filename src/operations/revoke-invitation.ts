import { PianoError } from '../domain/errors.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { revokeInvitationById } from '../storage/invitations.js';
import { actorOf } from './callers.js';
import { invitationEvent } from './invite-member.js';
import { writeInTransaction } from './parts.js';

export interface RevokeInvitationOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  invitationId: string;
}

/** The admin withdraws an open invitation: its link stops working at once. Audited. */
export async function revokeInvitation(options: RevokeInvitationOptions): Promise<void> {
  const { db, principal, organizationId, invitationId } = options;
  requireRole(principal, organizationId, 'admin');
  await writeInTransaction(db, async (tx) => {
    const revoked = await revokeInvitationById(tx, organizationId, invitationId);
    if (!revoked) {
      throw new PianoError('not_found', 'Nessun invito aperto con questo identificativo');
    }
    await insertAuditEvents(tx, actorOf(principal), [invitationEvent('delete', revoked, null)]);
  });
}
