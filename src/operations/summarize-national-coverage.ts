import { loadCatalog } from '../catalog/load-catalog.js';
import { findEdition, latestEdition, type Catalog } from '../domain/catalog/catalog.js';
import { comuneLines } from '../domain/compliance/scope.js';
import { found } from '../domain/errors.js';
import { requireConsultant, type Principal } from '../domain/rules/permissions.js';
import { nationalCoverage } from '../storage/compliance-queries.js';
import type { Db } from '../storage/db.js';

export interface NationalCoverageOptions {
  db: Db;
  principal: Principal | null;
  /** Edition id ("2024-2026"); the newest by default. */
  edition?: string | undefined;
  limit: number;
  offset: number;
  catalog?: Catalog;
}

/**
 * How far every comune's current plan covers the lines that concern comuni, least covered
 * first: for platform consultants.
 */
export async function summarizeNationalCoverage(options: NationalCoverageOptions) {
  requireConsultant(
    options.principal,
    'Solo i consulenti di piattaforma vedono il quadro nazionale',
  );
  const catalog = options.catalog ?? loadCatalog();
  const edition = options.edition
    ? found(findEdition(catalog, options.edition), 'Edizione')
    : latestEdition(catalog);
  const lines = comuneLines(edition);
  const page = await nationalCoverage(options.db, {
    lines,
    limit: options.limit,
    offset: options.offset,
  });
  return {
    edition: { id: edition.edition, title: edition.title },
    lines: lines.length,
    ...page,
    limit: options.limit,
    offset: options.offset,
  };
}
