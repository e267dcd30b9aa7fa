import type { Catalog } from '../domain/catalog/catalog.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import { parsePlanDocument as parseWithCatalog } from '../domain/rules/parse-plan-document.js';
import { loadCatalog } from './load-catalog.js';

/**
 * The domain's `parsePlanDocument` against the catalog piano ships, unless another is given:
 * for callers outside the operations layer (the importer) that need the national codes checked
 * but do not hold a catalog.
 */
export function parsePlanDocument(input: unknown, catalog: Catalog = loadCatalog()): PlanDocument {
  return parseWithCatalog(input, catalog);
}
