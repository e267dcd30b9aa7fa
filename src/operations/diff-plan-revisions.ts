import { PianoError } from '../domain/errors.js';
import { diffPlans, isEmptyDiff, type PlanDiff } from '../domain/rules/plan-diff.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { exportPlanDocument } from './export-plan-document.js';
import { readPlan } from './read-plan.js';

export interface DiffPlanRevisionsOptions {
  db: Db;
  principal: Principal | null;
  /** The earlier revision. */
  planId: string;
  /** The revision compared with it. */
  otherId: string;
}

export interface PlanRevisionsDiff extends PlanDiff {
  before: { id: string; revisionLabel: string | null; startYear: number; endYear: number };
  after: { id: string; revisionLabel: string | null; startYear: number; endYear: number };
  empty: boolean;
}

/** What changes from one revision of an organization's plan to another, for whoever reads both. */
export async function diffPlanRevisions(
  options: DiffPlanRevisionsOptions,
): Promise<PlanRevisionsDiff> {
  const { db, principal } = options;
  const first = await readPlan({ db, principal, planId: options.planId });
  const second = await readPlan({ db, principal, planId: options.otherId });
  if (first.organizationId !== second.organizationId) {
    throw new PianoError('validation', 'Si confrontano solo revisioni di piani dello stesso ente', [
      { field: '/otherId', message: 'è un piano di un altro ente' },
    ]);
  }
  const [before, after] = await Promise.all(
    [first, second].map((p) =>
      exportPlanDocument({ db, organizationId: p.organizationId, planId: p.id }),
    ),
  );
  const diff = diffPlans(before!, after!);
  const facts = (p: typeof first) => ({
    id: p.id,
    revisionLabel: p.revisionLabel,
    startYear: p.startYear,
    endYear: p.endYear,
  });
  return { before: facts(first), after: facts(second), ...diff, empty: isEmptyDiff(diff) };
}
