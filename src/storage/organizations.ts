import type { OrganizationFields } from '../domain/model/organization.js';
import type { Db } from './db.js';

export interface OrganizationRow extends OrganizationFields {
  id: string;
  version: number;
  revision: number;
}

const SELECT = `SELECT id, name, type, ipa_code AS "ipaCode", istat_code AS "istatCode", province,
  region, population, pec, website, accessibility_url AS "accessibilityUrl", version, revision
  FROM organizations`;

const FIELDS: [keyof OrganizationFields, string][] = [
  ['name', 'name'],
  ['type', 'type'],
  ['ipaCode', 'ipa_code'],
  ['istatCode', 'istat_code'],
  ['province', 'province'],
  ['region', 'region'],
  ['population', 'population'],
  ['pec', 'pec'],
  ['website', 'website'],
  ['accessibilityUrl', 'accessibility_url'],
];

/** With `lock`, the row stays locked until the transaction ends (read, check, then write). */
export async function findOrganization(
  db: Db,
  id: string,
  lock = false,
): Promise<OrganizationRow | null> {
  const rows = await db.query<OrganizationRow>(
    `${SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findOrganizationByIpa(db: Db, ipaCode: string) {
  const rows = await db.query<OrganizationRow>(`${SELECT} WHERE ipa_code = $1`, [ipaCode]);
  return rows[0] ?? null;
}

/** Organizations visible to a user: all of them for a platform consultant, else memberships. */
export async function listOrganizations(db: Db, userId: string | 'all') {
  if (userId === 'all') return db.query<OrganizationRow>(`${SELECT} ORDER BY name, id`);
  return db.query<OrganizationRow>(
    `${SELECT} WHERE id IN (SELECT organization_id FROM memberships WHERE user_id = $1)
     ORDER BY name, id`,
    [userId],
  );
}

export async function insertOrganization(db: Db, fields: OrganizationFields) {
  const rows = await db.query<OrganizationRow>(
    `INSERT INTO organizations (${FIELDS.map(([, c]) => c).join(', ')})
     VALUES (${FIELDS.map((_, i) => `$${i + 1}`).join(', ')})
     RETURNING id`,
    FIELDS.map(([prop]) => fields[prop]),
  );
  return (await findOrganization(db, (rows[0] as { id: string }).id)) as OrganizationRow;
}

export async function updateOrganizationRow(
  db: Db,
  id: string,
  changes: Partial<OrganizationFields>,
  version: number,
) {
  const params: unknown[] = [id, version];
  const sets = ['version = version + 1', 'revision = revision + 1', 'updated_at = now()'];
  for (const [prop, column] of FIELDS) {
    if (!(prop in changes)) continue;
    params.push(changes[prop]);
    sets.push(`${column} = $${params.length}`);
  }
  const rows = await db.query<{ id: string }>(
    `UPDATE organizations SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
    params,
  );
  return rows[0] ? findOrganization(db, id) : null;
}

/** Any change to units or roles changes every plan's document: its revision moves on. */
export async function bumpOrganizationRevision(db: Db, id: string) {
  await db.query('UPDATE organizations SET revision = revision + 1 WHERE id = $1', [id]);
}
