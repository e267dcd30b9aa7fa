import type { Db } from './db.js';

export interface CalendarTokenRow {
  id: string;
  organizationId: string;
  createdAt: string;
}

const COLUMNS = `id, organization_id AS "organizationId",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

/** Revokes the organization's live token, if any; returns it. */
export async function revokeLiveToken(db: Db, organizationId: string) {
  const rows = await db.query<CalendarTokenRow>(
    `UPDATE calendar_tokens SET revoked_at = now()
     WHERE organization_id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
    [organizationId],
  );
  return rows[0] ?? null;
}

export async function insertToken(
  db: Db,
  organizationId: string,
  tokenHash: string,
  createdBy: string | null,
) {
  const rows = await db.query<CalendarTokenRow>(
    `INSERT INTO calendar_tokens (organization_id, token_hash, created_by) VALUES ($1, $2, $3)
     RETURNING ${COLUMNS}`,
    [organizationId, tokenHash, createdBy],
  );
  return rows[0] as CalendarTokenRow;
}

/** The organization a live token opens, or null for unknown and revoked tokens. */
export async function findLiveToken(db: Db, tokenHash: string) {
  const rows = await db.query<CalendarTokenRow>(
    `SELECT ${COLUMNS} FROM calendar_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** The organization's live token, if any (its hash is never returned). */
export async function findLiveTokenOf(db: Db, organizationId: string) {
  const rows = await db.query<CalendarTokenRow>(
    `SELECT ${COLUMNS} FROM calendar_tokens WHERE organization_id = $1 AND revoked_at IS NULL`,
    [organizationId],
  );
  return rows[0] ?? null;
}
