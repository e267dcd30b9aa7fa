import type { Entity } from '../storage/rows.js';
import { actorOf } from './callers.js';
import { lockedRowGuard, withTiming, writablePlaceOf, type PartAddress } from './part-place.js';
import { changePart } from './part-writes.js';

export interface UpdatePartOptions extends PartAddress {
  key: string;
  /** The version the caller last read; a different stored version is a conflict. */
  version: number;
  changes: Record<string, unknown>;
}

/**
 * Changes some fields of a part, audited field by field: admins change any part, editors only
 * their unit's, and never who owns it.
 */
export async function updatePart(options: UpdatePartOptions): Promise<Entity> {
  const { db, principal, parentKey, key, version, changes } = options;
  const place = await writablePlaceOf(options);
  return changePart({
    db,
    actor: actorOf(principal),
    table: place.table,
    scope: place.scope,
    key,
    version,
    changes: withTiming(changes, place),
    guard: lockedRowGuard(principal, place, parentKey, { operation: 'update', changes }),
  });
}
