import type { Db } from './db.js';
import type { UserRow } from './users.js';

const USER = `u.id, u.email, u.name, u.platform_role AS "platformRole"`;

/** The account linked to a provider's subject, if any. */
export async function findUserByOidcSubject(db: Db, issuer: string, subject: string) {
  const rows = await db.query<UserRow>(
    `SELECT ${USER} FROM oidc_identities i JOIN users u ON u.id = i.user_id
      WHERE i.issuer = $1 AND i.subject = $2`,
    [issuer, subject],
  );
  return rows[0] ?? null;
}

export async function findUserByFiscalCode(db: Db, fiscalCode: string) {
  const rows = await db.query<UserRow>(`SELECT ${USER} FROM users u WHERE u.fiscal_code = $1`, [
    fiscalCode,
  ]);
  return rows[0] ?? null;
}

export async function linkOidcSubject(db: Db, issuer: string, subject: string, userId: string) {
  await db.query(
    `INSERT INTO oidc_identities (issuer, subject, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (issuer, subject) DO NOTHING`,
    [issuer, subject, userId],
  );
}

export interface OidcFlowRow {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export async function insertOidcFlow(
  db: Db,
  idHash: string,
  flow: OidcFlowRow,
  ttlSeconds: number,
) {
  await db.query('DELETE FROM oidc_flows WHERE expires_at < now()');
  await db.query(
    `INSERT INTO oidc_flows (id_hash, state, nonce, code_verifier, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [idHash, flow.state, flow.nonce, flow.codeVerifier, flow.returnTo, ttlSeconds],
  );
}

/**
 * Removes a sign-in under way and returns it, with whether it is still valid: each one is used
 * at most once, so a replayed callback finds nothing.
 */
export async function takeOidcFlow(db: Db, idHash: string) {
  const rows = await db.query<OidcFlowRow & { expired: boolean }>(
    `DELETE FROM oidc_flows WHERE id_hash = $1
     RETURNING state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo",
               expires_at < now() AS expired`,
    [idHash],
  );
  return rows[0] ?? null;
}

/** Sets or clears the fiscal code by which a first OIDC sign-in finds the account. */
export async function setUserFiscalCode(db: Db, userId: string, fiscalCode: string | null) {
  await db.query('UPDATE users SET fiscal_code = $2 WHERE id = $1', [userId, fiscalCode]);
}
