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

/**
 * The organization's admin gives a person a role (or changes it), audited: an editor works
 * for one unit, so needs one; a person without an account gets one when a password is given.
 */
export async function grantMembership(options: GrantMembershipOptions): Promise<Member> {
  const { db, principal, organizationId, role } = options;
  requireRole(principal, organizationId, 'admin');
  const unitId = options.unitId ?? null;
  if (role === 'editor' && !unitId) {
    throw new PianoError('validation', 'Un editor deve appartenere a un settore', [
      { field: '/unitId', message: 'è obbligatorio per il ruolo editor' },
    ]);
  }
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
