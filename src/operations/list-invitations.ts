import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { listOpenInvitations } from '../storage/invitations.js';
import { invitationOf } from './invite-member.js';

export interface ListInvitationsOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
}

/** The invitations not yet accepted nor revoked (expired ones flagged): for the admin only. */
export async function listInvitations(options: ListInvitationsOptions) {
  requireRole(options.principal, options.organizationId, 'admin');
  const rows = await listOpenInvitations(options.db, options.organizationId);
  return { items: rows.map(invitationOf) };
}
