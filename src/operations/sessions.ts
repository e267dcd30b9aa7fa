import { createHash, randomBytes } from 'node:crypto';
import { PianoError, ThrottledError } from '../domain/errors.js';
import { SIGN_IN_LIMITS, signInWait } from '../domain/rules/sign-in-throttle.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionUser,
  insertSession,
  renewSession as renewStoredSession,
} from '../storage/sessions.js';
import {
  findUserByEmail,
  listMemberships,
  type MembershipRow,
  type UserRow,
} from '../storage/users.js';
import { insertSignInEvent, recentSignInFailures } from '../storage/sign-in-events.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';

/** Only the hash of a session token is stored: a leaked table cannot be replayed. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface SignInRequest {
  email: string;
  password: string;
  /** The client's address, for the per-address limit. */
  address: string;
  ttlHours: number;
}

/**
 * Signs a person in with e-mail and password. Every attempt is recorded (the audit trail of
 * sign-ins); after too many failures for the account or from the address (see
 * rules/sign-in-throttle.ts) attempts are refused, right password or not, until the wait ends.
 */
export async function signIn(
  db: Db,
  request: SignInRequest,
): Promise<{ token: string; principal: Principal }> {
  const email = request.email.trim().toLowerCase();
  const { address } = request;
  const { now, ...failures } = await recentSignInFailures(
    db,
    email,
    address,
    SIGN_IN_LIMITS.windowSeconds,
  );
  const wait = signInWait(failures, now);
  if (wait > 0) {
    await insertSignInEvent(db, { email, address, userId: null, outcome: 'throttled' });
    const minutes = Math.ceil(wait / 60);
    throw new ThrottledError(
      `Troppi tentativi di accesso non riusciti: riprovare tra ${minutes === 1 ? 'un minuto' : `${minutes} minuti`}`,
      wait,
    );
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(request.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await insertSignInEvent(db, { email, address, userId: user?.id ?? null, outcome: 'failure' });
    throw new PianoError('unauthenticated', 'Email o password non corretti');
  }
  await insertSignInEvent(db, { email, address, userId: user.id, outcome: 'success' });
  return startSession(db, user, request.ttlHours);
}

/**
 * Opens a session for a person whose identity was proven (password, or an OpenID Connect
 * provider): a random 256-bit token for the cookie, only its hash stored.
 */
export async function startSession(
  db: Db,
  user: UserRow,
  ttlHours: number,
): Promise<{ token: string; principal: Principal }> {
  const token = randomBytes(32).toString('base64url');
  await deleteExpiredSessions(db);
  await insertSession(db, hashToken(token), user.id, ttlHours);
  return { token, principal: principalOf(user, await listMemberships(db, user.id)) };
}

export async function signOut(db: Db, token: string) {
  await deleteSession(db, hashToken(token));
}

export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  return (await sessionForToken(db, token))?.principal ?? null;
}

/** The principal of a live session and how many seconds it has left. */
export async function sessionForToken(
  db: Db,
  token: string,
): Promise<{ principal: Principal; secondsLeft: number } | null> {
  const user = await findSessionUser(db, hashToken(token));
  return user
    ? { principal: principalOf(user, user.memberships), secondsLeft: user.secondsLeft }
    : null;
}

/**
 * Gives a live session a full lifetime again, when its owner asks before it ends (the back
 * office's "Resta connesso"); an ended session is not revived.
 */
export async function renewSession(db: Db, token: string, ttlHours: number): Promise<boolean> {
  return renewStoredSession(db, hashToken(token), ttlHours);
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
