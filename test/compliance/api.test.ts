import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { planDocument, seedPlan, seedUser } from '../support/factories.js';

/**
 * The catalog, compliance and calendar endpoints, with who may use each. Deadlines are judged
 * as on 23 November 2025 (`asOf`) where the answer depends on the day.
 */
let api: TestApi;
let mine: { organizationId: string; planId: string };
let theirs: { organizationId: string; planId: string };
let demo: { organizationId: string; planId: string };
const cookies: Record<'admin' | 'editor' | 'viewer' | 'stranger' | 'consultant', string> = {
  admin: '',
  editor: '',
  viewer: '',
  stranger: '',
  consultant: '',
};

beforeAll(async () => {
  api = await startTestApi();
  mine = await seedPlan(api.db);
  theirs = await seedPlan(api.db);
  const demoFile = new URL('../../data/demo/plan.json', import.meta.url);
  demo = await loadPlanDocument({
    db: api.db,
    actor: { userId: null, name: 'test' },
    input: JSON.parse(await readFile(demoFile, 'utf8')),
  });
  const users = {
    admin: await seedUser(api.db, { organizationId: mine.organizationId, role: 'admin' }),
    editor: await seedUser(api.db, {
      organizationId: mine.organizationId,
      role: 'editor',
      unitId: 'u-dem',
    }),
    viewer: await seedUser(api.db, { organizationId: mine.organizationId, role: 'viewer' }),
    stranger: await seedUser(api.db, { organizationId: theirs.organizationId, role: 'admin' }),
    consultant: await seedUser(api.db, { consultant: true }),
  };
  for (const [role, user] of Object.entries(users)) {
    cookies[role as keyof typeof cookies] = await api.signIn(user.email);
  }
}, 180_000);
afterAll(async () => api?.close());

const get = (url: string, cookie?: string) => api.request({ method: 'GET', url, cookie });
const json = <T = Record<string, unknown>>(body: string) => JSON.parse(body) as T;

describe('GET /api/catalog', () => {
  it('searches lines by code, words, chapter and platform, without signing in', async () => {
    const byCode = json<{ total: number; items: { code: string; edition: string }[] }>(
      (await get('/api/catalog/lines?code=CAP3.PA.1&edition=2024-2026')).body,
    );
    expect(byCode.items.map((i) => i.code)).toContain('CAP3.PA.13');
    const words = json<{ items: { code: string }[] }>(
      (await get('/api/catalog/lines?q=stato%20civile%20ANPR')).body,
    );
    expect(words.items.map((i) => i.code)).toEqual(['CAP4.PA.18']);
    const platform = json<{ total: number }>(
      (await get('/api/catalog/lines?platform=SEND&chapter=4')).body,
    );
    expect(platform.total).toBe(1);
  });

  it('answers one line, the editions, measures, platforms and obligations', async () => {
    const line = await get('/api/catalog/lines/CAP4.PA.03');
    expect(json(line.body)).toMatchObject({ edition: '2024-2026', deadline: '2026-12' });
    expect((await get('/api/catalog/lines/CAP9.PA.99')).statusCode).toBe(404);
    const editions = json<{ items: { edition: string; latest: boolean }[] }>(
      (await get('/api/catalog/editions')).body,
    );
    expect(editions.items[0]).toMatchObject({ edition: '2024-2026', latest: true });
    const edition = json<{ results: { targets: unknown[] }[] }>(
      (await get('/api/catalog/editions/2024-2026')).body,
    );
    expect(edition.results[0]?.targets).toHaveLength(3);
    for (const path of ['pnrr-measures', 'platforms', 'obligations']) {
      const answer = await get(`/api/catalog/${path}`);
      expect(answer.statusCode, path).toBe(200);
      expect(json<{ items: unknown[] }>(answer.body).items.length).toBeGreaterThan(5);
    }
  });
});

