import { randomBytes } from 'node:crypto';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import { insertToken, revokeLiveToken } from '../storage/calendar-tokens.js';
import type { Db } from '../storage/db.js';
import { actorOf } from './callers.js';
import { calendarTokenEvent as event } from './calendar-feed.js';
import { requireOrganization, writeInTransaction } from './parts.js';
import { hashToken } from './sessions.js';

export interface IssueCalendarTokenOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
}

/**
 * A new secret for the organization's calendar feed, replacing (and revoking) the previous
 * one: its admin's decision. The secret is returned once and never stored: only its hash is.
 */
export async function issueCalendarToken(options: IssueCalendarTokenOptions) {
  requireRole(options.principal, options.organizationId, 'admin');
  const actor = actorOf(options.principal);
  const token = randomBytes(32).toString('base64url');
  const row = await writeInTransaction(options.db, async (tx) => {
    await requireOrganization(tx, options.organizationId);
    const revoked = await revokeLiveToken(tx, options.organizationId);
    const created = await insertToken(tx, options.organizationId, hashToken(token), actor.userId);
    await insertAuditEvents(tx, actor, [
      ...(revoked ? [event('delete', revoked, null)] : []),
      event('create', created, { createdAt: created.createdAt }),
    ]);
    return created;
  });
  return { token, createdAt: row.createdAt };
}
