/**
 * The plan page's action filters: priority, unit, status and year, read from the query string
 * (so every filtered view is a link) and applied to the plan's actions. Unknown values are
 * ignored rather than refused: a stale link still shows the plan.
 */
import { ACTION_STATUSES, type Action, type ActionStatus } from '../../domain/model/action.js';
import type { PlanDocument } from '../../domain/model/interchange.js';
import { timingYears } from '../../documents/plan-facts.js';

export interface ActionFilters {
  priority?: string;
  unit?: string;
  status?: ActionStatus;
  year?: number;
}

/** Query-string names, in Italian as the rest of the addresses. */
export const FILTER_PARAMS = {
  priority: 'priorita',
  unit: 'settore',
  status: 'stato',
  year: 'anno',
} as const;

export function readFilters(query: Record<string, unknown>, doc: PlanDocument): ActionFilters {
  const text = (name: string) => {
    const v = query[name];
    return typeof v === 'string' && v.length <= 100 ? v : undefined;
  };
  const filters: ActionFilters = {};
  const priority = text(FILTER_PARAMS.priority);
  if (priority && doc.priorities.some((p) => p.id === priority)) filters.priority = priority;
  const unit = text(FILTER_PARAMS.unit);
  if (unit && doc.organization.units.some((u) => u.id === unit)) filters.unit = unit;
  const status = text(FILTER_PARAMS.status);
  if (status && (ACTION_STATUSES as readonly string[]).includes(status)) {
    filters.status = status as ActionStatus;
  }
  const year = Number(text(FILTER_PARAMS.year));
  if (Number.isInteger(year) && year >= doc.plan.startYear && year <= doc.plan.endYear) {
    filters.year = year;
  }
  return filters;
}

export function matches(action: Action, filters: ActionFilters, doc: PlanDocument): boolean {
  if (filters.priority && action.priorityId !== filters.priority) return false;
  if (filters.unit && !action.ownerUnitIds.includes(filters.unit)) return false;
  if (filters.status && action.status !== filters.status) return false;
  if (filters.year !== undefined) {
    const years = timingYears(action.timing, doc.plan.startYear, doc.plan.endYear);
    if (!years.includes(filters.year)) return false;
  }
  return true;
}

/** The filters as query parameters (for links that keep them, and the cache key). */
export function filterParams(filters: ActionFilters): Record<string, string | undefined> {
  return {
    [FILTER_PARAMS.priority]: filters.priority,
    [FILTER_PARAMS.unit]: filters.unit,
    [FILTER_PARAMS.status]: filters.status,
    [FILTER_PARAMS.year]: filters.year === undefined ? undefined : String(filters.year),
  };
}

export const hasFilters = (f: ActionFilters) =>
  f.priority !== undefined ||
  f.unit !== undefined ||
  f.status !== undefined ||
  f.year !== undefined;

/** The units that own at least one action: the only useful choices of the unit filter. */
export function unitsWithActions(doc: PlanDocument) {
  const owning = new Set(doc.actions.flatMap((a) => a.ownerUnitIds));
  return doc.organization.units.filter((u) => owning.has(u.id));
}
