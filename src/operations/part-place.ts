import { randomUUID } from 'node:crypto';
import { PianoError } from '../domain/errors.js';
import { isUuid } from '../domain/model/common.js';
import {
  requireRole,
  roleIn,
  unitIn,
  type OrgRole,
  type Principal,
} from '../domain/rules/permissions.js';
import { assertEditorMay, type EditorWrite } from '../domain/rules/editor-policy.js';
import { assertPartWritable } from '../domain/rules/plan-lifecycle.js';
import { normalizeTiming } from '../domain/rules/normalize-plan.js';
import type { Db } from '../storage/db.js';
import {
  ACTIONS,
  ENTITY_TABLES,
  INDICATORS,
  type EntityTable,
  type EntityType,
} from '../storage/entities.js';
import { getRow, type Entity, type Scope } from '../storage/rows.js';
import { getPart, parseSort } from './parts.js';
import { readPlan } from './read-plan.js';

/**
 * Where a part lives, as the part operations take it: the kind of part, and the organization
 * (units, roles) or the plan (everything else) it belongs to; for a part nested in another
 * (a micro-action in its action, a measurement in its indicator) optionally the parent's key,
 * which then must exist and hold the part.
 */
export interface PartAddress {
  db: Db;
  principal: Principal | null;
  part: EntityType;
  organizationId?: string | undefined;
  planId?: string | undefined;
  parentKey?: string | undefined;
}

/** A part's resolved place, and what the principal is there. */
export interface Place {
  table: EntityTable;
  scope: Scope;
  /** The plan's period, to interpret timings written in words. */
  period: { startYear: number; endYear: number } | null;
  role: OrgRole | null;
  /** The plan's lifecycle status (null for an organization's parts). */
  planStatus: string | null;
}

/**
 * Resolves an address for reading: an organization's parts are for its members, a plan's parts
 * for whoever may read the plan (404 otherwise, as for the plan itself).
 */
export async function placeOf(address: PartAddress): Promise<Place> {
  const { db, principal } = address;
  const table = ENTITY_TABLES[address.part];
  if (table.scope === 'organization') {
    const organizationId = address.organizationId ?? '';
    const role = requireRole(principal, organizationId, 'viewer');
    if (!isUuid(organizationId)) throw new PianoError('not_found', 'Ente non trovato');
    return { table, scope: { organizationId }, period: null, role, planStatus: null };
  }
  const plan = await readPlan({ db, principal, planId: address.planId ?? '' });
  const scope = { organizationId: plan.organizationId, planId: plan.id };
  if (table.parent && address.parentKey !== undefined) {
    await getPart({ db, table: ENTITY_TABLES[table.parent.type], scope }, address.parentKey);
  }
  return {
    table,
    scope,
    period: plan,
    role: roleIn(principal, plan.organizationId),
    planStatus: plan.status,
  };
}

/** Resolves an address for writing: writers are admins, or editors within their unit. */
export async function writablePlaceOf(address: PartAddress): Promise<Place> {
  const place = await placeOf(address);
  const role = requireRole(address.principal, place.scope.organizationId, 'editor');
  if (place.planStatus) assertPartWritable(place.planStatus, role);
  return { ...place, role };
}

/** A nested part exists only under its own parent: /actions/a2/micro-actions/m1 is a 404 for a1's m1. */
export function assertUnderParent(place: Place, parentKey: string | undefined, row: Entity) {
  const { parent, label } = place.table;
  if (parent && parentKey !== undefined && row[parent.prop] !== parentKey) {
    throw new PianoError('not_found', `${label} non trovato`);
  }
}

/** A timing given as words is interpreted with the plan's years. */
export function withTiming(values: Record<string, unknown>, place: Place) {
  if (typeof values.timing !== 'string' || !place.period) return values;
  return { ...values, timing: normalizeTiming(values.timing, place.period) };
}

/** A readable key for parts created without one ("action-3f9c2a1b"). */
export const newKey = (table: EntityTable) =>
  `${table.type.replace('_', '-')}-${randomUUID().slice(0, 8)}`;

/** Only the columns marked sortable order a list; any other name is refused, as for plans. */
export function sortOf(table: EntityTable, sort: string | undefined) {
  const parsed = parseSort(sort);
  if (!parsed) return undefined;
  const sortable = table.columns.filter((c) => c.sortable).map((c) => c.prop);
  if (!sortable.includes(parsed.prop)) {
    throw new PianoError('validation', `Ordinamento non disponibile: ${parsed.prop}`, [
      {
        field: '/sort',
        message: sortable.length
          ? `deve essere uno tra: ${sortable.join(', ')}`
          : 'questo elenco non si può ordinare',
      },
    ]);
  }
  return parsed;
}

/**
 * The editor policy (src/domain/rules/editor-policy.ts) for an editor's write, with the lookup
 * of the units that own the part; admins pass without it.
 */
export async function checkEditor(
  db: Db,
  principal: Principal | null,
  place: Place,
  write: Pick<EditorWrite, 'operation' | 'entity' | 'changes'>,
) {
  if (place.role !== 'editor') return;
  await assertEditorMay({
    ...write,
    partType: place.table.type,
    unit: unitIn(principal, place.scope.organizationId),
    owners: () => ownersOf(db, place, write.entity),
  });
}

/**
 * The check an update or a delete runs on the locked row, inside its transaction: the row must
 * sit under the parent the address names, and an editor's policy must allow the write — on the
 * row as it is and, for an update, on the row as it would be, so that no field an editor may
 * send (an indicator's action, a measurement's indicator…) moves a part out of their unit.
 */
export const lockedRowGuard =
  (
    principal: Principal | null,
    place: Place,
    parentKey: string | undefined,
    write: Pick<EditorWrite, 'operation' | 'changes'>,
  ) =>
  async (current: Entity, tx: Db) => {
    assertUnderParent(place, parentKey, current);
    await checkEditor(tx, principal, place, { ...write, entity: current });
    if (write.operation === 'update') {
      const result = { ...current, ...write.changes };
      await checkEditor(tx, principal, place, { ...write, entity: result });
    }
  };

/** The units owning a part: an action's owners, or those of the action it belongs to. */
async function ownersOf(db: Db, place: Place, entity: Record<string, unknown>) {
  const units = (row: Record<string, unknown> | null | undefined) =>
    (row?.ownerUnitIds as string[] | undefined) ?? [];
  const actionOwners = async (key: unknown) =>
    typeof key === 'string' ? units(await getRow(db, ACTIONS, place.scope, key)) : [];
  switch (place.table.type) {
    case 'action':
      return units(entity);
    case 'micro_action':
    case 'indicator':
      return actionOwners(entity.actionId);
    case 'measurement': {
      const indicator = await getRow(db, INDICATORS, place.scope, entity.indicatorId as string);
      return actionOwners(indicator?.actionId);
    }
    default:
      return [];
  }
}
