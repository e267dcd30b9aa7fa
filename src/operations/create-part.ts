import type { Entity } from '../storage/rows.js';
import { actorOf } from './callers.js';
import {
  checkEditor,
  newKey,
  withTiming,
  writablePlaceOf,
  type PartAddress,
} from './part-place.js';
import { insertPart } from './part-writes.js';

export interface CreatePartOptions extends PartAddress {
  /** The part's fields as validated at the edge; a key is made up when `id` is absent. */
  values: Record<string, unknown>;
}

/**
 * Adds one part at the end of its list, audited: admins add any part, editors only
 * micro-actions and measurements of their unit's actions. Timings in words are interpreted
 * with the plan's years.
 */
export async function createPart(options: CreatePartOptions): Promise<Entity> {
  const { db, principal, parentKey } = options;
  const place = await writablePlaceOf(options);
  const { table } = place;
  const values = withTiming({ ...options.values, id: options.values.id ?? newKey(table) }, place);
  await checkEditor(db, principal, place, {
    operation: 'create',
    entity: { ...values, ...(table.parent && parentKey ? { [table.parent.prop]: parentKey } : {}) },
  });
  return insertPart({
    db,
    actor: actorOf(principal),
    table,
    scope: place.scope,
    values,
    ...(parentKey !== undefined ? { parentKey } : {}),
  });
}
