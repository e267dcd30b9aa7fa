/**
 * How current a plan is, for its dashboard: per owning unit, how many of its actions were ever
 * updated after being written and when last; the open actions left alone the longest. An action
 * counts as updated when it or one of its micro-actions was (the audit trail's days).
 */
import type { Action } from '../../domain/model/action.js';
import type { PlanDocument } from '../../domain/model/interchange.js';

export interface ItemUpdate {
  entityType: string;
  entityId: string;
  /** The Italian day of the last update. */
  day: string;
}

export interface UnitFreshness {
  unitId: string;
  name: string;
  actions: number;
  updated: number;
  last: string | null;
}

export interface StaleAction {
  action: Action;
  last: string | null;
  /** Days since the last update; null when never updated. */
  days: number | null;
}

export interface Freshness {
  units: UnitFreshness[];
  stale: StaleAction[];
  neverUpdated: number;
}

const CLOSED = new Set(['completed', 'cancelled']);
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS),
  );
const later = (a: string | null, b: string | null) =>
  a === null ? b : b === null || a > b ? a : b;

export function planFreshness(
  doc: PlanDocument,
  updates: ItemUpdate[],
  today: string,
  staleShown = 10,
): Freshness {
  const byItem = new Map(updates.map((u) => [`${u.entityType}:${u.entityId}`, u.day]));
  const lastOf = (a: Action) =>
    a.microActions.reduce<string | null>(
      (last, m) => later(last, byItem.get(`micro_action:${m.id}`) ?? null),
      byItem.get(`action:${a.id}`) ?? null,
    );
  const last = new Map(doc.actions.map((a) => [a.id, lastOf(a)]));
  const units = doc.organization.units
    .map((u): UnitFreshness => {
      const owned = doc.actions.filter((a) => a.ownerUnitIds.includes(u.id));
      const days = owned.map((a) => last.get(a.id) ?? null);
      return {
        unitId: u.id,
        name: u.name,
        actions: owned.length,
        updated: days.filter((d) => d !== null).length,
        last: days.reduce<string | null>(later, null),
      };
    })
    .filter((u) => u.actions > 0)
    // Units that never updated anything first, then the longest silent.
    .sort((x, y) => (x.last ?? '').localeCompare(y.last ?? '') || x.name.localeCompare(y.name));
  const stale = doc.actions
    .filter((a) => !CLOSED.has(a.status))
    .map((action): StaleAction => {
      const day = last.get(action.id) ?? null;
      return { action, last: day, days: day === null ? null : daysBetween(day, today) };
    })
    .sort((x, y) => (x.last ?? '').localeCompare(y.last ?? ''));
  return {
    units,
    stale: stale.slice(0, staleShown),
    neverUpdated: doc.actions.filter((a) => last.get(a.id) === null).length,
  };
}
