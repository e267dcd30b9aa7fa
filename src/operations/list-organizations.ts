import { requireSignedIn, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import {
  listOrganizations as queryOrganizations,
  type OrganizationRow,
} from '../storage/organizations.js';

export interface ListOrganizationsOptions {
  db: Db;
  principal: Principal | null;
}

/**
 * The organizations a signed-in user works in (every one for a consultant), by name.
 * Anonymous visitors have none and are asked to sign in.
 */
export async function listOrganizations(
  options: ListOrganizationsOptions,
): Promise<{ items: OrganizationRow[] }> {
  const p = requireSignedIn(options.principal, 'Accedere per vedere i propri enti');
  const items = await queryOrganizations(
    options.db,
    p.platformRole === 'consultant' ? 'all' : p.userId,
  );
  return { items };
}
