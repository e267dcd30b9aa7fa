import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { listMembers as queryMembers } from '../storage/users.js';

export interface ListMembersOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
}

/** The organization's people and their roles: for its admin (the RTD) only. */
export async function listMembers(options: ListMembersOptions) {
  requireRole(options.principal, options.organizationId, 'admin');
  return { items: await queryMembers(options.db, options.organizationId) };
}
