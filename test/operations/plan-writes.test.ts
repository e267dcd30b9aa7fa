import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/rules/permissions.js';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { createPart } from '../../src/operations/create-part.js';
import { listAuditEvents } from '../../src/operations/list-audit-events.js';
import { readPlan } from '../../src/operations/read-plan.js';
import { updatePlan } from '../../src/operations/update-plan.js';
import { uploadPlanDocument } from '../../src/operations/upload-plan-document.js';
import type { Db } from '../../src/storage/db.js';
import { openTestDb } from '../support/db.js';
import { planDocument, seedPlan, seedUser } from '../support/factories.js';

/**
 * Write operations authorize the principal they are given, whoever calls them (API, web form,
 * command line), and audit under its name.
 */
let db: Db;
let plan: { organizationId: string; planId: string };
let editor: Principal;

beforeAll(async () => {
  db = await openTestDb();
  plan = await seedPlan(db);
  const user = await seedUser(db, {
    organizationId: plan.organizationId,
    role: 'editor',
    unitId: 'u-dem',
  });
  editor = {
    userId: user.id,
    name: user.name,
    email: user.email,
    platformRole: null,
    memberships: [{ organizationId: plan.organizationId, role: 'editor', unitId: 'u-dem' }],
  };
});

afterAll(async () => {
  await db.close();
});

describe('part writes', () => {
  it('refuse an editor who creates an action, as the API does', async () => {
    await expect(
      createPart({
        db,
        principal: editor,
        part: 'action',
        planId: plan.planId,
        values: { priorityId: 'p1', title: 'Azione non consentita', ownerUnitIds: ['u-dem'] },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('let an editor add a micro-action to their unit’s action, its timing read with the plan’s years', async () => {
    const created = await createPart({
      db,
      principal: editor,
      part: 'micro_action',
      planId: plan.planId,
      parentKey: 'a1',
      // Values as the edge validates them: every field present (API bodies get their defaults).
      values: {
        title: 'Verifica dei certificati',
        description: null,
        responsibles: [],
        ownerUnitIds: [],
        status: 'planned',
        timing: 'entro giugno 2026',
      },
    });
    expect(created).toMatchObject({ actionId: 'a1', title: 'Verifica dei certificati' });
    expect(created.id).toMatch(/^micro-action-[0-9a-f]{8}$/);
    expect(created.timing).toMatchObject({ text: 'entro giugno 2026', due: '2026-06-30' });
  });

  it('refuse anonymous callers before looking anything up', async () => {
    await expect(
      createPart({
        db,
        principal: null,
        part: 'unit',
        organizationId: plan.organizationId,
        values: {},
      }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('plan writes', () => {
  it('are audited under the command line’s name when the CLI makes them', async () => {
    const { version } = await readPlan({ db, principal: COMMAND_LINE, planId: plan.planId });
    await updatePlan({
      db,
      principal: COMMAND_LINE,
      planId: plan.planId,
      version,
      changes: { revisionLabel: 'Aggiornamento 2026' },
    });
    const audit = await listAuditEvents({
      db,
      principal: COMMAND_LINE,
      organizationId: plan.organizationId,
      planId: plan.planId,
      entityType: 'plan',
      limit: 1,
      offset: 0,
    });
    expect(audit.items[0]).toMatchObject({ actor: 'cli', userId: null, field: 'revisionLabel' });
  });

  it('let only a consultant load a plan for an organization piano does not know', async () => {
    const input = planDocument();
    await expect(uploadPlanDocument({ db, principal: null, input })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(uploadPlanDocument({ db, principal: editor, input })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const loaded = await uploadPlanDocument({ db, principal: COMMAND_LINE, input });
    expect(loaded.organizationId).not.toBe(plan.organizationId);
  });
});
