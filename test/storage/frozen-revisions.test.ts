import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Db } from '../../src/storage/db.js';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { openTestDb } from '../support/db.js';
import { seedPlan } from '../support/factories.js';

let db: Db;
let approved: { organizationId: string; planId: string };
let published: { organizationId: string; planId: string };
let draft: { organizationId: string; planId: string };

beforeAll(async () => {
  db = await openTestDb();
  approved = await seedPlan(db, { status: 'approved' });
  published = await seedPlan(db, { status: 'published' });
  draft = await seedPlan(db, { status: 'draft' });
});
afterAll(async () => db.close());

/** The database's own refusal of a change to a frozen revision (SQLSTATE PN409). */
const refused = (sql: string, params: unknown[]) =>
  expect(db.query(sql, params)).rejects.toMatchObject({ code: 'PN409' });

describe('an approved or published revision is frozen by the database itself', () => {
  it('refuses a raw UPDATE of an approved revision’s content', async () => {
    await refused(`UPDATE actions SET title = 'Altro' WHERE plan_id = $1`, [approved.planId]);
    await refused(`UPDATE actions SET timing = NULL WHERE plan_id = $1`, [approved.planId]);
    await refused(`UPDATE indicators SET targets = '[]' WHERE plan_id = $1`, [approved.planId]);
    await refused(`UPDATE spending_items SET amount_cents = 1 WHERE plan_id = $1`, [
      approved.planId,
    ]);
    await refused(`UPDATE priorities SET title = 'Altro' WHERE plan_id = $1`, [approved.planId]);
    await refused(`UPDATE plans SET title = 'Altro' WHERE id = $1`, [approved.planId]);
  });

  it('refuses INSERT and DELETE of a published revision’s parts, and deleting the plan', async () => {
    await refused(
      `INSERT INTO sections (organization_id, plan_id, key, kind, title, body, position)
       VALUES ($1, $2, 'nuova', 'other', 'Nuova', 'testo', 99)`,
      [published.organizationId, published.planId],
    );
    await refused(`DELETE FROM micro_actions WHERE plan_id = $1`, [published.planId]);
    await refused(`DELETE FROM actions WHERE plan_id = $1`, [published.planId]);
    await refused(`DELETE FROM plans WHERE id = $1`, [published.planId]);
  });

  it('refuses moving a frozen revision back to draft or proposed', async () => {
    await refused(`UPDATE plans SET status = 'draft' WHERE id = $1`, [published.planId]);
    await refused(`UPDATE plans SET status = 'proposed' WHERE id = $1`, [approved.planId]);
  });

  it('lets monitoring go on: action status and progress, measurements, spending status', async () => {
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      `WITH changed AS (UPDATE actions SET status = 'completed', progress = 100,
         version = version + 1 WHERE plan_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM changed`,
      [published.planId],
    );
    expect(n).toBeGreaterThan(0);
    await db.query(`UPDATE spending_items SET status = 'paid' WHERE plan_id = $1`, [
      published.planId,
    ]);
    await db.query(
      `INSERT INTO measurements (organization_id, plan_id, key, indicator_key, date, value, position)
       SELECT organization_id, plan_id, 'm-nuova', key, '2026-01-31', 7, 99
       FROM indicators WHERE plan_id = $1 LIMIT 1`,
      [published.planId],
    );
    await db.query(`DELETE FROM measurements WHERE plan_id = $1 AND key = 'm-nuova'`, [
      published.planId,
    ]);
  });

  it('lets the plan move on from published to superseded, counters included', async () => {
    const other = await seedPlan(db, { status: 'published' });
    await db.query(
      `UPDATE plans SET status = 'superseded', version = version + 1, revision = revision + 1
       WHERE id = $1`,
      [other.planId],
    );
    await refused(`UPDATE actions SET title = 'Dopo' WHERE plan_id = $1`, [other.planId]);
  });

  it('leaves drafts free, and deletes a draft with all its parts', async () => {
    await db.query(`UPDATE actions SET title = 'Nuovo titolo' WHERE plan_id = $1`, [draft.planId]);
    await db.query(`DELETE FROM plans WHERE id = $1`, [draft.planId]);
    const rows = await db.query(`SELECT 1 FROM actions WHERE plan_id = $1`, [draft.planId]);
    expect(rows).toEqual([]);
  });

  it('still loads a published plan from a file, the demo plan included', async () => {
    const demo = JSON.parse(await readFile('data/demo/plan.json', 'utf8'));
    demo.organization.ipaCode = 'c_frozen';
    const { planId } = await loadPlanDocument({
      db,
      actor: { userId: null, name: 'test' },
      input: demo,
    });
    const [plan] = await db.query<{ status: string; version: number }>(
      'SELECT status, version FROM plans WHERE id = $1',
      [planId],
    );
    expect(plan).toEqual({ status: 'published', version: 1 });
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM actions WHERE plan_id = $1',
      [planId],
    );
    expect(n).toBe(49);
  });

  it('gives every action, indicator and spending item a lineage id', async () => {
    for (const table of ['actions', 'indicators', 'spending_items']) {
      const rows = await db.query<{ lineage: string | null }>(
        `SELECT lineage_id AS lineage FROM ${table} WHERE plan_id = $1`,
        [published.planId],
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => typeof r.lineage === 'string' && r.lineage.length > 0)).toBe(true);
    }
  });
});
