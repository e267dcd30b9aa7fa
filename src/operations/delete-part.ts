import type { Db } from '../storage/db.js';
import { assertVersion, found } from '../domain/errors.js';
import { deleteRow, getRowForUpdate, type Entity } from '../storage/rows.js';
import { afterPartWrite, auditEvent, writeInTransaction, type PartContext } from './parts.js';

export interface DeletePartOptions extends PartContext {
  key: string;
  version: number;
  guard?: (current: Entity, tx: Db) => Promise<void> | void;
}

/** Removes one part if the client saw its latest version; parts that still use it block this. */
export async function deletePart(options: DeletePartOptions): Promise<void> {
  const { db, table, scope, key, version } = options;
  await writeInTransaction(db, async (tx) => {
    const current = found(await getRowForUpdate(tx, table, scope, key), table.label);
    await options.guard?.(current, tx);
    assertVersion(current.version, version);
    await deleteRow(tx, table, scope, key, version);
    await afterPartWrite(tx, options, [auditEvent(options, 'delete', key, null, current, null)]);
  });
}
