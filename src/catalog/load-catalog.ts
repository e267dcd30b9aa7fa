import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSchema } from '@sinclair/typebox';
import { buildCatalog, catalogProblems, type Catalog } from '../domain/catalog/catalog.js';
import {
  CatalogEditionSchema,
  ObligationsSchema,
  PlatformsSchema,
  PnrrMeasuresSchema,
} from '../domain/catalog/model.js';
import { describeProblem, PianoError } from '../domain/errors.js';
import { parseWith } from '../domain/validation.js';

/** data/catalog/ of this checkout: editions/*.json plus the PNRR, platform and obligation files. */
export const CATALOG_DIR = fileURLToPath(new URL('../../data/catalog/', import.meta.url));

function readJson<T extends TSchema>(path: string, schema: T) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Catalogo: impossibile leggere ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return parseWith(schema, raw, `Catalogo: ${path} non valido`);
  } catch (error) {
    if (!(error instanceof PianoError)) throw error;
    const lines = error.problems.map((p) => `  - ${describeProblem(p)}`).join('\n');
    throw new Error(`Catalogo: ${path} non valido:\n${lines}`, { cause: error });
  }
}

/**
 * Reads and validates the catalog in `dir`: every file in editions/ is an edition, so adding
 * one is a matter of data. Any problem stops the load, naming the file and the field.
 */
export function readCatalog(dir: string = CATALOG_DIR): Catalog {
  const editionsDir = join(dir, 'editions');
  const editions = readdirSync(editionsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson(join(editionsDir, f), CatalogEditionSchema));
  const parts = {
    editions,
    pnrrMeasures: readJson(join(dir, 'pnrr-m1c1.json'), PnrrMeasuresSchema).measures,
    platforms: readJson(join(dir, 'platforms.json'), PlatformsSchema).platforms,
    obligations: readJson(join(dir, 'obligations.json'), ObligationsSchema).obligations,
  };
  const problems = catalogProblems(parts);
  if (problems.length) throw new Error(`Catalogo non coerente:\n  - ${problems.join('\n  - ')}`);
  return buildCatalog(parts);
}

let shipped: Catalog | null = null;

/** The catalog shipped with piano, read once per process (about 200 kB of JSON). */
export function loadCatalog(): Catalog {
  shipped ??= readCatalog();
  return shipped;
}
