import { PianoError } from '../errors.js';
import { EDITOR_PARTS, OWNERSHIP_FIELDS } from './permissions.js';

export interface EditorWrite {
  /** The kind of part (`action`, `micro_action`, `indicator`, `measurement`...). */
  partType: string;
  operation: 'create' | 'update' | 'delete';
  /** The part as it is (update, delete) or will be (create). */
  entity: Record<string, unknown>;
  /** The fields an update sends. */
  changes?: Record<string, unknown>;
  /** The editor's unit in the organization, if any. */
  unit: string | null;
  /**
   * The units that own the part: an action's own owners, or those of the action a micro-action
   * or an indicator belongs to (through its indicator, for a measurement). The caller looks
   * them up; they are not consulted when an earlier rule already refuses.
   */
  owners: () => Promise<string[]>;
}

const refuse = (why: string) => new PianoError('forbidden', why);

/**
 * Editors work on their own unit's actions and indicators: they update actions, indicators and
 * micro-actions their unit owns, add and remove micro-actions and measurements, and never
 * change who owns what.
 */
export async function assertEditorMay(write: EditorWrite): Promise<void> {
  const { partType, operation, entity, changes = {}, unit } = write;
  if (!EDITOR_PARTS.has(partType)) {
    throw refuse('Un editor può modificare solo azioni, micro azioni, indicatori e rilevazioni');
  }
  if (operation !== 'update' && (partType === 'action' || partType === 'indicator')) {
    throw refuse('Solo l’amministratore dell’ente crea o elimina azioni e indicatori');
  }
  const touched = Object.keys(changes).find((field) => OWNERSHIP_FIELDS.has(field));
  if (touched) throw refuse(`Un editor non può cambiare il campo ${touched}`);
  const foreignOwner = ((entity.ownerUnitIds as string[] | undefined) ?? []).find(
    (u) => u !== unit,
  );
  if (operation === 'create' && foreignOwner !== undefined) {
    throw refuse(`Un editor non può assegnare elementi al settore ${foreignOwner}`);
  }
  if (!unit || !(await write.owners()).includes(unit)) {
    throw refuse('L’elemento non appartiene al tuo settore');
  }
}
