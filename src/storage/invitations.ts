import type { OrgRole } from '../domain/rules/permissions.js';
import type { Db } from './db.js';

export interface InvitationRow {
  id: string;
  organizationId: string;
  email: string;
  role: OrgRole;
  unitId: string | null;
  createdAt: string;
  expiresAt: string;
  /** Whether its time has run out (judged by the database's clock). */
  expired: boolean;
}

const utc = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const columns = (t = '') => `${t}id, ${t}organization_id AS "organizationId", ${t}email, ${t}role,
  ${t}unit_key AS "unitId", ${utc(`${t}created_at`)} AS "createdAt",
  ${utc(`${t}expires_at`)} AS "expiresAt", ${t}expires_at <= now() AS expired`;
const COLUMNS = columns();
const OPEN = 'accepted_at IS NULL AND revoked_at IS NULL';

/** Revokes the open invitation of an address, if any: a new one replaces it. */
export async function revokeOpenInvitation(db: Db, organizationId: string, email: string) {
  const rows = await db.query<InvitationRow>(
    `UPDATE invitations SET revoked_at = now()
      WHERE organization_id = $1 AND email = $2 AND ${OPEN} RETURNING ${COLUMNS}`,
    [organizationId, email],
  );
  return rows[0] ?? null;
}

export async function insertInvitation(
  db: Db,
  invitation: {
    organizationId: string;
    email: string;
    role: OrgRole;
    unitId: string | null;
    tokenHash: string;
    invitedBy: string | null;
    validDays: number;
  },
) {
  const rows = await db.query<InvitationRow>(
    `INSERT INTO invitations
       (organization_id, email, role, unit_key, token_hash, invited_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
     RETURNING ${COLUMNS}`,
    [
      invitation.organizationId,
      invitation.email,
      invitation.role,
      invitation.unitId,
      invitation.tokenHash,
      invitation.invitedBy,
      invitation.validDays,
    ],
  );
  return rows[0] as InvitationRow;
}

/** The organization's invitations not yet accepted nor revoked, expired ones included. */
export async function listOpenInvitations(db: Db, organizationId: string) {
  return db.query<InvitationRow>(
    `SELECT ${COLUMNS} FROM invitations WHERE organization_id = $1 AND ${OPEN}
      ORDER BY created_at DESC, id`,
    [organizationId],
  );
}

export async function revokeInvitationById(db: Db, organizationId: string, id: string) {
  const rows = await db.query<InvitationRow>(
    `UPDATE invitations SET revoked_at = now()
      WHERE organization_id = $1 AND id = $2 AND ${OPEN} RETURNING ${COLUMNS}`,
    [organizationId, id],
  );
  return rows[0] ?? null;
}

export type InvitationState = 'open' | 'expired' | 'accepted' | 'revoked';

/** The invitation a link opens, whatever its state, with its organization's name. */
export async function findInvitationByToken(db: Db, tokenHash: string) {
  const rows = await db.query<
    InvitationRow & { organizationName: string; unitName: string | null; state: InvitationState }
  >(
    `SELECT ${columns('i.')},
            o.name AS "organizationName", u.name AS "unitName",
            CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted'
                 WHEN i.revoked_at IS NOT NULL THEN 'revoked'
                 WHEN i.expires_at <= now() THEN 'expired' ELSE 'open' END AS state
       FROM invitations i
       JOIN organizations o ON o.id = i.organization_id
       LEFT JOIN units u ON u.organization_id = i.organization_id AND u.key = i.unit_key
      WHERE i.token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/**
 * Marks an open, unexpired invitation accepted by a user, once: of two concurrent acceptances
 * only one gets the row back.
 */
export async function markInvitationAccepted(db: Db, tokenHash: string, userId: string) {
  const rows = await db.query<InvitationRow>(
    `UPDATE invitations SET accepted_at = now(), accepted_by = $2
      WHERE token_hash = $1 AND ${OPEN} AND expires_at > now() RETURNING ${COLUMNS}`,
    [tokenHash, userId],
  );
  return rows[0] ?? null;
}
