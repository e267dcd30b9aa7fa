import type { FastifyRequest } from 'fastify';
import { PianoError } from '../domain/errors.js';
import { EDITOR_PARTS, OWNERSHIP_FIELDS, unitIn } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { ACTIONS, INDICATORS, type EntityTable } from '../storage/entities.js';
import { getRow, type Scope } from '../storage/rows.js';

type Operation = 'create' | 'update' | 'delete';

const refuse = (why: string) => new PianoError('forbidden', why);

/**
 * Editors work on their own unit's actions and indicators: they update actions, indicators and
 * micro-actions their unit owns, add and remove micro-actions and measurements, and never
 * change who owns what.
 */
export async function assertEditorMay(
  db: Db,
  request: FastifyRequest,
  scope: Scope,
  table: EntityTable,
  operation: Operation,
  entity: Record<string, unknown>,
  changes: Record<string, unknown> = {},
) {
  if (!EDITOR_PARTS.has(table.type)) {
    throw refuse('Un editor può modificare solo azioni, micro azioni, indicatori e rilevazioni');
  }
  const creatingOrDeletingTopLevel =
    operation !== 'update' && (table.type === 'action' || table.type === 'indicator');
  if (creatingOrDeletingTopLevel) {
    throw refuse('Solo l’amministratore dell’ente crea o elimina azioni e indicatori');
  }
  const touched = Object.keys(changes).find((field) => OWNERSHIP_FIELDS.has(field));
  if (touched) throw refuse(`Un editor non può cambiare il campo ${touched}`);
  const unit = unitIn(request.principal, scope.organizationId);
  const foreignOwner = ((entity.ownerUnitIds as string[] | undefined) ?? []).find(
    (u) => u !== unit,
  );
  if (operation === 'create' && foreignOwner !== undefined) {
    throw refuse(`Un editor non può assegnare elementi al settore ${foreignOwner}`);
  }
  if (!unit || !(await ownedBy(db, scope, table, entity, unit))) {
    throw refuse('L’elemento non appartiene al tuo settore');
  }
}

async function ownedBy(
  db: Db,
  scope: Scope,
  table: EntityTable,
  entity: Record<string, unknown>,
  unit: string,
): Promise<boolean> {
  const actionOwned = async (key: unknown) => {
    if (typeof key !== 'string') return false;
    const action = await getRow(db, ACTIONS, scope, key);
    return ((action?.ownerUnitIds as string[] | undefined) ?? []).includes(unit);
  };
  switch (table.type) {
    case 'action':
      return ((entity.ownerUnitIds as string[] | undefined) ?? []).includes(unit);
    case 'micro_action':
      return actionOwned(entity.actionId);
    case 'indicator':
      return actionOwned(entity.actionId);
    case 'measurement': {
      const indicator = await getRow(db, INDICATORS, scope, entity.indicatorId as string);
      return actionOwned(indicator?.actionId);
    }
    default:
      return false;
  }
}
