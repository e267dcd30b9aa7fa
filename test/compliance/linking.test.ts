import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PianoError } from '../../src/domain/errors.js';
import { parsePlanDocument } from '../../src/catalog/parse-plan-document.js';
import { planDocument } from '../support/factories.js';

/** Loading a plan refuses links to codes the national catalog does not hold. */
function problemsOf(change: (doc: ReturnType<typeof planDocument>) => void) {
  const doc = planDocument();
  change(doc);
  try {
    parsePlanDocument(doc);
    return [];
  } catch (error) {
    if (!(error instanceof PianoError)) throw error;
    return error.problems;
  }
}

describe('links from a plan to the national catalog', () => {
  it('accept the codes the catalog holds: lines, results, objectives, older editions', () => {
    expect(
      problemsOf((d) => {
        const a = d.actions[0] as { catalogRefs: string[] };
        a.catalogRefs = ['CAP1.PA.01', 'RA3.2.2', '3.2', 'CAP6.PA.LA01', 'OB.6.1', 'R.A.3.2b'];
      }),
    ).toEqual([]);
  });

  it('refuse an unknown catalog code, naming the field', () => {
    const problems = problemsOf((d) => {
      (d.actions[0] as { catalogRefs: string[] }).catalogRefs = ['CAP1.PA.01', 'CAP4.PA.99'];
    });
    expect(problems).toEqual([
      { field: '/actions/0/catalogRefs/1', message: expect.stringContaining('"CAP4.PA.99"') },
    ]);
  });

  it('refuse unknown PNRR measures on actions and on spending items', () => {
    const problems = problemsOf((d) => {
      (d.actions[1] as { pnrrMeasures?: string[] }).pnrrMeasures = ['1.9.9'];
      (d.spending[0] as { pnrrMeasure: string }).pnrrMeasure = '2.1';
    });
    expect(problems.map((p) => p.field)).toEqual([
      '/actions/1/pnrrMeasures/0',
      '/spending/0/pnrrMeasure',
    ]);
    expect(problems[0]?.message).toMatch(/misura "1\.9\.9" non è tra le misure PNRR/);
  });

  it('keep the demo plan valid: it links only real codes', () => {
    const demo = JSON.parse(
      readFileSync(new URL('../../data/demo/plan.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(() => parsePlanDocument(demo)).not.toThrow();
  });
});
