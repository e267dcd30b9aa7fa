import type { PlanDocument } from '../domain/model/interchange.js';
import { requireRole, type Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { actorOf } from './callers.js';
import { exportPlanDocument } from './export-plan-document.js';
import { loadPlanDocument } from './load-plan-document.js';
import { readPlan } from './read-plan.js';

export interface StartPlanRevisionOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  /** `same`: the same period with a new revision label; `next_year`: the period moved one year on. */
  period: 'same' | 'next_year';
  /** The new revision's label; by default "Aggiornamento <year>". */
  revisionLabel?: string | undefined;
  /** Whether completed actions come along (`carry`) or are left out (`leave`). */
  completed: 'carry' | 'leave';
}

/** What a revision records about how it was started. */
export interface RevisionNote {
  from: string;
  period: 'same' | 'next_year';
  completed: 'carry' | 'leave';
  carriedCompleted: { id: string; lineageId: string | undefined; title: string }[];
  leftOut: { id: string; lineageId: string | undefined; title: string }[];
}

/**
 * Starts the next revision of a plan as a draft: a copy of it whose actions, indicators and
 * spending items keep their lineage ids, in the same series; completed actions are carried or
 * left out (with their micro-actions, indicators and spending), and the choice is recorded.
 */
export async function startPlanRevision(options: StartPlanRevisionOptions) {
  const { db, principal } = options;
  const source = await readPlan({ db, principal, planId: options.planId });
  requireRole(principal, source.organizationId, 'admin');
  const doc = await exportPlanDocument({
    db,
    organizationId: source.organizationId,
    planId: source.id,
  });
  const { next, note } = nextRevision(doc, source.id, options);
  return loadPlanDocument({
    db,
    actor: actorOf(principal),
    input: next,
    organizationId: source.organizationId,
    lineage: { seriesId: source.seriesId, previousPlanId: source.id, revisionNote: note },
  });
}

function nextRevision(doc: PlanDocument, from: string, options: StartPlanRevisionOptions) {
  const shift = options.period === 'next_year' ? 1 : 0;
  const completed = doc.actions.filter((a) => a.status === 'completed');
  const dropped = new Set(options.completed === 'leave' ? completed.map((a) => a.id) : []);
  const brief = (a: PlanDocument['actions'][number]) => ({
    id: a.id,
    lineageId: a.lineageId,
    title: a.title,
  });
  const note: RevisionNote = {
    from,
    period: options.period,
    completed: options.completed,
    carriedCompleted: completed.filter((a) => !dropped.has(a.id)).map(brief),
    leftOut: completed.filter((a) => dropped.has(a.id)).map(brief),
  };
  const startYear = doc.plan.startYear + shift;
  const keep = (actionId: string | null) => actionId === null || !dropped.has(actionId);
  const next: PlanDocument = {
    ...doc,
    plan: {
      ...doc.plan,
      startYear,
      endYear: doc.plan.endYear + shift,
      revisionLabel: options.revisionLabel ?? `Aggiornamento ${startYear}`,
      status: 'draft',
      approval: null,
    },
    actions: doc.actions.filter((a) => !dropped.has(a.id)),
    indicators: doc.indicators.filter((i) => keep(i.actionId)),
    spending: doc.spending.filter((s) => keep(s.actionId)),
  };
  return { next, note };
}
