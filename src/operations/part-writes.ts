/**
 * The writes of one part, without authorization: the building blocks of the part operations
 * (create-part.ts, update-part.ts, delete-part.ts, which authorize their principal) and of
 * operations that add parts on a decision already authorized (accept-starter-actions.ts).
 */
import { assertVersion, found } from '../domain/errors.js';
import { fieldUpdateEvents } from '../storage/audit.js';
import type { Db } from '../storage/db.js';
import { deleteRow, getRowForUpdate, insertRow, updateRow, type Entity } from '../storage/rows.js';
import {
  afterPartWrite,
  auditEvent,
  checkCatalogLinks,
  checkUnitRefs,
  writeInTransaction,
  type PartContext,
} from './parts.js';

export interface InsertPartOptions extends PartContext {
  /** The part as validated at the edge; its `id` must be free in its scope. */
  values: Record<string, unknown>;
  /** For a part inside another (a micro-action's action), the parent's key. */
  parentKey?: string;
}

/** Adds one part (an action, a unit...) at the end of its list, audited. */
export async function insertPart(options: InsertPartOptions): Promise<Entity> {
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

export interface ChangePartOptions extends PartContext {
  key: string;
  /** The version the client last read; a different stored version means a conflict. */
  version: number;
  changes: Record<string, unknown>;
  /** Runs on the locked current row, inside the transaction, e.g. to check an editor's unit. */
  guard?: (current: Entity, tx: Db) => Promise<void> | void;
}

/** Changes some fields of a part, refusing stale versions; audits each changed field. */
export async function changePart(options: ChangePartOptions): Promise<Entity> {
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

export interface RemovePartOptions extends PartContext {
  key: string;
  version: number;
  guard?: (current: Entity, tx: Db) => Promise<void> | void;
}

/** Removes one part if the client saw its latest version; parts that still use it block this. */
export async function removePart(options: RemovePartOptions): Promise<void> {
  const { db, table, scope, key, version } = options;
  await writeInTransaction(db, async (tx) => {
    const current = found(await getRowForUpdate(tx, table, scope, key), table.label);
    await options.guard?.(current, tx);
    assertVersion(current.version, version);
    await deleteRow(tx, table, scope, key, version);
    await afterPartWrite(tx, options, [auditEvent(options, 'delete', key, null, current, null)]);
  });
}
