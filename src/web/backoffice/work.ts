/**
 * The reads behind "Il mio lavoro", all through the operations: the organization's plans (one
 * revision of each, see plansAtWork), the actions its user's unit owns in each (every action for
 * an admin), the indicators of those actions with their latest measurement. What is overdue or due soon is judged on the timing's
 * date; an action never updated is one still at the version it was created with.
 */
import type { ActionStatus } from '../../domain/model/action.js';
import type { TimingJson } from '../../domain/model/timing.js';
import type { Principal } from '../../domain/rules/permissions.js';
import { roleIn, unitIn } from '../../domain/rules/permissions.js';
import { listParts } from '../../operations/list-parts.js';
import { listPlans } from '../../operations/list-plans.js';

type Db = Parameters<typeof listPlans>[0]['db'];
export type Row = Awaited<ReturnType<typeof listParts>>['items'][number];

export interface WorkAction {
  planId: string;
  planTitle: string;
  row: Row;
  title: string;
  status: ActionStatus;
  progress: number;
  timing: TimingJson | null;
}

export interface WorkIndicator {
  planId: string;
  row: Row;
  name: string;
  unit: string | null;
  latest: { date: string; value: number } | null;
}

export interface WorkView {
  unitName: string | null;
  actions: WorkAction[];
  overdue: WorkAction[];
  dueSoon: WorkAction[];
  neverUpdated: WorkAction[];
  indicators: WorkIndicator[];
}

const CLOSED: ActionStatus[] = ['completed', 'cancelled'];

/** Which revision of a plan its people work on: the one in force, else the newest draft. */
const AT_WORK_ORDER = ['published', 'approved', 'proposed', 'draft'];

/**
 * One revision per plan (series): the published one while it is in force — what is monitored —
 * or, before any is published, the revision furthest along, so that a draft of next year's
 * revision does not list every action twice.
 */
export function plansAtWork<P extends { seriesId: string; status: string }>(plans: P[]): P[] {
  const chosen = new Map<string, P>();
  for (const plan of plans) {
    const rank = AT_WORK_ORDER.indexOf(plan.status);
    if (rank === -1) continue;
    const held = chosen.get(plan.seriesId);
    if (!held || rank < AT_WORK_ORDER.indexOf(held.status)) chosen.set(plan.seriesId, plan);
  }
  return plans.filter((p) => chosen.get(p.seriesId) === p);
}
const ALL = 10_000;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function readWork(options: {
  db: Db;
  principal: Principal;
  organizationId: string;
  today: string;
}): Promise<WorkView> {
  const { db, principal, organizationId, today } = options;
  const unitId =
    roleIn(principal, organizationId) === 'admin' ? null : unitIn(principal, organizationId);
  const [plans, units] = await Promise.all([
    listPlans({ db, principal, organizationId, limit: 100, offset: 0, sort: '-startYear' }),
    listParts({ db, principal, part: 'unit', organizationId, limit: ALL, offset: 0 }),
  ]);
  const current = plansAtWork(plans.items);
  const actions: WorkAction[] = [];
  const indicators: WorkIndicator[] = [];
  for (const plan of current) {
    const address = { db, principal, planId: plan.id, limit: ALL, offset: 0 };
    const [found, inds, measurements] = await Promise.all([
      listParts({
        ...address,
        part: 'action',
        ...(unitId ? { filters: { ownerUnitIds: unitId } } : {}),
      }),
      listParts({ ...address, part: 'indicator' }),
      listParts({ ...address, part: 'measurement', sort: 'date' }),
    ]);
    const mine = new Set(found.items.map((a) => a.id));
    for (const row of found.items) {
      actions.push({
        planId: plan.id,
        planTitle: plan.title,
        row,
        title: row.title as string,
        status: row.status as ActionStatus,
        progress: row.progress as number,
        timing: (row.timing as TimingJson | null) ?? null,
      });
    }
    for (const row of inds.items) {
      if (unitId && !(typeof row.actionId === 'string' && mine.has(row.actionId))) continue;
      const own = measurements.items.filter((m) => m.indicatorId === row.id);
      const last = own[own.length - 1];
      indicators.push({
        planId: plan.id,
        row,
        name: row.name as string,
        unit: (row.unit as string | null) ?? null,
        latest: last ? { date: last.date as string, value: last.value as number } : null,
      });
    }
  }
  const open = actions.filter((a) => !CLOSED.includes(a.status));
  const due = (a: WorkAction) => a.timing?.due ?? null;
  const soon = addDays(today, 30);
  const byDue = (x: WorkAction, y: WorkAction) => (due(x) ?? '').localeCompare(due(y) ?? '');
  return {
    unitName: unitId
      ? ((units.items.find((u) => u.id === unitId)?.name as string | undefined) ?? unitId)
      : null,
    actions,
    overdue: open.filter((a) => (due(a) ?? '9999') < today).sort(byDue),
    dueSoon: open.filter((a) => due(a) !== null && due(a)! >= today && due(a)! <= soon).sort(byDue),
    neverUpdated: actions.filter((a) => a.row.version === 1),
    indicators,
  };
}
