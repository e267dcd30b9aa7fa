import { listRows, type Entity } from '../storage/rows.js';
import { placeOf, sortOf, type PartAddress } from './part-place.js';

export interface ListPartsOptions extends PartAddress {
  /** Equality (or "contains", for lists) filters on the columns that allow them. */
  filters?: Record<string, unknown>;
  limit: number;
  offset: number;
  /** A sortable column, with a leading "-" for descending order. */
  sort?: string | undefined;
}

/** One kind of part of a plan or organization the principal may read, a page at a time. */
export async function listParts(
  options: ListPartsOptions,
): Promise<{ items: Entity[]; total: number; limit: number; offset: number }> {
  const { db, limit, offset, parentKey } = options;
  const place = await placeOf(options);
  const sort = sortOf(place.table, options.sort);
  const page = await listRows(db, place.table, place.scope, {
    filters: options.filters ?? {},
    limit,
    offset,
    ...(parentKey !== undefined ? { parentKey } : {}),
    ...(sort ? { sort } : {}),
  });
  return { ...page, limit, offset };
}
