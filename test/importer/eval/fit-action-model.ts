/**
 * Fits the weights of the action signals (src/importer/scoring.ts) on the annotated plans.
 * `npm run fit:import` fits on all of them and writes src/importer/action-model.ts, the model
 * the importer ships; eval-import.ts fits on all plans but one to score the one left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPlanFile, type ImportResult } from '../../../src/importer/import-plan.js';
import { fitActionModel, type ActionModel, type Example } from '../../../src/importer/scoring.js';
import { matchTitles } from './evaluate.js';
import { seeds, type Seed } from './seeds.js';

export async function importSeed(
  seed: Seed,
  actionModel?: ActionModel | null,
): Promise<ImportResult> {
  return importPlanFile(new Uint8Array(readFileSync(seed.path)), {
    fileName: basename(seed.path),
    actionModel,
  });
}

/** Every candidate action of a plan, with its signals, right when it matches a gold action. */
export async function examplesOf(seed: Seed): Promise<Example[]> {
  const { document, provenance } = await importSeed(seed, null);
  const why = new Map(provenance.map((p) => [p.pointer, p.why ?? []]));
  const pairs = matchTitles(
    seed.gold.actions.map((g) => [g.title, ...(g.aliases ?? [])]),
    document.actions.map((a) => a.title),
  );
  const right = new Set(pairs.map(([, e]) => e));
  const examples = document.actions.map((_, i) => ({
    signals: why.get(`/actions/${i}`) ?? [],
    right: right.has(i),
  }));
  // Every plan weighs the same in the fit, its actions as much as its other candidates: a
  // plan's own style (long lists, or responsibles everywhere) must not become the genre's.
  const positives = examples.filter((e) => e.right).length;
  const negatives = examples.length - positives;
  const classes = (positives > 0 ? 1 : 0) + (negatives > 0 ? 1 : 0);
  return examples.map((e) => ({
    ...e,
    weight: 1 / Math.max(1, classes) / Math.max(1, e.right ? positives : negatives),
  }));
}

export function fit(examples: Example[]): ActionModel {
  return fitActionModel(examples);
}

async function main() {
  const all = (await Promise.all(seeds().map(examplesOf))).flat();
  const model = fit(all);
  const target = fileURLToPath(new URL('../../../src/importer/action-model.ts', import.meta.url));
  const weights = Object.entries(model.weights)
    .map(([k, v]) => `    '${k}': ${v},`)
    .join('\n');
  writeFileSync(
    target,
    `import type { ActionModel } from './scoring.js';

/**
 * The weights of the action signals, fitted on all ${seeds().length} annotated plans
 * (${all.length} candidates, ${all.filter((e) => e.right).length} of them actions of the gold) by
 * \`npm run fit:import\`. Do not edit by hand: refit when recognizers or annotations change.
 */
export const DEFAULT_ACTION_MODEL: ActionModel = {
  bias: ${model.bias},
  threshold: ${model.threshold},
  weights: {
${weights}
  },
};
`,
  );
  console.log(`Fitted on ${all.length} candidates; wrote ${target}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