describe('links from actions to the catalog', () => {
  it('refuses an unknown code when an action is created or changed (422 naming the field)', async () => {
    const created = await api.request({
      method: 'POST',
      url: `/api/plans/${mine.planId}/actions`,
      cookie: cookies.admin,
      payload: { priorityId: 'p1', title: 'Nuova', catalogRefs: ['CAP3.PA.17', 'CAP3.PA.77'] },
    });
    expect(created.statusCode).toBe(422);
    expect(json<{ errors: { field: string }[] }>(created.body).errors[0]?.field).toBe(
      '/catalogRefs/1',
    );
    const changed = await api.request({
      method: 'PATCH',
      url: `/api/plans/${mine.planId}/actions/a1`,
      cookie: cookies.admin,
      payload: { version: 1, pnrrMeasures: ['9.9'] },
    });
    expect(changed.statusCode).toBe(422);
    expect(json<{ errors: { field: string }[] }>(changed.body).errors[0]?.field).toBe(
      '/pnrrMeasures/0',
    );
  });

  it('accepts real codes and refuses a document with unknown ones', async () => {
    const ok = await api.request({
      method: 'POST',
      url: `/api/plans/${mine.planId}/actions`,
      cookie: cookies.admin,
      payload: { id: 'a-link', priorityId: 'p1', title: 'Collegata', catalogRefs: ['CAP3.PA.17'] },
    });
    expect(ok.statusCode).toBe(201);
    const doc = planDocument();
    (doc.actions[0] as { catalogRefs: string[] }).catalogRefs = ['CAP0.PA.00'];
    const loaded = await api.request({
      method: 'POST',
      url: `/api/plans/documents?organizationId=${mine.organizationId}`,
      cookie: cookies.admin,
      payload: doc,
    });
    expect(loaded.statusCode).toBe(422);
    expect(json<{ errors: { field: string }[] }>(loaded.body).errors[0]?.field).toBe(
      '/actions/0/catalogRefs/0',
    );
  });
});

describe('GET /api/plans/:planId/compliance', () => {
  it('gives coverage, figures by chapter and platform, and findings', async () => {
    const answer = await get(`/api/plans/${demo.planId}/compliance?asOf=2025-11-23`);
    expect(answer.statusCode).toBe(200);
    const report = json<{
      summary: { required: number; covered: number; blocking: number };
      chapters: unknown[];
      findings: {
        severity: string;
        code: string | null;
        deadline: string | null;
        suggestion: string;
      }[];
    }>(answer.body);
    expect(report.summary.covered).toBeGreaterThan(0);
    expect(report.summary.blocking).toBeGreaterThan(0);
    expect(report.chapters).toHaveLength(7);
    expect(report.findings[0]).toMatchObject({ severity: 'blocking' });
    expect(report.findings[0]?.suggestion.length).toBeGreaterThan(10);
  });

  it('is readable to whoever can read the plan, and to no one else', async () => {
    const url = `/api/plans/${mine.planId}/compliance`;
    expect((await get(url, cookies.viewer)).statusCode).toBe(200);
    expect((await get(url, cookies.stranger)).statusCode).toBe(404);
    expect((await get(url)).statusCode).toBe(404);
  });
});

