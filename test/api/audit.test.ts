import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { expectProblem, getJson, seedWorld, type World } from './helpers.js';

/** Criterion 5: the audit trail records who changed what, field by field; admins read it. */
interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  userId: string | null;
  planId: string | null;
  operation: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

let api: TestApi;
let world: World;
let admin: string;
let auditUrl: string;

beforeAll(async () => {
  api = await startTestApi();
  world = await seedWorld(api, 'draft', ['admin', 'viewer', 'editorDem', 'outsider']);
  admin = world.users.admin.cookie;
  auditUrl = `/api/organizations/${world.organizationId}/audit`;
});
afterAll(async () => api.close());

const eventsOf = async (entityType: string, entityId: string) =>
  (
    await getJson<{ items: AuditEvent[]; total: number }>(
      api,
      `${auditUrl}?entityType=${entityType}&entityId=${entityId}`,
      admin,
    )
  ).items;

describe('GET /api/organizations/:id/audit', () => {
  it('after a PATCH of an action’s title and status shows one event per field, with before/after, actor and time', async () => {
    const url = `/api/plans/${world.planId}/actions/a1`;
    const { version } = await getJson<{ version: number }>(api, url, admin);
    const res = await api.request({
      method: 'PATCH',
      url,
      payload: { title: 'Subentro in ANPR: completato', status: 'completed', version },
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(200);

    const updates = (await eventsOf('action', 'a1')).filter((e) => e.operation === 'update');
    expect(updates).toHaveLength(2);
    const byField = Object.fromEntries(updates.map((e) => [e.field, e]));
    expect(byField.title).toMatchObject({
      before: 'Subentro in ANPR dei servizi di stato civile',
      after: 'Subentro in ANPR: completato',
    });
    expect(byField.status).toMatchObject({ before: 'planned', after: 'completed' });
    for (const e of updates) {
      expect(e).toMatchObject({
        actor: world.users.admin.email,
        userId: world.users.admin.id,
        planId: world.planId,
        entityType: 'action',
        entityId: 'a1',
      });
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    }
  });

  it('does not record fields a PATCH sends unchanged', async () => {
    const url = `/api/plans/${world.planId}/actions/a2`;
    const { version, title } = await getJson<{ version: number; title: string }>(api, url, admin);
    const res = await api.request({
      method: 'PATCH',
      url,
      payload: { title, progress: 10, version },
      cookie: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const updates = (await eventsOf('action', 'a2')).filter((e) => e.operation === 'update');
    expect(updates.map((e) => e.field)).toEqual(['progress']);
  });

  it('records creates (with the new row) and deletes (with the old one)', async () => {
    const base = `/api/plans/${world.planId}/glossary`;
    const created = await api.request({
      method: 'POST',
      url: base,
      payload: {
        id: 'g-audit',
        term: 'SPID',
        definition: 'Sistema pubblico di identità digitale.',
      },
      cookie: admin,
    });
    expect(created.statusCode, created.body).toBe(201);
    const deleted = await api.request({
      method: 'DELETE',
      url: `${base}/g-audit?version=1`,
      cookie: admin,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);

    const events = await eventsOf('glossary_term', 'g-audit');
    expect(events.map((e) => e.operation)).toEqual(['delete', 'create']);
    const [deleteEvent, createEvent] = events;
    expect(createEvent).toMatchObject({
      before: null,
      after: { id: 'g-audit', term: 'SPID' },
      actor: world.users.admin.email,
    });
    expect(deleteEvent).toMatchObject({
      before: { id: 'g-audit', term: 'SPID' },
      after: null,
      actor: world.users.admin.email,
    });
  });

  it('records changes to the organization and to plans', async () => {
    const orgUrl = `/api/organizations/${world.organizationId}`;
    const { version } = await getJson<{ version: number }>(api, orgUrl, admin);
    await api.request({
      method: 'PATCH',
      url: orgUrl,
      payload: { population: 4321, version },
      cookie: admin,
    });
    const events = await eventsOf('organization', world.organizationId);
    expect(events[0]).toMatchObject({
      operation: 'update',
      field: 'population',
      before: 4200,
      after: 4321,
    });
  });

  it('pages newest first with limit, offset and total', async () => {
    const all = await getJson<{ items: AuditEvent[]; total: number }>(
      api,
      `${auditUrl}?limit=500`,
      admin,
    );
    const page = await getJson<{ items: AuditEvent[]; total: number; limit: number }>(
      api,
      `${auditUrl}?limit=3&offset=1`,
      admin,
    );
    expect(page.total).toBe(all.total);
    expect(page.limit).toBe(3);
    expect(page.items).toEqual(all.items.slice(1, 4));
    const ids = all.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it.each(['viewer', 'editorDem', 'outsider'] as const)(
    'is refused to a %s (403)',
    async (actor) => {
      const res = await api.request({
        method: 'GET',
        url: auditUrl,
        cookie: world.users[actor].cookie,
      });
      expectProblem(res, 403, 'forbidden');
    },
  );

  it('is refused to anonymous callers (401)', async () => {
    expectProblem(await api.request({ method: 'GET', url: auditUrl }), 401, 'unauthenticated');
  });
});
