/**
 * The back office's action list: the portal's filters (priority, unit, status, year) plus words
 * to search, "overdue only", an order and a view (table or timeline by year), all read from the
 * query string so that every view is a link. Unknown choices are dropped as on the portal (a stale
 * link still shows the plan); only a typed search too long is refused, with the reason beside the
 * field (control characters never get here: every query string is checked for them first).
 */
import { ACTION_STATUSES, type Action } from '../../domain/model/action.js';
import type { PlanDocument } from '../../domain/model/interchange.js';
import { fold } from '../../domain/catalog/search.js';
import { FILTER_PARAMS, matches, readFilters, type ActionFilters } from '../portal/filters.js';

export const ACTION_SORTS = ['piano', 'scadenza', 'titolo', 'stato', 'avanzamento'] as const;
export type ActionSort = (typeof ACTION_SORTS)[number];
export const ACTION_VIEWS = ['elenco', 'anni'] as const;
export type ActionView = (typeof ACTION_VIEWS)[number];

export interface ActionListQuery {
  filters: ActionFilters;
  /** Words every shown action holds, in its code, title, description or responsibles. */
  search: string;
  overdueOnly: boolean;
  sort: ActionSort;
  view: ActionView;
}

/** Query-string names of the back office's additions to the portal's filters. */
export const LIST_PARAMS = {
  ...FILTER_PARAMS,
  search: 'cerca',
  overdue: 'scadute',
  sort: 'ordina',
  view: 'vista',
} as const;

export const SEARCH_MAX = 200;
const CLOSED = new Set(['completed', 'cancelled']);

export function readActionQuery(
  query: Record<string, unknown>,
  doc: PlanDocument,
): { query: ActionListQuery; searchTooLong: boolean } {
  const text = (name: string) => {
    const v = query[name];
    return typeof v === 'string' ? v : '';
  };
  const raw = text(LIST_PARAMS.search);
  const searchTooLong = raw.length > SEARCH_MAX;
  const oneOf = <T extends string>(values: readonly T[], v: string, fallback: T): T =>
    (values as readonly string[]).includes(v) ? (v as T) : fallback;
  return {
    query: {
      filters: readFilters(query, doc),
      search: searchTooLong ? '' : raw.trim(),
      overdueOnly: text(LIST_PARAMS.overdue) === '1',
      sort: oneOf(ACTION_SORTS, text(LIST_PARAMS.sort), 'piano'),
      view: oneOf(ACTION_VIEWS, text(LIST_PARAMS.view), 'elenco'),
    },
    searchTooLong,
  };
}

/** Whether an open action's due date has passed. */
export function isOverdue(action: Action, today: string): boolean {
  const due = action.timing?.due ?? null;
  return !CLOSED.has(action.status) && due !== null && due < today;
}

function searchable(action: Action): string {
  return fold(
    [action.code ?? '', action.title, action.description ?? '', ...action.responsibles].join(' '),
  );
}

const STATUS_ORDER = new Map<string, number>(ACTION_STATUSES.map((s, i) => [s, i]));

/** The actions the query asks for, in its order (the plan's own order by default). */
export function selectActions(doc: PlanDocument, q: ActionListQuery, today: string): Action[] {
  const words = fold(q.search).split(/\s+/).filter(Boolean);
  const shown = doc.actions.filter(
    (a) =>
      matches(a, q.filters, doc) &&
      (!q.overdueOnly || isOverdue(a, today)) &&
      (words.length === 0 || words.every((w) => searchable(a).includes(w))),
  );
  const byTitle = (x: Action, y: Action) => x.title.localeCompare(y.title, 'it');
  const due = (a: Action) => a.timing?.due ?? '9999-12-31';
  const compare: Record<ActionSort, ((x: Action, y: Action) => number) | null> = {
    piano: null,
    scadenza: (x, y) => due(x).localeCompare(due(y)) || byTitle(x, y),
    titolo: byTitle,
    stato: (x, y) =>
      (STATUS_ORDER.get(x.status) ?? 0) - (STATUS_ORDER.get(y.status) ?? 0) || byTitle(x, y),
    avanzamento: (x, y) => y.progress - x.progress || byTitle(x, y),
  };
  const order = compare[q.sort];
  return order ? [...shown].sort(order) : shown;
}

/** Whether the query narrows the list (so the page offers to show every action again). */
export const narrows = (q: ActionListQuery) =>
  Object.values(q.filters).some((v) => v !== undefined) || q.search !== '' || q.overdueOnly;

/** The query as parameters, to keep it in links (switching view or order). */
export function queryParams(q: ActionListQuery): URLSearchParams {
  const params = new URLSearchParams();
  const f = q.filters;
  if (f.priority) params.set(LIST_PARAMS.priority, f.priority);
  if (f.unit) params.set(LIST_PARAMS.unit, f.unit);
  if (f.status) params.set(LIST_PARAMS.status, f.status);
  if (f.year !== undefined) params.set(LIST_PARAMS.year, String(f.year));
  if (q.search) params.set(LIST_PARAMS.search, q.search);
  if (q.overdueOnly) params.set(LIST_PARAMS.overdue, '1');
  if (q.sort !== 'piano') params.set(LIST_PARAMS.sort, q.sort);
  if (q.view !== 'elenco') params.set(LIST_PARAMS.view, q.view);
  return params;
}
