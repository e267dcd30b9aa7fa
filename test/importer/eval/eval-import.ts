/**
 * `npm run eval:import`: imports each annotated plan and compares the draft with its gold
 * annotation (see evaluate.ts for how titles, responsibles and due dates are compared).
 *
 * What is tuned — the weights of the action signals (src/importer/scoring.ts) — is fitted twice
 * per plan: on all annotated plans (in-sample, as the shipped model is) and on all plans but the
 * one scored (leave-one-out: the figure that predicts plans never seen). Prints both tables,
 * the calibration of the confidence (of the actions at 0.8 or more, how many are right), then
 * the details of what the leave-one-out drafts missed; `--details` prints every mismatch.
 */
import { parsePlanDocument } from '../../../src/operations/load-plan-document.js';
import type { ActionModel, Example } from '../../../src/importer/scoring.js';
import { evaluate, matchTitles, TITLE_MATCH, type Evaluation } from './evaluate.js';
import { examplesOf, fit, importSeed } from './fit-action-model.js';
import { seeds, type Seed } from './seeds.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Calibration {
  high: number;
  highRight: number;
}

async function scoreWith(
  seed: Seed,
  model: ActionModel,
  calibration: Calibration,
): Promise<Evaluation> {
  const result = await importSeed(seed, model);
  const doc = parsePlanDocument(result.document);
  const pairs = matchTitles(
    seed.gold.actions.map((g) => [g.title, ...(g.aliases ?? [])]),
    doc.actions.map((a) => a.title),
  );
  const right = new Set(pairs.map(([, e]) => e));
  doc.actions.forEach((_, i) => {
    const p = result.provenance.find((x) => x.pointer === `/actions/${i}`);
    if ((p?.confidence ?? 0) >= 0.8) {
      calibration.high += 1;
      if (right.has(i)) calibration.highRight += 1;
    }
  });
  return evaluate(doc, seed.gold);
}

async function main() {
  const details = process.argv.includes('--details');
  const all = seeds();
  const examples: Example[][] = [];
  for (const seed of all) examples.push(await examplesOf(seed));
  const everything = fit(examples.flat());
  const inSample: Evaluation[] = [];
  const loo: Evaluation[] = [];
  const calIn: Calibration = { high: 0, highRight: 0 };
  const calLoo: Calibration = { high: 0, highRight: 0 };
  for (const [k, seed] of all.entries()) {
    inSample.push(await scoreWith(seed, everything, calIn));
    const others = fit(examples.filter((_, j) => j !== k).flat());
    loo.push(await scoreWith(seed, others, calLoo));
  }
  console.log(
    `Importer evaluation on ${all.length} annotated plans (title match: similarity ≥ ${TITLE_MATCH})`,
  );
  printTable('In-sample (weights fitted on all plans)', inSample);
  printTable('Leave-one-out (weights fitted on the other plans)', loo);
  console.log('\nCalibration: of the actions with confidence ≥ 0.8, how many are right');
  for (const [name, c] of [
    ['in-sample', calIn],
    ['leave-one-out', calLoo],
  ] as const) {
    console.log(
      `  ${name}: ${c.highRight}/${c.high} = ${pct(c.high ? c.highRight / c.high : 1)} (aim ≥ 80%)`,
    );
  }
  const results = loo;
  const aims = results.every(
    (r) =>
      r.precision >= 0.85 &&
      r.recall >= 0.85 &&
      r.dueRight >= 0.9 &&
      r.responsiblesRight >= 0.8 &&
      r.spendingFound === r.spendingTotal,
  );
  console.log(
    `\nAims, leave-one-out (precision and recall ≥ 85%, due dates ≥ 90% and responsibles ≥ 80% of the matched, every amount): ${aims ? 'met' : 'NOT met'}`,
  );
  console.log('\nWhat the leave-one-out drafts got wrong:');
  for (const r of results) {
    if (r.missed.length)
      console.log(`\n${r.seed} missed: ${r.missed.map((t) => `"${t}"`).join('; ')}`);
    if (r.spurious.length)
      console.log(
        `${r.seed} not in gold: ${r.spurious.map((t) => `"${t.slice(0, 80)}"`).join('; ')}`,
      );
    const shown = details ? r.mismatches : r.mismatches.filter((m) => m.what === 'due');
    for (const m of shown) {
      console.log(
        `${r.seed} ${m.what} of "${m.gold.slice(0, 60)}": expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`,
      );
    }
  }
}

function printTable(title: string, results: Evaluation[]) {
  console.log(`\n${title}\n`);
  const header = [
    'plan',
    'gold',
    'found',
    'matched',
    'precision',
    'recall',
    'responsibles ok',
    'due ok',
    'spending',
    'priorities',
    'baseline',
    'platforms',
  ];
  const rows = results.map((r) => [
    r.seed,
    String(r.gold),
    String(r.extracted),
    String(r.matched),
    pct(r.precision),
    pct(r.recall),
    pct(r.responsiblesRight),
    pct(r.dueRight),
    `${r.spendingFound}/${r.spendingTotal}`,
    `${r.prioritiesFound}/${r.prioritiesTotal}`,
    `${r.baselineFound}/${r.baselineTotal}`,
    `${r.platformsFound}/${r.platformsTotal}`,
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k] ?? 0)).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

await main();
