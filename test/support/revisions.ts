import { COMMAND_LINE } from '../../src/operations/callers.js';
import { createPart } from '../../src/operations/create-part.js';
import { deletePart } from '../../src/operations/delete-part.js';
import { readPart } from '../../src/operations/read-part.js';
import { updatePart } from '../../src/operations/update-part.js';
import type { Db } from '../../src/storage/db.js';

/**
 * One change of each kind the diff must name, on a draft revision of the demo plan: action
 * a1.1's deadline moved to 30 June 2026, action a1.4 removed, and an action `a-nuova` added
 * under priority p1 with the given title.
 */
export async function moveRemoveAdd(db: Db, planId: string, newTitle: string) {
  const where = { db, principal: COMMAND_LINE, part: 'action' as const, planId };
  const moved = await readPart({ ...where, key: 'a1.1' });
  await updatePart({
    ...where,
    key: 'a1.1',
    version: moved.version,
    changes: { timing: 'entro il 30 giugno 2026' },
  });
  const removed = await readPart({ ...where, key: 'a1.4' });
  await deletePart({ ...where, key: 'a1.4', version: removed.version });
  await createPart({
    ...where,
    values: { id: 'a-nuova', priorityId: 'p1', title: newTitle, status: 'planned' },
  });
}
