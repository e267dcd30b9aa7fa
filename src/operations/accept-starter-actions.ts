import { loadCatalog } from '../catalog/load-catalog.js';
import { chapterTitle, editionForPlan } from '../domain/catalog/catalog.js';
import type { CatalogEdition } from '../domain/catalog/model.js';
import type { StarterProposal } from '../domain/compliance/model.js';
import { proposeStarter } from '../domain/compliance/starter.js';
import { found, validationError } from '../domain/errors.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import { normalizeTiming } from '../domain/rules/normalize-plan.js';
import { requireRole } from '../domain/rules/permissions.js';
import { ACTIONS, PRIORITIES } from '../storage/entities.js';
import { findPlan } from '../storage/plans.js';
import type { Entity } from '../storage/rows.js';
import { actorOf } from './callers.js';
import { exportPlanDocument } from './export-plan-document.js';
import { insertPart } from './part-writes.js';
import { writeInTransaction } from './parts.js';
import type { StarterOptions } from './propose-starter-actions.js';
import { readPlan } from './read-plan.js';
import { todayInItaly } from './today.js';

export interface AcceptStarterOptions extends StarterOptions {
  /** Proposal ids as `proposeStarterActions` lists them. */
  proposals: string[];
}

/**
 * Turns the chosen proposals into actions of the plan (its admin's decision), all in one
 * transaction and each audited. Each action goes under the priority that already maps onto its
 * national chapter, or under a new priority for that chapter.
 */
export async function acceptStarterActions(options: AcceptStarterOptions) {
  const { db, principal } = options;
  const { organizationId, id: planId } = await readPlan({ db, principal, planId: options.planId });
  requireRole(principal, organizationId, 'admin');
  const catalog = options.catalog ?? loadCatalog();
  return writeInTransaction(options.db, async (tx) => {
    found(await findPlan(tx, organizationId, planId, true), 'Piano');
    const doc = await exportPlanDocument({ db: tx, organizationId, planId });
    const offered = new Map(
      proposeStarter(catalog, doc, options.today ?? todayInItaly()).map((p) => [p.id, p]),
    );
    const unknown = options.proposals
      .map((id, i) => ({ id, field: `/proposals/${i}` }))
      .filter(({ id }) => !offered.has(id));
    if (unknown.length) {
      throw validationError(
        unknown.map(({ id, field }) => ({
          field,
          message: `"${id}" non è tra le proposte disponibili per questo piano`,
        })),
        'Proposta non disponibile',
      );
    }
    const context = { db: tx, actor: actorOf(principal), scope: { organizationId, planId } };
    const edition = editionForPlan(catalog, doc.plan);
    const chosen = new Map<number | null, string>();
    const priorities: Entity[] = [];
    const priorityFor = async (chapter: number | null) => {
      const known = chosen.get(chapter) ?? existingPriority(doc, chapter);
      if (known) return known;
      const values = newPriority(edition, chapter);
      priorities.push(await insertPart({ ...context, table: PRIORITIES, values }));
      chosen.set(chapter, values.id);
      return values.id;
    };
    const actions: Entity[] = [];
    for (const id of new Set(options.proposals)) {
      const proposal = offered.get(id) as StarterProposal;
      const values = actionValues(proposal, await priorityFor(proposal.chapter), doc.plan);
      actions.push(await insertPart({ ...context, table: ACTIONS, values }));
    }
    return { priorities, actions };
  });
}

const PLATFORMS_PRIORITY = 'st-piattaforme';

/** The plan's own priority for a national chapter, if it has one. */
function existingPriority(doc: PlanDocument, chapter: number | null): string | undefined {
  return doc.priorities.find((p) =>
    chapter === null ? p.id === PLATFORMS_PRIORITY : p.nationalChapters.includes(chapter),
  )?.id;
}

function newPriority(edition: CatalogEdition, chapter: number | null) {
  return {
    id: chapter === null ? PLATFORMS_PRIORITY : `st-cap-${chapter}`,
    code: null,
    title: chapter === null ? 'Piattaforme nazionali' : chapterTitle(edition, chapter),
    description: null,
    stateOfTheArt: null,
    expectedBenefits: null,
    nationalChapters: chapter === null ? [] : [chapter],
  };
}

function actionValues(p: StarterProposal, priorityId: string, plan: PlanDocument['plan']) {
  return {
    id: p.actionId,
    priorityId,
    code: null,
    title: p.title,
    description: p.reason,
    responsibles: [],
    ownerUnitIds: [],
    status: 'planned',
    timing: normalizeTiming(p.timing, plan),
    expectedResults: [],
    progress: 0,
    catalogRefs: p.catalogRefs,
    pnrrMeasures: p.pnrrMeasures,
  };
}
