import { actorOf } from './callers.js';
import { lockedRowGuard, writablePlaceOf, type PartAddress } from './part-place.js';
import { removePart } from './part-writes.js';

export interface DeletePartOptions extends PartAddress {
  key: string;
  version: number;
}

/**
 * Removes one part if the caller saw its latest version (parts that still use it block this):
 * admins remove any part, editors only micro-actions and measurements of their unit's actions.
 */
export async function deletePart(options: DeletePartOptions): Promise<void> {
  const { db, principal, parentKey, key, version } = options;
  const place = await writablePlaceOf(options);
  await removePart({
    db,
    actor: actorOf(principal),
    table: place.table,
    scope: place.scope,
    key,
    version,
    guard: lockedRowGuard(principal, place, parentKey, { operation: 'delete' }),
  });
}
