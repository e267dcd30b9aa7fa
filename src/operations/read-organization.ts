import { PianoError } from '../domain/errors.js';
import { isUuid } from '../domain/model/common.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { findOrganization, type OrganizationRow } from '../storage/organizations.js';

export interface ReadOrganizationOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
}

/** An organization's own fields, for its members (any role) and consultants. */
export async function readOrganization(options: ReadOrganizationOptions): Promise<OrganizationRow> {
  const { db, principal, organizationId } = options;
  requireRole(principal, organizationId, 'viewer');
  const organization = isUuid(organizationId) ? await findOrganization(db, organizationId) : null;
  if (!organization) throw new PianoError('not_found', 'Ente non trovato');
  return organization;
}
