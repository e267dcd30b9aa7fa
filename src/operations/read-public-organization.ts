import { found } from '../domain/errors.js';
import type { RoleHolder, Unit } from '../domain/model/organization.js';
import type { Db } from '../storage/db.js';
import { ROLE_HOLDERS, UNITS } from '../storage/entities.js';
import { findPublicOrganization, listPublicPlans } from '../storage/portal.js';
import { listRows } from '../storage/rows.js';

export interface ReadPublicOrganizationOptions {
  db: Db;
  /** The organization's IPA code, or its id when it has none. */
  ref: string;
}

/**
 * An organization as the portal shows it: its identity, units and role holders, and its public
 * plans (published, and those a newer revision superseded). An organization without a public
 * plan does not exist for the portal (not_found).
 */
export async function readPublicOrganization(options: ReadPublicOrganizationOptions) {
  const { db } = options;
  const organization = found(await findPublicOrganization(db, options.ref), 'Ente');
  const scope = { organizationId: organization.id };
  const [units, roles, plans] = await Promise.all([
    listRows(db, UNITS, scope, { limit: 100_000 }),
    listRows(db, ROLE_HOLDERS, scope, { limit: 100_000 }),
    listPublicPlans(db, organization.id),
  ]);
  return {
    organization,
    units: units.items as unknown as Unit[],
    roles: roles.items as unknown as RoleHolder[],
    plans,
  };
}
