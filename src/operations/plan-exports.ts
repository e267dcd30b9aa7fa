import { diffPlans } from '../domain/rules/plan-diff.js';
import type { RevisionChanges } from '../documents/plan-outline.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { ExportOptions } from '../documents/exports.js';
import type { DocumentLang } from '../documents/labels.js';
import type { LookupTitle } from '../documents/plan-facts.js';
import { lineTitleLookup } from '../domain/catalog/catalog.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { findPlan, type PlanRow } from '../storage/plans.js';
import { exportPlanDocument } from './export-plan-document.js';
import { readPlan } from './read-plan.js';

/** A plan the principal may read (not_found otherwise), with its whole interchange document. */
export async function readableDocument(options: {
  db: Db;
  principal: Principal | null;
  planId: string;
}): Promise<{ plan: PlanRow; document: PlanDocument }> {
  const plan = await readPlan(options);
  const document = await exportPlanDocument({
    db: options.db,
    organizationId: plan.organizationId,
    planId: plan.id,
  });
  return { plan, document };
}

/** What a caller may choose about an export; the rest comes from the plan. */
export interface ExportChoices {
  /** Date of the monitoring report (YYYY-MM-DD); today when absent. */
  date?: string | undefined;
  /** Language of the plan document and the report; Italian when absent. */
  lang?: DocumentLang | undefined;
  /** Absolute URL the files are published under, for the DCAT-AP_IT metadata. */
  baseUrl?: string | undefined;
  /** Year of the performance objectives; the year of `date`, or this year, when absent. */
  year?: number | undefined;
}

/**
 * The first half of every export, for the API, the web and the CLI alike: the plan's
 * interchange document, and the options the renderers take (the plan's last change for
 * dct:modified, titles of linked national codes from the catalog edition it follows).
 */
export async function exportSource(
  db: Db,
  plan: PlanRow,
  choices: ExportChoices,
): Promise<{ document: PlanDocument; options: ExportOptions }> {
  const document = await exportPlanDocument({
    db,
    organizationId: plan.organizationId,
    planId: plan.id,
  });
  return {
    document,
    options: {
      changes: await changesFromPrevious(db, plan, document),
      date: choices.date,
      modified: plan.updatedAt.slice(0, 10),
      baseUrl: choices.baseUrl,
      lang: choices.lang,
      year: choices.year,
      lookupTitle: catalogTitles(document),
    },
  };
}

/**
 * Titles of the codes the plan links, from its catalog edition. The catalog is read on the first
 * lookup, so formats that print no titles (json, jsonld) never read it.
 */
function catalogTitles(doc: PlanDocument): LookupTitle {
  let lookup: LookupTitle | undefined;
  return (code) => (lookup ??= lineTitleLookup(loadCatalog(), doc))(code);
}

/** The diff from the revision this plan was started from, if any and still stored. */
async function changesFromPrevious(
  db: Db,
  plan: PlanRow,
  document: PlanDocument,
): Promise<RevisionChanges | undefined> {
  if (!plan.previousPlanId) return undefined;
  const previous = await findPlan(db, plan.organizationId, plan.previousPlanId);
  if (!previous) return undefined;
  const before = await exportPlanDocument({
    db,
    organizationId: previous.organizationId,
    planId: previous.id,
  });
  const name =
    previous.revisionLabel ?? `${previous.title}, ${previous.startYear}–${previous.endYear}`;
  return { previous: name, diff: diffPlans(before, document) };
}
