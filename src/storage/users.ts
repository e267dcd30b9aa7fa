import type { Db } from './db.js';

import type { OrgRole } from '../domain/rules/permissions.js';
export type { OrgRole };

export interface UserRow {
  id: string;
  email: string;
  name: string;
  platformRole: 'consultant' | null;
}

export interface MembershipRow {
  organizationId: string;
  role: OrgRole;
  unitId: string | null;
}

const SELECT = `SELECT id, email, name, platform_role AS "platformRole" FROM users`;

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

export async function findUserByEmail(db: Db, email: string) {
  const rows = await db.query<UserRow & { passwordHash: string }>(
    `SELECT id, email, name, platform_role AS "platformRole", password_hash AS "passwordHash"
     FROM users WHERE email = $1`,
    [email.toLowerCase()],
  );
  return rows[0] ?? null;
}

export async function insertUser(
  db: Db,
  user: Omit<UserRow, 'id'> & { passwordHash: string },
): Promise<UserRow> {
  const rows = await db.query<UserRow>(
    `INSERT INTO users (email, name, password_hash, platform_role) VALUES ($1, $2, $3, $4)
     RETURNING id, email, name, platform_role AS "platformRole"`,
    [user.email.toLowerCase(), user.name, user.passwordHash, user.platformRole],
  );
  return rows[0] as UserRow;
}

export async function upsertMembership(db: Db, userId: string, m: MembershipRow) {
  await db.query(
    `INSERT INTO memberships (user_id, organization_id, role, unit_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, organization_id) DO UPDATE SET role = $3, unit_key = $4`,
    [userId, m.organizationId, m.role, m.unitId],
  );
}

/** Changes an existing membership; returns the one it replaced, or null when there was none. */
export async function updateMembership(db: Db, userId: string, m: MembershipRow) {
  const rows = await db.query<MembershipRow>(
    `UPDATE memberships n SET role = $3, unit_key = $4
       FROM memberships o
      WHERE n.user_id = $1 AND n.organization_id = $2
        AND o.user_id = n.user_id AND o.organization_id = n.organization_id
      RETURNING o.organization_id AS "organizationId", o.role, o.unit_key AS "unitId"`,
    [userId, m.organizationId, m.role, m.unitId],
  );
  return rows[0] ?? null;
}

export async function listMemberships(db: Db, userId: string) {
  return db.query<MembershipRow>(
    `SELECT organization_id AS "organizationId", role, unit_key AS "unitId"
     FROM memberships WHERE user_id = $1`,
    [userId],
  );
}

export async function listMembers(db: Db, organizationId: string) {
  return db.query<UserRow & MembershipRow>(
    `SELECT u.id, u.email, u.name, u.platform_role AS "platformRole",
            m.organization_id AS "organizationId", m.role, m.unit_key AS "unitId"
     FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.organization_id = $1 ORDER BY u.name, u.email`,
    [organizationId],
  );
}

export async function findUserById(db: Db, id: string) {
  const rows = await db.query<UserRow>(`${SELECT} WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function deleteMembership(db: Db, userId: string, organizationId: string) {
  const rows = await db.query(
    'DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2 RETURNING role',
    [userId, organizationId],
  );
  return rows.length > 0;
}
