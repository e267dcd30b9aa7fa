import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gold } from './evaluate.js';

/** The real plans live in ../shared/seeds beside the repository; the tests never copy them. */
export const SEEDS_DIR = new URL('../../../../shared/seeds/', import.meta.url);
export const GOLD_DIR = new URL('../gold/', import.meta.url);

export interface Seed {
  name: string;
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
      return { name: gold.seed, path: fileURLToPath(new URL(gold.seed, SEEDS_DIR)), gold };
    });
}
