import { loadCatalog } from '../catalog/load-catalog.js';
import { editionForPlan, type Catalog } from '../domain/catalog/catalog.js';
import type { StarterProposal } from '../domain/compliance/model.js';
import { proposeStarter } from '../domain/compliance/starter.js';
import type { Principal } from '../domain/rules/permissions.js';
import type { Db } from '../storage/db.js';
import { readableDocument } from './plan-exports.js';
import { todayInItaly } from './today.js';

export interface StarterOptions {
  db: Db;
  principal: Principal | null;
  planId: string;
  today?: string | undefined;
  catalog?: Catalog;
}

/**
 * The actions the catalog suggests for a plan, suited to its organization and platforms, for
 * whoever may read the plan.
 */
export async function proposeStarterActions(
  options: StarterOptions,
): Promise<{ edition: string; items: StarterProposal[] }> {
  const catalog = options.catalog ?? loadCatalog();
  const { document: doc } = await readableDocument(options);
  return {
    edition: editionForPlan(catalog, doc.plan).edition,
    items: proposeStarter(catalog, doc, options.today ?? todayInItaly()),
  };
}
