import { randomBytes } from 'node:crypto';
import { PianoError } from '../domain/errors.js';
import { insertAuditEvents, type Actor, type AuditEvent } from '../storage/audit.js';
import {
  findLiveToken,
  insertToken,
  revokeLiveToken,
  type CalendarTokenRow,
} from '../storage/calendar-tokens.js';
import type { Db } from '../storage/db.js';
import { requireOrganization, writeInTransaction } from './parts.js';
import { hashToken } from './sessions.js';

interface TokenOptions {
  db: Db;
  actor: Actor;
  organizationId: string;
}

const event = (
  operation: 'create' | 'delete',
  row: CalendarTokenRow,
  after: unknown,
): AuditEvent => ({
  organizationId: row.organizationId,
  planId: null,
  operation,
  entityType: 'calendar_token',
  entityId: row.id,
  field: null,
  before: null,
  after,
});

/**
 * A new secret for the organization's calendar feed, replacing (and revoking) the previous
 * one. The secret is returned once and never stored: only its hash is.
 */
export async function issueCalendarToken(options: TokenOptions) {
  const token = randomBytes(32).toString('base64url');
  const row = await writeInTransaction(options.db, async (tx) => {
    await requireOrganization(tx, options.organizationId);
    const revoked = await revokeLiveToken(tx, options.organizationId);
    const created = await insertToken(
      tx,
      options.organizationId,
      hashToken(token),
      options.actor.userId,
    );
    await insertAuditEvents(tx, options.actor, [
      ...(revoked ? [event('delete', revoked, null)] : []),
      event('create', created, { createdAt: created.createdAt }),
    ]);
    return created;
  });
  return { token, createdAt: row.createdAt };
}

/** Turns the organization's feed off: its URL answers 404 from now on. */
export async function revokeCalendarToken(options: TokenOptions) {
  await writeInTransaction(options.db, async (tx) => {
    const revoked = await revokeLiveToken(tx, options.organizationId);
    if (!revoked) throw new PianoError('not_found', 'L’ente non ha un calendario condiviso attivo');
    await insertAuditEvents(tx, options.actor, [event('delete', revoked, null)]);
  });
}

/** The organization whose feed a secret opens, or null. */
export async function organizationOfCalendarToken(db: Db, token: string): Promise<string | null> {
  return (await findLiveToken(db, hashToken(token)))?.organizationId ?? null;
}
