import type { Entity } from '../storage/rows.js';
import { assertUnderParent, placeOf, type PartAddress } from './part-place.js';
import { getPart } from './parts.js';

export interface ReadPartOptions extends PartAddress {
  key: string;
}

/** One part of a plan or organization the principal may read; not_found otherwise. */
export async function readPart(options: ReadPartOptions): Promise<Entity> {
  const place = await placeOf(options);
  const row = await getPart(
    { db: options.db, table: place.table, scope: place.scope },
    options.key,
  );
  assertUnderParent(place, options.parentKey, row);
  return row;
}
