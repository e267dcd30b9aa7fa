import { randomBytes } from 'node:crypto';
import { PianoError } from '../domain/errors.js';
import { requireRole, type OrgRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents, type AuditEvent } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import {
  insertInvitation,
  revokeOpenInvitation,
  type InvitationRow,
} from '../storage/invitations.js';
import { actorOf } from './callers.js';
import { unitOfRole } from './grant-membership.js';
import { requireOrganization, writeInTransaction } from './parts.js';
import { hashToken } from './sessions.js';

/** How long an invitation link stays valid. */
export const INVITATION_VALID_DAYS = 14;

export interface InviteMemberOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  email: string;
  role: OrgRole;
  /** An editor's unit: required for editors. */
  unitId?: string | null | undefined;
}

export interface Invitation {
  id: string;
  email: string;
  role: OrgRole;
  unitId: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export const invitationOf = (row: InvitationRow): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  unitId: row.unitId,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  expired: row.expired,
});

export function invitationEvent(
  operation: AuditEvent['operation'],
  row: InvitationRow,
  after: unknown,
): AuditEvent {
  return {
    organizationId: row.organizationId,
    planId: null,
    operation,
    entityType: 'invitation',
    entityId: row.id,
    field: null,
    before: null,
    after,
  };
}

/**
 * The organization's admin invites an address to a role. The answer is the same whether the
 * address has an account or not, and no one is added until the invited person accepts the link
 * (accept-invitation.ts). The link's secret is returned once; only its hash is stored. Inviting
 * an address again replaces its open invitation.
 */
export async function inviteMember(
  options: InviteMemberOptions,
): Promise<{ invitation: Invitation; token: string }> {
  const { db, principal, organizationId, role } = options;
  requireRole(principal, organizationId, 'admin');
  const email = options.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new PianoError('validation', `Indirizzo email non valido: ${options.email}`, [
      { field: '/email', message: 'non è un indirizzo email valido' },
    ]);
  }
  const unitId = unitOfRole(role, options.unitId);
  const actor = actorOf(principal);
  const token = randomBytes(32).toString('base64url');
  const row = await writeInTransaction(db, async (tx) => {
    await requireOrganization(tx, organizationId);
    const replaced = await revokeOpenInvitation(tx, organizationId, email);
    const created = await insertInvitation(tx, {
      organizationId,
      email,
      role,
      unitId,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      validDays: INVITATION_VALID_DAYS,
    });
    await insertAuditEvents(tx, actor, [
      ...(replaced ? [invitationEvent('delete', replaced, null)] : []),
      invitationEvent('create', created, { email, role, unitId, expiresAt: created.expiresAt }),
    ]);
    return created;
  });
  return { invitation: invitationOf(row), token };
}
