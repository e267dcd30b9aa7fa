import { insertRow, type Entity } from '../storage/rows.js';
import {
  afterPartWrite,
  auditEvent,
  checkCatalogLinks,
  checkUnitRefs,
  writeInTransaction,
  type PartContext,
} from './parts.js';

export interface CreatePartOptions extends PartContext {
  /** The part as validated at the edge; its `id` must be free in its scope. */
  values: Record<string, unknown>;
  /** For a part inside another (a micro-action's action), the parent's key. */
  parentKey?: string;
}

/** Adds one part (an action, a unit...) at the end of its list, audited. */
export async function createPart(options: CreatePartOptions): Promise<Entity> {
  const { db, table } = options;
  const values = { ...options.values };
  if (table.parent && options.parentKey !== undefined)
    values[table.parent.prop] = options.parentKey;
  checkCatalogLinks(options, values);
  return writeInTransaction(db, async (tx) => {
    await checkUnitRefs(tx, options, values);
    const created = await insertRow(tx, table, options.scope, values);
    await afterPartWrite(tx, options, [
      auditEvent(options, 'create', created.id, null, null, created),
    ]);
    return created;
  });
}
