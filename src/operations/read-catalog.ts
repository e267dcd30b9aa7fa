import { loadCatalog } from '../catalog/load-catalog.js';
import type { Catalog } from '../domain/catalog/catalog.js';

/**
 * The national catalog piano ships (AgID plan editions, PNRR measures, platforms, obligations),
 * read and checked once per process. Public: searching and showing it is up to the domain's
 * catalog functions.
 */
export function readCatalog(): Catalog {
  return loadCatalog();
}
