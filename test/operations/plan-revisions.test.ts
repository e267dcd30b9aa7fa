import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/domain/model/interchange.js';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { diffPlanRevisions } from '../../src/operations/diff-plan-revisions.js';
import { exportPlanDocument } from '../../src/operations/export-plan-document.js';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { readPlan } from '../../src/operations/read-plan.js';
import { startPlanRevision } from '../../src/operations/start-plan-revision.js';
import { takeLifecycleStep } from '../../src/operations/take-lifecycle-step.js';
import type { Db } from '../../src/storage/db.js';
import { planRevisionNote } from '../../src/storage/plans.js';
import { openTestDb } from '../support/db.js';
import { moveRemoveAdd } from '../support/revisions.js';

const principal = COMMAND_LINE;
let db: Db;
let demo: { organizationId: string; planId: string };
let revision: string;

beforeAll(async () => {
  db = await openTestDb();
  const input = JSON.parse(await readFile('data/demo/plan.json', 'utf8'));
  demo = await loadPlanDocument({ db, actor: { userId: null, name: 'test' }, input });
  revision = (
    await startPlanRevision({
      db,
      principal,
      planId: demo.planId,
      period: 'same',
      revisionLabel: 'Aggiornamento 2026',
      completed: 'carry',
    })
  ).planId;
});
afterAll(async () => db.close());

const docOf = (planId: string) =>
  exportPlanDocument({ db, organizationId: demo.organizationId, planId });

describe('a new revision of the demo plan', () => {
  it('is a draft of the same series, naming the revision it came from', async () => {
    const [source, next] = await Promise.all([
      readPlan({ db, principal, planId: demo.planId }),
      readPlan({ db, principal, planId: revision }),
    ]);
    expect(next).toMatchObject({
      status: 'draft',
      approval: null,
      seriesId: source.seriesId,
      previousPlanId: source.id,
      revisionLabel: 'Aggiornamento 2026',
      startYear: source.startYear,
      endYear: source.endYear,
    });
  });

  it('keeps every action’s, indicator’s and spending item’s lineage id', async () => {
    const [a, b] = await Promise.all([docOf(demo.planId), docOf(revision)]);
    const lineages = (d: PlanDocument) => ({
      actions: d.actions.map((x) => x.lineageId),
      indicators: d.indicators.map((x) => x.lineageId),
      spending: d.spending.map((x) => x.lineageId),
    });
    expect(lineages(b)).toEqual(lineages(a));
    expect(a.actions).toHaveLength(49);
  });

  it('differs from its source in nothing, and the demo plan from itself in nothing', async () => {
    expect(
      (await diffPlanRevisions({ db, principal, planId: demo.planId, otherId: revision })).empty,
    ).toBe(true);
    const self = await diffPlanRevisions({
      db,
      principal,
      planId: demo.planId,
      otherId: demo.planId,
    });
    expect(self).toMatchObject({
      empty: true,
      actions: { added: [], removed: [], changed: [] },
      deadlinesMoved: [],
      targetsChanged: [],
      spendingBySource: [],
      platformsChanged: [],
    });
  });

  it('lists exactly a moved deadline, a removed action and an added one', async () => {
    await moveRemoveAdd(db, revision, 'Nuovo servizio di prenotazione online');

    const diff = await diffPlanRevisions({ db, principal, planId: demo.planId, otherId: revision });
    expect(diff.empty).toBe(false);
    expect(diff.actions.added.map((a) => a.id)).toEqual(['a-nuova']);
    expect(diff.actions.removed.map((a) => a.id)).toEqual(['a1.4']);
    expect(diff.actions.changed.map((a) => [a.id, a.fields.map((f) => f.field)])).toEqual([
      ['a1.1', ['timing']],
    ]);
    expect(diff.deadlinesMoved).toEqual([
      expect.objectContaining({ id: 'a1.1', from: '2025-12-31', to: '2026-06-30' }),
    ]);
    expect(diff.targetsChanged).toEqual([]);
    expect(diff.spendingBySource).toEqual([]);
    expect(diff.platformsChanged).toEqual([]);
  });

  it('supersedes the published demo plan once the revision is published', async () => {
    const signed = { fileName: 'delibera.pdf', content: Buffer.from('%PDF-1.7\n%%EOF\n') };
    const act = { organ: 'Giunta comunale', number: '12', date: '2026-02-10' };
    for (const step of ['propose', 'approve', 'publish'] as const) {
      const { version } = await readPlan({ db, principal, planId: revision });
      await takeLifecycleStep({
        db,
        principal,
        planId: revision,
        step,
        version,
        act,
        file: signed,
      });
    }
    expect((await readPlan({ db, principal, planId: revision })).status).toBe('published');
    expect((await readPlan({ db, principal, planId: demo.planId })).status).toBe('superseded');
  });
});

describe('a revision moved one year on, leaving completed actions out', () => {
  it('moves the period and records which completed actions it left out', async () => {
    const source = await docOf(demo.planId);
    const completed = source.actions.filter((a) => a.status === 'completed');
    expect(completed.length).toBeGreaterThan(0);
    const { planId } = await startPlanRevision({
      db,
      principal,
      planId: demo.planId,
      period: 'next_year',
      completed: 'leave',
    });
    const next = await docOf(planId);
    expect([next.plan.startYear, next.plan.endYear]).toEqual([
      source.plan.startYear + 1,
      source.plan.endYear + 1,
    ]);
    expect(next.plan.revisionLabel).toBe(`Aggiornamento ${source.plan.startYear + 1}`);
    expect(next.actions).toHaveLength(source.actions.length - completed.length);
    const note = (await planRevisionNote(db, planId)) as { leftOut: { id: string }[] };
    expect(note.leftOut.map((a) => a.id)).toEqual(completed.map((a) => a.id));
    const diff = await diffPlanRevisions({ db, principal, planId: demo.planId, otherId: planId });
    expect(diff.actions.removed.map((a) => a.id)).toEqual(completed.map((a) => a.id));
  });
});
