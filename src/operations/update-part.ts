import type { Db } from '../storage/db.js';
import { assertVersion, found } from '../domain/errors.js';
import { fieldUpdateEvents } from '../storage/audit.js';
import { getRowForUpdate, updateRow, type Entity } from '../storage/rows.js';
import {
  afterPartWrite,
  checkCatalogLinks,
  checkUnitRefs,
  writeInTransaction,
  type PartContext,
} from './parts.js';

export interface UpdatePartOptions extends PartContext {
  key: string;
  /** The version the client last read; a different stored version means a conflict. */
  version: number;
  changes: Record<string, unknown>;
  /** Runs on the locked current row, inside the transaction, e.g. to check an editor's unit. */
  guard?: (current: Entity, tx: Db) => Promise<void> | void;
}

/** Changes some fields of a part, refusing stale versions; audits each changed field. */
export async function updatePart(options: UpdatePartOptions): Promise<Entity> {
  const { db, table, scope, key, version, changes } = options;
  checkCatalogLinks(options, changes);
  return writeInTransaction(db, async (tx) => {
    const current = found(await getRowForUpdate(tx, table, scope, key), table.label);
    await options.guard?.(current, tx);
    assertVersion(current.version, version);
    await checkUnitRefs(tx, options, changes);
    // The row is locked and its version checked: the update cannot miss it.
    const updated = found(await updateRow(tx, table, scope, key, changes, version), table.label);
    const subject = {
      organizationId: scope.organizationId,
      planId: scope.planId ?? null,
      entityType: table.type,
      entityId: key,
    };
    await afterPartWrite(tx, options, fieldUpdateEvents(subject, current, updated, changes));
    return updated;
  });
}
