import { createHash, randomBytes } from 'node:crypto';
import { PianoError } from '../domain/errors.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionUser,
  insertSession,
} from '../storage/sessions.js';
import {
  findUserByEmail,
  listMemberships,
  type MembershipRow,
  type UserRow,
} from '../storage/users.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';

/** Only the hash of a session token is stored: a leaked table cannot be replayed. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function signIn(
  db: Db,
  email: string,
  password: string,
  ttlHours: number,
): Promise<{ token: string; principal: Principal }> {
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new PianoError('unauthenticated', 'Email o password non corretti');
  const token = randomBytes(32).toString('base64url');
  await deleteExpiredSessions(db);
  await insertSession(db, hashToken(token), user.id, ttlHours);
  return { token, principal: principalOf(user, await listMemberships(db, user.id)) };
}

export async function signOut(db: Db, token: string) {
  await deleteSession(db, hashToken(token));
}

export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const user = await findSessionUser(db, hashToken(token));
  return user ? principalOf(user, user.memberships) : null;
}

function principalOf(user: UserRow, memberships: MembershipRow[]): Principal {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    platformRole: user.platformRole,
    memberships,
  };
}
