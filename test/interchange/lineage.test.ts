import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/domain/model/interchange.js';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { exportPlanDocument } from '../../src/operations/export-plan-document.js';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { startPlanRevision } from '../../src/operations/start-plan-revision.js';
import type { Db } from '../../src/storage/db.js';
import { openTestDb } from '../support/db.js';

const actor = { userId: null, name: 'test' };
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db.close());

const lineage = (d: PlanDocument) => ({
  seriesId: d.plan.seriesId,
  actions: d.actions.map((a) => [a.id, a.lineageId]),
  indicators: d.indicators.map((i) => [i.id, i.lineageId]),
  spending: d.spending.map((s) => [s.id, s.lineageId]),
});

describe('revision lineage in the interchange format', () => {
  it('loads a v1 file without lineage fields, giving every part one', async () => {
    const demo = JSON.parse(await readFile('data/demo/plan.json', 'utf8'));
    expect(JSON.stringify(demo)).not.toContain('lineageId');
    const ids = await loadPlanDocument({ db, actor, input: demo });
    const doc = await exportPlanDocument({ db, ...ids });
    expect(doc.plan.seriesId).toBe(ids.planId);
    expect(doc.actions.every((a) => typeof a.lineageId === 'string')).toBe(true);
  });

  it('keeps a revision’s lineage through export and load, losslessly', async () => {
    const demo = JSON.parse(await readFile('data/demo/plan.json', 'utf8'));
    demo.organization.ipaCode = 'c_lineage';
    const first = await loadPlanDocument({ db, actor, input: demo });
    const { planId } = await startPlanRevision({
      db,
      principal: COMMAND_LINE,
      planId: first.planId,
      period: 'next_year',
      completed: 'carry',
    });
    const source = await exportPlanDocument({ db, ...first });
    const revision = await exportPlanDocument({ db, organizationId: first.organizationId, planId });
    expect(lineage(revision)).toEqual(lineage(source));

    const reloaded = await loadPlanDocument({ db, actor, input: structuredClone(revision) });
    const again = await exportPlanDocument({ db, ...reloaded });
    expect(JSON.stringify(again)).toBe(JSON.stringify(revision));
  });
});
