import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { analyzeCompliance } from '../../src/domain/compliance/analyze.js';
import type { ComplianceReport, Finding } from '../../src/domain/compliance/model.js';
import type { PlanDocument } from '../../src/domain/model/interchange.js';
import { parsePlanDocument } from '../../src/catalog/parse-plan-document.js';
import { planDocument } from '../support/factories.js';

/**
 * Each kind of finding on a small hand-made plan: the factory's plan (a comune of 4,200
 * inhabitants, 2025–2027) with one change at a time, checked as on 1 June 2026.
 */
const catalog = loadCatalog();
const TODAY = '2026-06-01';

type Input = ReturnType<typeof planDocument>;
type ActionInput = Input['actions'][number] & Record<string, unknown>;

function plan(change: (doc: Input) => void = () => {}): PlanDocument {
  const doc = planDocument();
  change(doc);
  return parsePlanDocument(doc);
}

const action = (id: string, extra: Record<string, unknown>): ActionInput =>
  ({ id, priorityId: 'p1', title: `Azione ${id}`, ...extra }) as ActionInput;

const check = (doc: PlanDocument, today = TODAY) => analyzeCompliance(catalog, doc, today);

const findingsOf = (report: ComplianceReport, kind: Finding['kind'], code?: string) =>
  report.findings.filter((f) => f.kind === kind && (code === undefined || f.code === code));

const line = (report: ComplianceReport, code: string) => report.lines.find((l) => l.code === code);

describe('coverage of the lines that concern the organization', () => {
  it('reports an uncovered required line as blocking, with deadline and suggestion', () => {
    const [gap] = findingsOf(check(plan()), 'uncovered_line', 'CAP3.PA.17');
    expect(gap).toMatchObject({
      severity: 'blocking',
      deadline: '2025-06',
      deadlineKind: 'by',
      actionIds: [],
    });
    expect(gap?.message).toContain('scaduta a giugno 2025');
    expect(gap?.suggestion).toContain('CAP3.PA.17');
  });

  it('counts a line as covered once an active action links it', () => {
    const before = check(plan());
    const after = check(
      plan((d) =>
        d.actions.push(action('a3', { catalogRefs: ['CAP3.PA.17'], timing: 'entro giugno 2025' })),
      ),
    );
    expect(line(before, 'CAP3.PA.17')?.status).toBe('uncovered');
    expect(line(after, 'CAP3.PA.17')).toMatchObject({ status: 'covered', actionIds: ['a3'] });
    expect(findingsOf(after, 'uncovered_line', 'CAP3.PA.17')).toEqual([]);
    expect(after.summary.covered).toBe(before.summary.covered + 1);
  });

  it('lists optional lines left uncovered as information only', () => {
    const report = check(plan());
    expect(findingsOf(report, 'uncovered_line', 'CAP1.PA.01')).toEqual([]);
    expect(findingsOf(report, 'uncovered_line', 'CAP4.PA.08')[0]?.severity).toBe('info');
    expect(report.summary.optionalCovered).toBe(1);
  });

  it('leaves out lines due after the plan’s period and keeps standing ones', () => {
    const report = check(
      plan((d) => {
        d.plan.startYear = 2024;
        d.plan.endYear = 2024;
      }),
    );
    expect(line(report, 'CAP3.PA.09')).toBeDefined();
    expect(line(report, 'CAP3.PA.13')).toBeUndefined();
    expect(line(report, 'CAP4.PA.04')?.deadlineKind).toBe('standing');
  });

  it('applies population bands to comuni, and only when the population is known', () => {
    const at = (population: number | null) =>
      line(check(plan((d) => Object.assign(d.organization, { population }))), 'CAP5.PA.10');
    expect(at(8000)).toBeDefined();
    expect(at(4200)).toBeUndefined();
    expect(at(null)).toBeUndefined();
  });

  it('checks a different organization type against its own lines', () => {
    const report = check(plan((d) => Object.assign(d.organization, { type: 'provincia' })));
    expect(line(report, 'CAP4.PA.18')).toBeUndefined();
    expect(line(report, 'CAP1.PA.11')).toBeDefined();
  });

  it('gives coverage by chapter and by platform', () => {
    const report = check(
      plan((d) =>
        d.actions.push(
          action('a3', { catalogRefs: ['CAP4.PA.01'], timing: 'entro dicembre 2026' }),
        ),
      ),
    );
    const chapter4 = report.chapters.find((c) => c.number === 4);
    expect(chapter4?.covered).toBe(1);
    expect(chapter4?.percent).toBe(Math.round((1 / (chapter4?.required ?? 1)) * 1000) / 10);
    expect(report.platforms.find((p) => p.platform === 'pagoPA')).toMatchObject({
      adoption: 'adopted',
      required: 1,
      covered: 1,
      percent: 100,
    });
  });
});

