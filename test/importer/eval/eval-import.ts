/**
 * `npm run eval:import`: imports each seed plan and compares the draft with its gold annotation
 * (see evaluate.ts for how titles, responsibles and due dates are compared). Prints one table,
 * then the details of what was missed; `--details` prints every mismatch.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importPlanFile } from '../../../src/importer/import-plan.js';
import { parsePlanDocument } from '../../../src/operations/load-plan-document.js';
import { evaluate, TITLE_MATCH, type Evaluation } from './evaluate.js';
import { seeds } from './seeds.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main() {
  const details = process.argv.includes('--details');
  const results: Evaluation[] = [];
  for (const seed of seeds()) {
    const result = await importPlanFile(new Uint8Array(readFileSync(seed.path)), {
      fileName: basename(seed.path),
    });
    results.push(evaluate(parsePlanDocument(result.document), seed.gold));
  }
  console.log(
    `Importer evaluation on ${results.length} seed plans (title match: similarity ≥ ${TITLE_MATCH})\n`,
  );
  const header = [
    'seed',
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
  const aims = results.every(
    (r) =>
      r.precision >= 0.9 &&
      r.recall >= 0.9 &&
      r.dueRight >= 0.95 &&
      r.spendingFound === r.spendingTotal,
  );
  console.log(
    `\nAims (precision and recall ≥ 90%, due dates ≥ 95%, every amount): ${aims ? 'met' : 'NOT met'}`,
  );
}

await main();
