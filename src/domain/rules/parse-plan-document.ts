import type { Catalog } from '../catalog/catalog.js';
import { checkDocumentLinks } from '../catalog/links.js';
import { validationError } from '../errors.js';
import { inputForm } from '../model/common.js';
import { PlanDocumentInputSchema, type PlanDocument } from '../model/interchange.js';
import { parseWith } from '../validation.js';
import { checkPlanDocument } from './check-plan.js';
import { normalizePlanDocument } from './normalize-plan.js';

export const PlanDocumentInputForm = inputForm(PlanDocumentInputSchema);

/**
 * Validates a plan file completely — schema, identifiers and references, links to the given
 * national catalog — and returns it in canonical form with its timings interpreted. Pure: the
 * caller passes the catalog (the shipped one is read by `src/catalog/`).
 */
export function parsePlanDocument(input: unknown, catalog: Catalog): PlanDocument {
  const doc = normalizePlanDocument(
    parseWith(PlanDocumentInputForm, input, 'File del piano non valido'),
  );
  const problems = [...checkPlanDocument(doc), ...checkDocumentLinks(doc, catalog)];
  if (problems.length > 0) throw validationError(problems, 'File del piano non valido');
  return doc;
}
