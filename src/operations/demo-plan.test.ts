import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { PianoError } from '../domain/errors.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import { PLATFORMS } from '../domain/model/platform.js';
import { parsePlanDocument } from '../catalog/parse-plan-document.js';

/**
 * data/demo/plan.json is the demo plan: the fictional Comune di Valdimonte, 2025–2027. These
 * tests validate it exactly as `piano load` would and pin down what the demo promises, so a
 * careless edit of the file cannot silently empty a screen.
 */
const DEMO = new URL('../../data/demo/plan.json', import.meta.url);

let doc: PlanDocument;

beforeAll(async () => {
  const raw: unknown = JSON.parse(await readFile(DEMO, 'utf8'));
  try {
    doc = parsePlanDocument(raw);
  } catch (error) {
    // Surface every field pointer, not just the first line of the message.
    if (error instanceof PianoError) {
      throw new Error(
        `demo plan invalid:\n${error.problems.map((p) => `${p.field} ${p.message}`).join('\n')}`,
        { cause: error },
      );
    }
    throw error;
  }
});

type Timing = NonNullable<PlanDocument['actions'][number]['timing']>;

const timings = (): Timing[] =>
  doc.actions
    .flatMap((a) => [a.timing, ...a.microActions.map((m) => m.timing)])
    .filter((t): t is Timing => t !== null);

describe('demo plan (data/demo/plan.json)', () => {
  it('passes schema validation and reference checks of the interchange format', () => {
    expect(doc.format).toBe('piano-plan');
    expect(doc.version).toBe(1);
    expect(doc.organization.type).toBe('comune');
    expect(doc.plan.startYear).toBe(2025);
    expect(doc.plan.endYear).toBe(2027);
    expect(doc.plan.status).toBe('published');
  });

  it('has exactly six priorities, each with state of the art and national chapters', () => {
    expect(doc.priorities).toHaveLength(6);
    for (const p of doc.priorities) {
      expect(p.stateOfTheArt).toBeTruthy();
      expect(p.nationalChapters.length).toBeGreaterThan(0);
    }
  });

  it('has at least 40 actions, every one in a known priority', () => {
    expect(doc.actions.length).toBeGreaterThanOrEqual(40);
    const priorityIds = new Set(doc.priorities.map((p) => p.id));
    for (const a of doc.actions) expect(priorityIds.has(a.priorityId)).toBe(true);
  });

  it('mixes planned, in-progress, completed and suspended actions, progress matching status', () => {
    const statuses = new Set(doc.actions.map((a) => a.status));
    for (const s of ['planned', 'in_progress', 'completed', 'suspended'] as const) {
      expect(statuses).toContain(s);
    }
    for (const a of doc.actions) {
      if (a.status === 'completed') expect(a.progress).toBe(100);
      if (a.status === 'planned') expect(a.progress).toBe(0);
    }
  });

  it('has micro-actions in about ten actions', () => {
    const withMicro = doc.actions.filter((a) => a.microActions.length > 0);
    expect(withMicro.length).toBeGreaterThanOrEqual(8);
  });

  it('spreads timings over at least six distinct kinds', () => {
    const kinds = new Set(timings().map((t) => t.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(6);
  });

  it('keeps at least one timing unresolved rather than guessing a date', () => {
    const unresolved = timings().filter((t) => t.kind === 'unresolved');
    expect(unresolved.length).toBeGreaterThanOrEqual(1);
    for (const t of unresolved) {
      expect(t.resolved).toBe(false);
      expect(t.due).toBeNull();
    }
  });

  it('has at least one yearly recurring timing', () => {
    const recurring = timings().filter((t) => t.kind === 'recurring');
    expect(recurring.length).toBeGreaterThanOrEqual(1);
    expect(recurring[0]?.recurrence?.frequency).toBe('yearly');
  });

  it('links actions to real national catalog lines and PNRR measures', () => {
    expect(doc.actions.some((a) => a.catalogRefs.some((c) => /^CAP\d\.PA\.\d+$/.test(c)))).toBe(
      true,
    );
    expect(doc.actions.some((a) => a.pnrrMeasures.includes('1.4.1'))).toBe(true);
  });

  it('has baseline items with numeric values and a reference date', () => {
    expect(doc.baseline.length).toBeGreaterThanOrEqual(12);
    for (const b of doc.baseline) {
      expect(typeof b.value).toBe('number');
      expect(b.referenceDate).toBe('2024-12-31');
    }
  });

  it('has indicators with targets and dated measurements', () => {
    expect(doc.indicators.length).toBeGreaterThanOrEqual(12);
    const measured = doc.indicators.filter((i) => i.measurements.length > 0);
    expect(measured.length).toBeGreaterThanOrEqual(doc.indicators.length / 2);
    expect(doc.indicators.some((i) => i.targets.some((t) => t.kind === 'relative_percent'))).toBe(
      true,
    );
  });

  it('has spending on PNRR measures with CUP codes and on the comune’s own budget', () => {
    const pnrr = doc.spending.filter((s) => s.pnrrMeasure !== null);
    const measures = new Set(pnrr.map((s) => s.pnrrMeasure));
    for (const m of ['1.2', '1.3.1', '1.4.1', '1.4.3', '1.4.4', '1.4.5']) {
      expect(measures).toContain(m);
    }
    expect(pnrr.filter((s) => s.cup !== null).length).toBeGreaterThanOrEqual(6);
    expect(doc.spending.some((s) => s.fundingSource === 'Bilancio comunale')).toBe(true);
  });

  it('records adoption of all 16 national platforms, with at least one not adopted', () => {
    const names = doc.platforms.map((p) => p.platform).sort();
    expect(names).toEqual([...PLATFORMS].sort());
    expect(doc.platforms.some((p) => p.status === 'not_adopted')).toBe(true);
  });

  it('gives the demo editors of "serv-dem" and "tecnico" at least six actions each', () => {
    for (const unit of ['serv-dem', 'tecnico']) {
      const owned = doc.actions.filter((a) => a.ownerUnitIds.includes(unit));
      expect(owned.length, unit).toBeGreaterThanOrEqual(6);
    }
  });
});