describe('starter plan', () => {
  it('proposes actions from the catalog and accepts the chosen ones in one step, audited', async () => {
    const fresh = await seedPlan(api.db);
    const admin = await seedUser(api.db, { organizationId: fresh.organizationId, role: 'admin' });
    const cookie = await api.signIn(admin.email);
    const proposed = json<{ items: { id: string; actionId: string; catalogRefs: string[] }[] }>(
      (await get(`/api/plans/${fresh.planId}/starter`, cookie)).body,
    );
    const chosen = proposed.items.filter((p) => p.id.startsWith('series:')).slice(0, 2);
    expect(chosen).toHaveLength(2);
    const accepted = await api.request({
      method: 'POST',
      url: `/api/plans/${fresh.planId}/starter`,
      cookie,
      payload: { proposals: chosen.map((p) => p.id) },
    });
    expect(accepted.statusCode).toBe(201);
    const body = json<{
      actions: { id: string; catalogRefs: string[]; timing: { kind: string } }[];
    }>(accepted.body);
    expect(body.actions.map((a) => a.id)).toEqual(chosen.map((p) => p.actionId));
    expect(body.actions[0]?.catalogRefs).toEqual(chosen[0]?.catalogRefs);
    const audit = json<{ items: { entityType: string; entityId: string }[] }>(
      (await get(`/api/organizations/${fresh.organizationId}/audit?entityType=action`, cookie))
        .body,
    );
    expect(audit.items.map((e) => e.entityId)).toEqual(
      expect.arrayContaining(chosen.map((p) => p.actionId)),
    );
    const again = json<{ items: { id: string }[] }>(
      (await get(`/api/plans/${fresh.planId}/starter`, cookie)).body,
    );
    expect(again.items.map((p) => p.id)).not.toContain(chosen[0]?.id);
  });

  it('refuses an unknown proposal and creates nothing', async () => {
    const before = json<{ total: number }>(
      (await get(`/api/plans/${mine.planId}/actions`, cookies.admin)).body,
    ).total;
    const answer = await api.request({
      method: 'POST',
      url: `/api/plans/${mine.planId}/starter`,
      cookie: cookies.admin,
      payload: { proposals: ['line:CAP2.PA.02', 'line:CAP0.PA.00'] },
    });
    expect(answer.statusCode).toBe(422);
    expect(json<{ errors: { field: string }[] }>(answer.body).errors[0]?.field).toBe(
      '/proposals/1',
    );
    const after = json<{ total: number }>(
      (await get(`/api/plans/${mine.planId}/actions`, cookies.admin)).body,
    ).total;
    expect(after).toBe(before);
  });

  it('lets only the organization’s admins (and consultants) accept', async () => {
    const post = (cookie?: string) =>
      api.request({
        method: 'POST',
        url: `/api/plans/${mine.planId}/starter`,
        cookie,
        payload: { proposals: ['line:CAP3.PA.18'] },
      });
    expect((await post()).statusCode).toBe(401);
    expect((await post(cookies.viewer)).statusCode).toBe(403);
    expect((await post(cookies.editor)).statusCode).toBe(403);
    expect((await post(cookies.stranger)).statusCode).toBe(404);
    expect((await post(cookies.consultant)).statusCode).toBe(201);
  });
});

describe('compliance calendar', () => {
  it('lists overdue and upcoming deadlines with the recurring obligations', async () => {
    const answer = await get(
      `/api/organizations/${mine.organizationId}/calendar?asOf=2025-11-23`,
      cookies.viewer,
    );
    expect(answer.statusCode).toBe(200);
    const calendar = json<{
      from: string;
      to: string;
      overdue: number;
      items: { date: string; kind: string; status: string; uid: string }[];
    }>(answer.body);
    expect([calendar.from, calendar.to]).toEqual(['2025-01-01', '2027-12-31']);
    const dates = (uid: string) => calendar.items.filter((i) => i.uid.startsWith(uid));
    expect(dates('obbligo-dichiarazione-accessibilita').map((i) => i.date)).toEqual([
      '2025-09-23',
      '2026-09-23',
      '2027-09-23',
    ]);
    expect(calendar.items.find((i) => i.kind === 'micro_action')).toMatchObject({
      date: '2025-06-30',
      status: 'overdue',
    });
    expect(calendar.overdue).toBeGreaterThan(0);
  });

  it('is for the organization’s members only', async () => {
    const url = `/api/organizations/${mine.organizationId}/calendar`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, cookies.stranger)).statusCode).toBe(403);
    expect((await get(`${url}?from=2026-01-01&to=2025-01-01`, cookies.admin)).statusCode).toBe(422);
  });
});

