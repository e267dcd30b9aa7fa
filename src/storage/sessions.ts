import type { Db } from './db.js';
import type { MembershipRow, UserRow } from './users.js';

export async function insertSession(db: Db, tokenHash: string, userId: string, ttlHours: number) {
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at)
     VALUES ($1, $2, now() + make_interval(hours => $3))`,
    [tokenHash, userId, ttlHours],
  );
}

/**
 * The user behind a live session with their memberships and the seconds the session has left
 * (by the database's clock), or null when unknown or expired. One query: it runs on every
 * signed-in request.
 */
export async function findSessionUser(
  db: Db,
  tokenHash: string,
): Promise<(UserRow & { memberships: MembershipRow[]; secondsLeft: number }) | null> {
  const rows = await db.query<UserRow & { memberships: MembershipRow[]; secondsLeft: number }>(
    `SELECT u.id, u.email, u.name, u.platform_role AS "platformRole",
            floor(extract(epoch FROM s.expires_at - now()))::int AS "secondsLeft",
            COALESCE((SELECT json_agg(json_build_object('organizationId', m.organization_id,
                        'role', m.role, 'unitId', m.unit_key))
                      FROM memberships m WHERE m.user_id = u.id), '[]'::json) AS memberships
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Moves a live session's end to `ttlHours` from now; false when it has already ended. */
export async function renewSession(db: Db, tokenHash: string, ttlHours: number) {
  const rows = await db.query(
    `UPDATE sessions SET expires_at = now() + make_interval(hours => $2)
      WHERE token_hash = $1 AND expires_at > now() RETURNING 1 AS renewed`,
    [tokenHash, ttlHours],
  );
  return rows.length > 0;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(db: Db) {
  await db.query('DELETE FROM sessions WHERE expires_at <= now()');
}
