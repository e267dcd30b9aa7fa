import type { Db } from '../storage/db.js';
import { PianoError, found } from '../domain/errors.js';
import { getRowForUpdate, updateRow, type Entity } from '../storage/rows.js';
import {
  afterPartWrite,
  auditEvent,
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
  return writeInTransaction(db, async (tx) => {
    const current = found(await getRowForUpdate(tx, table, scope, key), table.label);
    await options.guard?.(current, tx);
    assertVersion(current.version, version);
    await checkUnitRefs(tx, options, changes);
    const updated = await updateRow(tx, table, scope, key, changes, version);
    if (!updated) assertVersion(-1, version);
    const events = changedFields(current, changes).map((field) =>
      auditEvent(options, 'update', key, field, current[field], (updated as Entity)[field]),
    );
    await afterPartWrite(tx, options, events);
    return updated as Entity;
  });
}

export function assertVersion(stored: number, given: number) {
  if (stored !== given) {
    throw new PianoError(
      'version_conflict',
      `L’elemento è stato modificato da qualcun altro (versione attuale ${stored < 0 ? 'diversa' : stored}, inviata ${given}): ricarica e riprova`,
    );
  }
}

/** The fields whose value the change really alters (each becomes one audit event). */
export function changedFields(before: object, changes: object): string[] {
  const old = before as Record<string, unknown>;
  const next = changes as Record<string, unknown>;
  return Object.keys(next).filter(
    (field) => JSON.stringify(old[field] ?? null) !== JSON.stringify(next[field] ?? null),
  );
}
