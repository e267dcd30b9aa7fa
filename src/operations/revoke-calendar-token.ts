import { PianoError } from '../domain/errors.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import { insertAuditEvents } from '../storage/audit.js';
import { revokeLiveToken } from '../storage/calendar-tokens.js';
import type { Db } from '../storage/db.js';
import { actorOf } from './callers.js';
import { calendarTokenEvent } from './calendar-feed.js';
import { writeInTransaction } from './parts.js';

export interface RevokeCalendarTokenOptions {
  db: Db;
  principal: Principal | null;
  organizationId: string;
}

/** Turns the organization's feed off (its admin's decision): its URL answers 404 from now on. */
export async function revokeCalendarToken(options: RevokeCalendarTokenOptions): Promise<void> {
  requireRole(options.principal, options.organizationId, 'admin');
  await writeInTransaction(options.db, async (tx) => {
    const revoked = await revokeLiveToken(tx, options.organizationId);
    if (!revoked) throw new PianoError('not_found', 'L’ente non ha un calendario condiviso attivo');
    await insertAuditEvents(tx, actorOf(options.principal), [
      calendarTokenEvent('delete', revoked, null),
    ]);
  });
}
