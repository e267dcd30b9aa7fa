import { readPart } from '../../src/operations/read-part.js';
import { updatePart } from '../../src/operations/update-part.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/rules/permissions.js';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { listPlans } from '../../src/operations/list-plans.js';
import { readPlan } from '../../src/operations/read-plan.js';
import { readPlanDocument } from '../../src/operations/read-plan-document.js';
import { sizePlanCaches } from '../../src/operations/plan-caches.js';
import { renderExport } from '../../src/operations/render-export.js';
import type { Db } from '../../src/storage/db.js';
import { openTestDb } from '../support/db.js';
import { seedPlan } from '../support/factories.js';

/**
 * The read operations the API, the CLI and the web share, called directly with principals:
 * who sees which plan, and how whole-plan reads and exports are kept per plan state.
 */
let db: Db;
let draft: { organizationId: string; planId: string };
let published: { organizationId: string; planId: string };

const memberOf = (organizationId: string): Principal => ({
  userId: '00000000-0000-4000-8000-000000000001',
  name: 'Membro',
  email: 'membro@prova.test',
  platformRole: null,
  memberships: [{ organizationId, role: 'viewer', unitId: null }],
});

beforeAll(async () => {
  db = await openTestDb();
  draft = await seedPlan(db);
  published = await seedPlan(db, { status: 'published' });
});

afterAll(async () => {
  await db.close();
});

describe('readPlan', () => {
  it('refuses a draft to an anonymous principal as if it did not exist', async () => {
    await expect(readPlan({ db, principal: null, planId: draft.planId })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses a draft to a member of another organization', async () => {
    const outsider = memberOf(published.organizationId);
    await expect(readPlan({ db, principal: outsider, planId: draft.planId })).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });

  it('gives a draft to a member of its organization, and a published plan to anyone', async () => {
    const member = memberOf(draft.organizationId);
    expect((await readPlan({ db, principal: member, planId: draft.planId })).id).toBe(draft.planId);
    expect((await readPlan({ db, principal: null, planId: published.planId })).status).toBe(
      'published',
    );
  });

  it('answers not_found for an id that cannot be one', async () => {
    await expect(
      readPlan({ db, principal: COMMAND_LINE, planId: 'non-un-uuid' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('listPlans', () => {
  it('shows published plans to anonymous callers, and no draft', async () => {
    const page = await listPlans({ db, principal: null, limit: 50, offset: 0 });
    const ids = page.items.map((p) => p.id);
    expect(ids).toContain(published.planId);
    expect(ids).not.toContain(draft.planId);
    expect(page.items.every((p) => p.status === 'published')).toBe(true);
  });

  it('shows a member the drafts of their own organization', async () => {
    const page = await listPlans({
      db,
      principal: memberOf(draft.organizationId),
      limit: 50,
      offset: 0,
    });
    expect(page.items.map((p) => p.id)).toEqual(
      expect.arrayContaining([draft.planId, published.planId]),
    );
  });

  it('refuses to sort by a field that is not sortable, naming /sort', async () => {
    await expect(
      listPlans({ db, principal: null, limit: 10, offset: 0, sort: '-version' }),
    ).rejects.toMatchObject({ code: 'validation', problems: [{ field: '/sort' }] });
  });
});

describe('readPlanDocument and renderExport', () => {
  const BASE = 'https://example.test/api/plans/';

  it('keep one rendering per plan state, and render again after a write', async () => {
    const { planId } = published;
    const first = await renderExport({
      db,
      principal: null,
      planId,
      file: 'plan.json',
      baseUrl: BASE,
    });
    const again = await renderExport({
      db,
      principal: null,
      planId,
      file: 'plan.json',
      baseUrl: BASE,
    });
    expect(again.file).toBe(first.file);
    const document = await readPlanDocument({ db, principal: null, planId });
    expect(document.revision.tag).toBe(first.revision.tag);

    // A published plan's content is frozen: the write is monitoring, as it goes on all year.
    const where = { db, principal: COMMAND_LINE, part: 'action' as const, planId, key: 'a1' };
    const action = await readPart(where);
    await updatePart({ ...where, version: action.version, changes: { progress: 77 } });

    const after = await renderExport({
      db,
      principal: null,
      planId,
      file: 'plan.json',
      baseUrl: BASE,
    });
    expect(after.revision.tag).not.toBe(first.revision.tag);
    expect(after.file).not.toBe(first.file);
    expect(String(after.file.body)).toContain('"progress": 77');
    const documentAfter = await readPlanDocument({ db, principal: null, planId });
    expect(documentAfter.etag).not.toBe(document.etag);
    expect(documentAfter.body).toContain('"progress":77');
  });

  it('keep reports apart by date and language', async () => {
    const { planId } = published;
    const render = (date: string, lang: 'it' | 'en') =>
      renderExport({ db, principal: null, planId, file: 'report.html', date, lang, baseUrl: BASE });
    const italian = await render('2026-06-30', 'it');
    const english = await render('2026-06-30', 'en');
    const later = await render('2026-12-31', 'it');
    expect(english.file).not.toBe(italian.file);
    expect(later.file).not.toBe(italian.file);
    expect((await render('2026-06-30', 'it')).file).toBe(italian.file);
  });

  it('refuse a draft to an anonymous principal, as readPlan does', async () => {
    const { planId } = draft;
    await expect(
      renderExport({ db, principal: null, planId, file: 'plan.pdf', baseUrl: BASE }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(readPlanDocument({ db, principal: null, planId })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the export cache', () => {
  it('keeps no more bytes than it is given: a file larger than the cache is rendered each time', async () => {
    const small = await openTestDb();
    try {
      sizePlanCaches(small, { exportBytes: 1024 });
      const { planId } = await seedPlan(small, { status: 'published' });
      const render = () =>
        renderExport({
          db: small,
          principal: null,
          planId,
          file: 'plan.json',
          baseUrl: 'https://example.test/',
        });
      const first = await render();
      expect(Buffer.byteLength(first.file.body)).toBeGreaterThan(1024);
      expect((await render()).file).not.toBe(first.file);
    } finally {
      await small.close();
    }
  });
});
