import { PianoError } from '../domain/errors.js';
import { requireRole, type OrgRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { findUserByEmail, upsertMembership } from '../storage/users.js';
import { addUser } from './add-user.js';
import { actorOf } from './callers.js';
import { writeInTransaction } from './parts.js';

export interface GrantMembershipOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
  /** The person, by email: an existing account, or a new one when `password` is given. */
  email: string;
  /** Name of a new account (the email when absent). */
  name?: string | undefined;
  /** Initial password of a new account. */
  password?: string | undefined;
  role: OrgRole;
  /** An editor's unit: required for editors. */
  unitId?: string | null | undefined;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: OrgRole;
  unitId: string | null;
}

/** An editor works for one unit, so needs one; other roles are not tied to a unit. */
export function unitOfRole(role: OrgRole, unitId: string | null | undefined): string | null {
  if (role !== 'editor') return unitId ?? null;
  if (!unitId) {
    throw new PianoError('validation', 'Un editor deve appartenere a un settore', [
      { field: '/unitId', message: 'è obbligatorio per il ruolo editor' },
    ]);
  }
  return unitId;
}

/**
 * Gives a person a role in an organization at once, by e-mail. For trusted callers only (the
 * demo seeder, the command line, tests): people reach an organization through invitations,
 * which never tell the inviting admin whether an address has an account (invite-member.ts).
 * Audited; a person without an account gets one when a password is given.
 */
export async function grantMembership(options: GrantMembershipOptions): Promise<Member> {
  const { db, principal, organizationId, role } = options;
  requireRole(principal, organizationId, 'admin');
  const unitId = unitOfRole(role, options.unitId);
  const user =
    (await findUserByEmail(db, options.email)) ??
    (options.password
      ? await addUser({
          db,
          email: options.email,
          name: options.name ?? options.email,
          password: options.password,
        })
      : null);
  if (!user) {
    throw new PianoError('validation', 'Utente nuovo: indicare nome e password iniziale', [
      { field: '/password', message: 'è obbligatoria per un nuovo utente' },
    ]);
  }
  await writeInTransaction(db, async (tx) => {
    await upsertMembership(tx, user.id, { organizationId, role, unitId });
    await insertAuditEvents(tx, actorOf(principal), [
      {
        organizationId,
        planId: null,
        operation: 'update',
        entityType: 'membership',
        entityId: user.id,
        field: 'role',
        before: null,
        after: { role, unitId },
      },
    ]);
  });
  return { id: user.id, email: user.email, name: user.name, role, unitId };
}
