import { loadCatalog } from '../catalog/load-catalog.js';
import { editionForPlan, type Catalog } from '../domain/catalog/catalog.js';
import type { StarterProposal } from '../domain/compliance/model.js';
import { proposeStarter } from '../domain/compliance/starter.js';
import type { Db } from '../storage/db.js';
import { exportPlanDocument } from './export-plan-document.js';
import { todayInItaly } from './today.js';

export interface StarterOptions {
  db: Db;
  organizationId: string;
  planId: string;
  today?: string | undefined;
  catalog?: Catalog;
}

/** The actions the catalog suggests for a plan, suited to its organization and platforms. */
export async function proposeStarterActions(
  options: StarterOptions,
): Promise<{ edition: string; items: StarterProposal[] }> {
  const catalog = options.catalog ?? loadCatalog();
  const doc = await exportPlanDocument(options);
  return {
    edition: editionForPlan(catalog, doc.plan).edition,
    items: proposeStarter(catalog, doc, options.today ?? todayInItaly()),
  };
}