describe('iCalendar feed', () => {
  const issue = (organizationId: string, cookie?: string) =>
    api.request({
      method: 'POST',
      url: `/api/organizations/${organizationId}/calendar-token`,
      cookie,
    });

  it('serves the demo plan’s deadlines and the obligations of its years, parsed by ical.js', async () => {
    const consultantToken = await issue(demo.organizationId, cookies.consultant);
    expect(consultantToken.statusCode).toBe(201);
    const { url } = json<{ url: string }>(consultantToken.body);
    const feed = await get(new URL(url).pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const on = (date: string) => events.filter((e) => e.startDate.toString() === date);
    expect(on('2025-06-30').map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Scadenza: 2.1 Nuovo sito istituzionale sul modello dei comuni italiani',
        'Scadenza: 3.1 Aggiornare e pubblicare il manuale di gestione documentale',
      ]),
    );
    for (const year of [2025, 2026, 2027]) {
      expect(
        on(`${year}-03-31`).map((e) => e.summary),
        String(year),
      ).toContain("Adempimento: Pubblicare gli obiettivi di accessibilità dell'anno");
      expect(on(`${year}-01-31`).some((e) => e.summary.includes('PIAO'))).toBe(true);
    }
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('stops answering once the token is revoked or replaced', async () => {
    const first = json<{ url: string; token: string }>(
      (await issue(mine.organizationId, cookies.admin)).body,
    );
    const path = (url: string) => new URL(url).pathname;
    expect((await get(path(first.url))).statusCode).toBe(200);
    const second = json<{ url: string; token: string }>(
      (await issue(mine.organizationId, cookies.admin)).body,
    );
    expect((await get(path(first.url))).statusCode).toBe(404);
    expect((await get(path(second.url))).statusCode).toBe(200);
    const revoked = await api.request({
      method: 'DELETE',
      url: `/api/organizations/${mine.organizationId}/calendar-token`,
      cookie: cookies.admin,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await get(path(second.url))).statusCode).toBe(404);
    expect((await get('/calendar/non-un-token.ics')).statusCode).toBe(404);
    const audit = (
      await get(
        `/api/organizations/${mine.organizationId}/audit?entityType=calendar_token`,
        cookies.admin,
      )
    ).body;
    expect(json<{ total: number }>(audit).total).toBe(4);
    expect(audit).not.toContain(first.token);
  });

  it('lets only admins create or revoke the secret address', async () => {
    const del = (cookie?: string) =>
      api.request({
        method: 'DELETE',
        url: `/api/organizations/${mine.organizationId}/calendar-token`,
        cookie,
      });
    expect((await issue(mine.organizationId)).statusCode).toBe(401);
    expect((await issue(mine.organizationId, cookies.viewer)).statusCode).toBe(403);
    expect((await issue(mine.organizationId, cookies.editor)).statusCode).toBe(403);
    expect((await issue(mine.organizationId, cookies.stranger)).statusCode).toBe(403);
    expect((await del(cookies.viewer)).statusCode).toBe(403);
    expect((await del(cookies.stranger)).statusCode).toBe(403);
  });
});

describe('GET /api/compliance/overview', () => {
  it('ranks comuni by coverage, for platform consultants only', async () => {
    const answer = await get('/api/compliance/overview?limit=10', cookies.consultant);
    expect(answer.statusCode).toBe(200);
    const overview = json<{
      total: number;
      lines: number;
      items: { planId: string; required: number; covered: number; percent: number }[];
    }>(answer.body);
    expect(overview.total).toBeGreaterThanOrEqual(3);
    expect(overview.lines).toBeGreaterThan(50);
    const percents = overview.items.map((i) => i.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const demoRow = overview.items.find((i) => i.planId === demo.planId);
    const report = json<{ summary: { required: number; covered: number } }>(
      (await get(`/api/plans/${demo.planId}/compliance`)).body,
    );
    expect([demoRow?.required, demoRow?.covered]).toEqual([
      report.summary.required,
      report.summary.covered,
    ]);
    expect((await get('/api/compliance/overview')).statusCode).toBe(401);
    expect((await get('/api/compliance/overview', cookies.admin)).statusCode).toBe(403);
  });
});