describe('findings on the plan’s actions', () => {
  it('warns when the only actions on a line are suspended, and ignores cancelled ones', () => {
    const report = check(
      plan((d) => {
        d.actions.push(action('a3', { catalogRefs: ['CAP3.PA.18'], status: 'suspended' }));
        d.actions.push(action('a4', { catalogRefs: ['CAP3.PA.17'], status: 'cancelled' }));
      }),
    );
    expect(findingsOf(report, 'suspended_coverage', 'CAP3.PA.18')[0]).toMatchObject({
      severity: 'warning',
      actionIds: ['a3'],
    });
    expect(line(report, 'CAP3.PA.17')).toMatchObject({ status: 'uncovered', actionIds: [] });
  });

  it('warns when an action ends after the national deadline it serves', () => {
    const report = check(
      plan((d) =>
        d.actions.push(
          action('a3', { catalogRefs: ['CAP3.PA.18'], timing: 'entro dicembre 2026' }),
        ),
      ),
    );
    const [late] = findingsOf(report, 'late_action', 'CAP3.PA.18');
    expect(late).toMatchObject({ severity: 'warning', deadline: '2026-06', actionIds: ['a3'] });
    expect(late?.message).toContain('31/12/2026');
  });

  it('does not call late an action on time, completed, or recurring every year', () => {
    const report = check(
      plan((d) => {
        d.actions.push(action('a3', { catalogRefs: ['CAP3.PA.18'], timing: 'entro giugno 2026' }));
        d.actions.push(
          action('a4', {
            catalogRefs: ['CAP3.PA.17'],
            timing: 'entro dicembre 2026',
            status: 'completed',
            progress: 100,
          }),
        );
        d.actions.push(
          action('a5', { catalogRefs: ['CAP3.PA.13'], timing: 'entro il 31 marzo di ogni anno' }),
        );
      }),
    );
    expect(findingsOf(report, 'late_action')).toEqual([]);
  });

  it('notes an action whose timing gives no date for a dated line', () => {
    const report = check(
      plan((d) =>
        d.actions.push(
          action('a3', {
            catalogRefs: ['CAP4.PA.03'],
            timing: 'nei tempi previsti dal bando PNRR',
          }),
        ),
      ),
    );
    expect(findingsOf(report, 'undated_action', 'CAP4.PA.03')[0]).toMatchObject({
      severity: 'info',
      actionIds: ['a3'],
    });
  });

  it('notes links to lines of another edition', () => {
    const report = check(
      plan((d) => d.actions.push(action('a3', { catalogRefs: ['CAP3.PA.LA14'] }))),
    );
    expect(findingsOf(report, 'other_edition_ref', 'CAP3.PA.LA14')[0]?.severity).toBe('info');
  });
});

describe('findings on platforms', () => {
  const withPlatform = (platform: string, status: string) =>
    plan((d) => d.platforms.push({ id: 'pl2', platform, status } as never));

  it('blocks when a platform is not adopted after the date it was due', () => {
    const [f] = findingsOf(check(withPlatform('SPID', 'not_adopted')), 'platform_not_adopted');
    expect(f).toMatchObject({ severity: 'blocking', platform: 'SPID', deadline: '2021-02-28' });
    expect(f?.suggestion).toContain('SPID');
  });

  it('warns when adoption is still planned or in progress after that date', () => {
    const [f] = findingsOf(check(withPlatform('PDND', 'in_progress')), 'platform_late');
    expect(f).toMatchObject({ severity: 'warning', code: 'CAP3.PA.01', deadline: '2024-01-01' });
  });

  it('says nothing before the date, for adopted or not applicable platforms, or other types', () => {
    expect(findingsOf(check(withPlatform('SEND', 'not_adopted')), 'platform_not_adopted')).toEqual(
      [],
    );
    expect(
      findingsOf(check(withPlatform('SPID', 'not_applicable')), 'platform_not_adopted'),
    ).toEqual([]);
    expect(findingsOf(check(withPlatform('NoiPA', 'not_adopted')), 'platform_not_adopted')).toEqual(
      [],
    );
    const provincia = plan((d) => {
      Object.assign(d.organization, { type: 'provincia' });
      d.platforms.push({ id: 'pl2', platform: 'ANPR', status: 'not_adopted' } as never);
    });
    expect(findingsOf(check(provincia), 'platform_not_adopted')).toEqual([]);
  });
});

describe('edition used for the check', () => {
  it('follows the plan’s declared edition, else the newest one published by the end of its period', () => {
    const old = plan((d) => {
      d.plan.startYear = 2021;
      d.plan.endYear = 2023;
    });
    expect(check(old).edition.id).toBe('2020-2022');
    const declared = plan((d) => Object.assign(d.plan, { nationalEdition: '2020-2022' }));
    expect(check(declared).edition.id).toBe('2020-2022');
    expect(check(plan()).edition.id).toBe('2024-2026');
  });
});

describe('the demo plan', () => {
  const demo = parsePlanDocument(
    JSON.parse(readFileSync(new URL('../../data/demo/plan.json', import.meta.url), 'utf8')),
  );

  it('is substantially covered and still has real gaps', () => {
    const report = check(demo, '2025-11-23');
    expect(report.summary.required).toBeGreaterThan(50);
    expect(report.summary.percent).toBeGreaterThan(40);
    expect(report.summary.percent).toBeLessThan(95);
    expect(report.summary.blocking).toBeGreaterThan(0);
    expect(findingsOf(report, 'uncovered_line', 'CAP2.PA.02')[0]?.severity).toBe('blocking');
    expect(findingsOf(report, 'platform_late').map((f) => f.platform)).toContain('eIDAS');
  });
});
