import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gold } from './evaluate.js';

/**
 * The real plans live in ../shared/seeds and ../shared/seeds-extra beside the repository; the
 * tests never copy them. A gold annotation names its plan's folder in `collection` (default seeds).
 */
export const SHARED_DIR = new URL('../../../../shared/', import.meta.url);
export const SEEDS_DIR = new URL('seeds/', SHARED_DIR);
export const GOLD_DIR = new URL('../gold/', import.meta.url);

export interface Seed {
  name: string;
  collection: 'seeds' | 'seeds-extra';
  path: string;
  gold: Gold;
}

/** Every gold annotation, with the path of the seed it annotates. */
export function seeds(): Seed[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(new URL(f, GOLD_DIR), 'utf8')) as Gold;
      const collection = gold.collection ?? 'seeds';
      const dir = new URL(`${collection}/`, SHARED_DIR);
      return { name: gold.seed, collection, path: fileURLToPath(new URL(gold.seed, dir)), gold };
    });
}
