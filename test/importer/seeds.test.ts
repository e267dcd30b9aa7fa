import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlanFile, type ImportResult } from '../../src/importer/import-plan.js';
import { parsePlanDocument } from '../../src/operations/load-plan-document.js';
import { evaluate } from './eval/evaluate.js';
import { seeds, SEEDS_DIR } from './eval/seeds.js';

/**
 * The three real plans in ../shared/seeds (read from there, never copied) against their gold
 * annotations in gold/: the aims of the importer are asserted here so a regression fails CI.
 */
describe('importing the seed plans', () => {
  it('reads the seeds from ../shared/seeds', () => {
    expect(SEEDS_DIR.pathname.endsWith('/shared/seeds/')).toBe(true);
    for (const seed of seeds()) expect(existsSync(seed.path), seed.path).toBe(true);
    expect(seeds().filter((s) => s.collection === 'seeds')).toHaveLength(3);
  });

  for (const seed of seeds().filter((s) => s.collection === 'seeds')) {
    describe(seed.name, () => {
      let result: ImportResult;
      const draft = async () =>
        (result ??= await importPlanFile(new Uint8Array(readFileSync(seed.path)), {
          fileName: basename(seed.path),
        }));

      it('meets the aims: precision and recall ≥ 0.9, due dates ≥ 0.95, every amount', async () => {
        const scores = evaluate(parsePlanDocument((await draft()).document), seed.gold);
        expect(
          scores.precision,
          `not in gold: ${scores.spurious.join(' | ')}`,
        ).toBeGreaterThanOrEqual(0.9);
        expect(scores.recall, `missed: ${scores.missed.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
        expect(scores.dueRight, JSON.stringify(scores.mismatches)).toBeGreaterThanOrEqual(0.95);
        expect(scores.spendingFound).toBe(scores.spendingTotal);
        expect(scores.prioritiesFound).toBe(scores.prioritiesTotal);
      });

      it('finds the ente and the plan period', async () => {
        const { document } = await draft();
        expect(document.organization.name).toBe(seed.gold.organization);
        expect([document.plan.startYear, document.plan.endYear]).toEqual([
          seed.gold.period.startYear,
          seed.gold.period.endYear,
        ]);
        expect(document.plan.status).toBe('draft');
      });

      it('gives every item a source pointer and a confidence', async () => {
        const { document, provenance } = await draft();
        const pointers = new Set(provenance.map((p) => p.pointer));
        document.actions.forEach((a, i) => {
          expect(pointers.has(`/actions/${i}`)).toBe(true);
          a.microActions.forEach((_, k) =>
            expect(pointers.has(`/actions/${i}/microActions/${k}`)).toBe(true),
          );
        });
        document.spending.forEach((_, i) => expect(pointers.has(`/spending/${i}`)).toBe(true));
        for (const p of provenance) {
          expect(p.confidence).toBeGreaterThan(0);
          expect(p.confidence).toBeLessThanOrEqual(1);
          expect(p.source.line).toBeGreaterThan(0);
        }
        const lines = readFileSync(seed.path, 'utf8').split('\n');
        document.actions.forEach((a, i) => {
          const source = provenance.find((p) => p.pointer === `/actions/${i}`)?.source;
          const line = lines[(source?.line ?? 0) - 1] ?? '';
          // The pointer lands on the line the action's title (or its first words) came from.
          expect(line.replace(/[*_#\s]/g, '')).toContain(
            a.title.slice(0, 12).replace(/[*_#\s]/g, ''),
          );
        });
      });

      it('keeps timings as the plan’s words and national catalog codes out of the draft', async () => {
        const { document } = await draft();
        for (const a of document.actions) {
          expect(a.timing === null || typeof a.timing === 'string').toBe(true);
          expect(a.catalogRefs).toEqual([]);
        }
      });
    });
  }
});
