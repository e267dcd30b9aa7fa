import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Db } from '../../src/storage/db.js';
import { publishedPlanSchema } from '../../src/domain/model/interchange.js';
import { PianoError } from '../../src/domain/errors.js';
import { exportPlanDocument } from '../../src/operations/export-plan-document.js';
import { parsePlanDocument } from '../../src/catalog/parse-plan-document.js';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { openTestDb } from '../support/db.js';
import { planDocument } from '../support/factories.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const actor = { userId: null, name: 'test' };
const demoFile = new URL('../../data/demo/plan.json', import.meta.url);
const readDemo = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(demoFile, 'utf8'));

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

async function loadAndExport(input: unknown) {
  const ids = await loadPlanDocument({ db, actor, input });
  return { ids, doc: await exportPlanDocument({ db, ...ids }) };
}

describe('Plan Interchange Format round trip', () => {
  it('load → export → load → export gives identical JSON for the demo plan', async () => {
    const first = await loadAndExport(await readDemo());
    const second = await loadAndExport(structuredClone(first.doc));
    expect(second.ids.planId).not.toBe(first.ids.planId);
    expect(JSON.stringify(second.doc)).toBe(JSON.stringify(first.doc));
  });

  it('keeps every action, micro-action, measurement and spending amount of the file', async () => {
    const demo = await readDemo();
    const { doc } = await loadAndExport(structuredClone(demo));
    const input = demo as {
      actions: { title: string; microActions?: unknown[] }[];
      spending: { amount: number }[];
    };
    expect(doc.actions.map((a) => a.title)).toEqual(input.actions.map((a) => a.title));
    expect(doc.actions.flatMap((a) => a.microActions)).toHaveLength(
      input.actions.reduce((n, a) => n + (a.microActions?.length ?? 0), 0),
    );
    expect(doc.spending.map((s) => s.amount)).toEqual(input.spending.map((s) => s.amount));
  });

  it('interprets timings given as words and keeps the words', async () => {
    const { doc } = await loadAndExport(planDocument());
    const action = doc.actions.find((a) => a.id === 'a1');
    expect(action?.timing).toMatchObject({
      text: 'entro il 31 dicembre 2025',
      kind: 'by',
      due: '2025-12-31',
      years: [2025],
    });
    expect(doc.actions.find((a) => a.id === 'a2')?.timing).toMatchObject({
      kind: 'period',
      years: [2025, 2026],
    });
  });

  it('stores money exactly (euros with two decimals, kept as integer cents)', async () => {
    const input = planDocument();
    input.spending[0]!.amount = 0.29;
    const doc = (await loadAndExport(input)).doc;
    expect(doc.spending[0]?.amount).toBe(0.29);
    const rows = await db.query<{ cents: number }>(
      `SELECT amount_cents AS cents FROM spending_items WHERE plan_id = $1`,
      [(await loadPlanDocument({ db, actor, input: doc })).planId],
    );
    expect(rows[0]?.cents).toBe(29);
  });
});

describe('loading is all or nothing', () => {
  it('stores nothing when a late part refers to a missing action', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
    const input = planDocument();
    (input.spending[0] as { actionId: string }).actionId = 'missing';
    await expect(loadPlanDocument({ db, actor, input })).rejects.toThrow(PianoError);
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});

describe('validation of plan files', () => {
  const problemsOf = (input: unknown) => {
    try {
      parsePlanDocument(input);
    } catch (error) {
      return (error as PianoError).problems;
    }
    throw new Error('the document was accepted');
  };

  it('points at each broken field with an Italian message', () => {
    const input = planDocument() as Record<string, unknown> & { plan: Record<string, unknown> };
    input.plan.startYear = 'duemila';
    input.foo = 1;
    const problems = problemsOf(input);
    expect(problems).toContainEqual({
      field: '/plan/startYear',
      message: 'deve essere di tipo numero intero',
    });
    expect(problems).toContainEqual({ field: '/foo', message: 'non è un campo previsto' });
  });

  it('rejects references to parts that do not exist and duplicate ids', () => {
    const input = planDocument();
    input.actions[1]!.priorityId = 'p9';
    input.actions[1]!.id = 'a1';
    const problems = problemsOf(input);
    expect(problems).toContainEqual({
      field: '/actions/1/priorityId',
      message: 'rimanda a una priorità "p9" inesistente',
    });
    expect(problems.map((p) => p.field)).toContain('/actions/1/id');
  });

  it('rejects a plan whose end year precedes its start year', () => {
    const input = planDocument();
    input.plan.endYear = 2020;
    expect(problemsOf(input).map((p) => p.field)).toContain('/plan/endYear');
  });

  it('rejects amounts with more than two decimals and malformed CUP codes', () => {
    const input = planDocument();
    input.spending[0]!.amount = 10.005;
    input.spending[0]!.cup = 'abc';
    const fields = problemsOf(input).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['/spending/0/amount', '/spending/0/cup']));
  });
});

describe('the published JSON Schema', () => {
  const schemaFile = new URL('../../schema/piano-plan-v1.schema.json', import.meta.url);

  it('is the committed file, regenerated from the model (npm run schema)', async () => {
    const committed = JSON.parse(await readFile(schemaFile, 'utf8'));
    expect(committed).toEqual(publishedPlanSchema());
  });

  it('validates the demo plan and its export with an independent validator', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(schemaFile, 'utf8')));
    const demo = await readDemo();
    expect(validate(demo), JSON.stringify(validate.errors)).toBe(true);
    const { doc } = await loadAndExport(demo);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const broken = { ...doc, actions: [{ ...doc.actions[0], progress: 140 }] };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/actions/0/progress');
  });
});

describe('units of an organization', () => {
  it('rejects a unit that is, through its parents, its own parent', () => {
    const input = planDocument();
    input.organization.units[0] = { ...input.organization.units[0]!, parentId: 'u-tec' } as never;
    input.organization.units[1] = { ...input.organization.units[1]!, parentId: 'u-dem' } as never;
    expect(() => parsePlanDocument(input)).toThrow(/ciclo/);
  });
});
