import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/storage/db.js';
import { ACTIONS, ENTITY_TABLES } from '../../src/storage/entities.js';
import { getRow, listRows } from '../../src/storage/rows.js';
import { migrate } from '../../src/storage/migrate.js';
import { openTestDb } from '../support/db.js';
import { seedPlan } from '../support/factories.js';

let db: Db;
let mine: { organizationId: string; planId: string };
let theirs: { organizationId: string; planId: string };

beforeAll(async () => {
  db = await openTestDb();
  mine = await seedPlan(db);
  theirs = await seedPlan(db);
});
afterAll(async () => db.close());

describe('every query is scoped by organization', () => {
  it('does not find a plan part when the organization does not own the plan', async () => {
    const foreign = { organizationId: theirs.organizationId, planId: mine.planId };
    expect(await getRow(db, ACTIONS, mine, 'a1')).not.toBeNull();
    expect(await getRow(db, ACTIONS, foreign, 'a1')).toBeNull();
    expect((await listRows(db, ACTIONS, foreign)).total).toBe(0);
  });

  it('gives every part table an organization column', async () => {
    const rows = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE column_name = 'organization_id' AND table_schema = current_schema()`,
    );
    const withOrg = new Set(rows.map((r) => r.table_name));
    for (const table of Object.values(ENTITY_TABLES)) expect(withOrg).toContain(table.table);
  });
});

describe('the database enforces the model, not only the code', () => {
  const refuses = async (sql: string, params: unknown[]) =>
    expect(db.query(sql, params)).rejects.toMatchObject({ code: expect.stringMatching(/^23/) });

  it('refuses a part whose organization does not own its plan', () =>
    refuses(
      `INSERT INTO priorities (organization_id, plan_id, key, title, position) VALUES ($1, $2, 'px', 'x', 0)`,
      [theirs.organizationId, mine.planId],
    ));

  it('refuses an action pointing at a priority of another plan', () =>
    refuses(
      `INSERT INTO actions (organization_id, plan_id, key, priority_key, title, status, position)
       VALUES ($1, $2, 'ax', 'nope', 'x', 'planned', 0)`,
      [mine.organizationId, mine.planId],
    ));

  it('refuses negative amounts, unknown statuses and impossible periods', async () => {
    await refuses(`UPDATE spending_items SET amount_cents = -1 WHERE plan_id = $1`, [mine.planId]);
    await refuses(`UPDATE actions SET status = 'forse' WHERE plan_id = $1`, [mine.planId]);
    await refuses(`UPDATE plans SET end_year = start_year - 1 WHERE id = $1`, [mine.planId]);
    await refuses(`UPDATE actions SET progress = 101 WHERE plan_id = $1`, [mine.planId]);
  });

  it('refuses an editor membership without a unit', async () => {
    const [user] = await db.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash) VALUES ('e@prova.test', 'e', 'x') RETURNING id`,
    );
    await refuses(
      `INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'editor')`,
      [user?.id, mine.organizationId],
    );
  });
});

describe('migrations', () => {
  it('are applied once: running them again changes nothing', async () => {
    expect(await migrate(db)).toEqual([]);
  });
});
