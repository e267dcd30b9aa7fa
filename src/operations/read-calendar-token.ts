import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { findLiveTokenOf } from '../storage/calendar-tokens.js';
import type { Db } from '../storage/db.js';

/**
 * Whether the organization's calendar feed has a live address, and since when: for its admin.
 * The address itself cannot be read back: only its hash is stored.
 */
export async function readCalendarToken(options: {
  db: Db;
  principal: Principal | null;
  organizationId: string;
}): Promise<{ live: { createdAt: string } | null }> {
  requireRole(options.principal, options.organizationId, 'admin');
  const row = await findLiveTokenOf(options.db, options.organizationId);
  return { live: row ? { createdAt: row.createdAt } : null };
}
