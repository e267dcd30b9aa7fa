import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanDocument } from '../../src/operations/load-plan-document.js';
import { changePart as updatePart } from '../../src/operations/part-writes.js';
import { ACTIONS } from '../../src/storage/entities.js';
import { planDocument } from '../support/factories.js';
import { startWebServer, type WebServer } from '../support/web.js';
import { PLAN, PORTAL_PAGES, inLanguage } from './pages.js';

let server: WebServer;
const get = (url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, headers });
const html = (body: string) => parseDocument(body);
const elements = (body: string, test: (e: Element) => boolean) =>
  findAll(test, html(body).children);
const DEMO = JSON.parse(await readFile('data/demo/plan.json', 'utf8'));

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

describe('the public portal', () => {
  it('answers every page template in both languages, with the status each should have', async () => {
    for (const p of PORTAL_PAGES) {
      for (const lang of ['it', 'en'] as const) {
        const response = await get(inLanguage(p.path, lang));
        expect(response.statusCode, `${p.name} ${lang}`).toBe(p.status ?? 200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.body).toContain(`<html lang="${lang}"`);
      }
    }
  });

  it('finds the demo organization by name, province and region, and says when nothing matches', async () => {
    for (const q of ['valdimonte', 'Siena', 'toscana']) {
      const response = await get(`/?q=${encodeURIComponent(q)}`);
      expect(response.body, q).toContain('href="/enti/c_z999"');
    }
    const region = await get('/?regione=Toscana');
    expect(region.body).toContain('href="/enti/c_z999"');
    for (const q of ['Lombardia', '%', '_']) {
      const none = await get(`/?q=${encodeURIComponent(q)}`);
      expect(none.body, q).not.toContain('href="/enti/c_z999"');
      expect(none.body).toContain('Nessun ente con piani pubblicati corrisponde alla ricerca.');
    }
  });

  it('shows all 49 actions of the demo plan, and spending totals equal to the plan’s', async () => {
    const response = await get(PLAN);
    const actions = elements(
      response.body,
      (e) => e.name === 'article' && 'data-action' in e.attribs,
    );
    expect(actions).toHaveLength(49);
    expect(DEMO.actions).toHaveLength(49);
    const total =
      DEMO.spending.reduce(
        (t: number, s: { amount: number }) => t + Math.round(s.amount * 100),
        0,
      ) / 100;
    const euro = `€ ${new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, useGrouping: 'always' } as unknown as Intl.NumberFormatOptions).format(total)}`;
    const bySource = elements(
      response.body,
      (e) => e.name === 'table' && textContent(e).includes('Spesa per provenienza dei fondi'),
    )[0];
    expect(bySource).toBeDefined();
    const foot = findAll((e) => e.name === 'tfoot', [bySource as Element])[0];
    expect(textContent(foot as Element)).toContain(euro);
  });

  it('draws every chart with a text alternative and the same numbers in a table after it', async () => {
    for (const path of [PLAN, `${PLAN}/azioni/a1.5`]) {
      const response = await get(path);
      const charts = elements(response.body, (e) => e.name === 'svg' && e.attribs.role === 'img');
      expect(charts.length, path).toBeGreaterThan(0);
      for (const chart of charts) {
        const titleId = chart.attribs['aria-labelledby'];
        const title = findAll((e) => e.name === 'title', [chart])[0];
        expect(title?.attribs.id).toBe(titleId);
        expect(textContent(title as Element).length).toBeGreaterThan(10);
        const figure = chart.parent?.parent as Element;
        expect(figure.name).toBe('figure');
        let next = figure.nextSibling;
        while (next && (next as Element).type !== 'tag') next = next.nextSibling;
        expect(findAll((e) => e.name === 'table', [next as Element]).length, path).toBe(1);
      }
    }
  });

  it('filters the actions by unit, status and year with links that work without scripts', async () => {
    const byUnit = await get(`${PLAN}?settore=serv-dem`);
    const shown = elements(byUnit.body, (e) => e.name === 'article' && 'data-action' in e.attribs);
    const expected = DEMO.actions.filter((a: { ownerUnitIds: string[] }) =>
      a.ownerUnitIds.includes('serv-dem'),
    );
    expect(shown).toHaveLength(expected.length);
    expect(byUnit.body).toContain(`${expected.length} azioni su 49`);
    const none = await get(`${PLAN}?stato=cancelled`);
    expect(none.body).toContain('Nessuna azione corrisponde ai filtri scelti.');
    const stale = await get(`${PLAN}?settore=non-esiste&anno=1990`);
    expect(
      elements(stale.body, (e) => e.name === 'article' && 'data-action' in e.attribs),
    ).toHaveLength(49);
  });

  it('keeps the page when switching language, and speaks English under /en', async () => {
    const it = await get(`${PLAN}?settore=serv-dem`);
    const switchLink = elements(it.body, (e) => e.name === 'a' && e.attribs.hreflang === 'en')[0];
    expect(getAttributeValue(switchLink as Element, 'href')).toBe(`/en${PLAN}?settore=serv-dem`);
    const en = await get(`/en${PLAN}`);
    expect(en.body).toContain('Priorities and actions');
    expect(en.body).toContain('Skip to content');
    expect(en.body).not.toContain('Vai ai contenuti');
  });

  it('answers 304 to a browser that has the page, and a new page after the plan changes', async () => {
    const first = await get(PLAN);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await get(PLAN, { 'if-none-match': etag })).statusCode).toBe(304);
    const action = DEMO.actions.find((a: { id: string }) => a.id === 'a1.5');
    const stored = await server.db.query<{ version: number }>(
      `SELECT version FROM actions WHERE key = 'a1.5' AND plan_id = $1`,
      [server.planId],
    );
    const organizationId = (
      await server.db.query<{ organization_id: string }>(
        'SELECT organization_id FROM plans WHERE id = $1',
        [server.planId],
      )
    )[0]!.organization_id;
    await updatePart({
      db: server.db,
      actor: { userId: null, name: 'Operatore di prova' },
      table: ACTIONS,
      scope: { organizationId, planId: server.planId },
      key: action.id,
      version: stored[0]!.version,
      changes: { status: 'completed', progress: 100 },
    });
    const after = await get(PLAN, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    // The action's public history shows the change, and never who made it.
    const history = await get(`${PLAN}/azioni/a1.5`);
    expect(history.body).toContain('Modifiche allo stato e all’avanzamento');
    expect(history.body).toContain('Completata');
    expect(history.body).not.toContain('Operatore di prova');
  });

  it('compresses pages and sends a Content-Security-Policy without unsafe-inline', async () => {
    const response = await get(PLAN, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const inline = elements(
      response.body,
      (e) => (e.name === 'script' && !e.attribs.src) || e.name === 'style' || 'style' in e.attribs,
    );
    expect(inline.map((e) => e.name)).toEqual([]);
  });

  it('sends no page more than 60 KB of JavaScript (gzip)', async () => {
    for (const p of PORTAL_PAGES) {
      const response = await get(p.path);
      const scripts = elements(response.body, (e) => e.name === 'script' && Boolean(e.attribs.src));
      let bytes = 0;
      for (const s of scripts) {
        const file = await get(s.attribs.src as string);
        expect(file.statusCode).toBe(200);
        expect(file.headers['cache-control']).toContain('immutable');
        bytes += gzipSync(file.rawPayload).length;
      }
      expect(bytes, p.name).toBeLessThanOrEqual(60 * 1024);
    }
  });
});

describe('what the portal never shows', () => {
  let draftIpa: string;
  let draftPlanId: string;
  let hostileIpa: string;

  beforeAll(async () => {
    const actor = { userId: null, name: 'test' };
    const draft = planDocument({ status: 'draft' });
    draftIpa = draft.organization.ipaCode;
    draftPlanId = (await loadPlanDocument({ db: server.db, actor, input: draft })).planId;

    const hostile = planDocument({
      status: 'published',
      name: 'Comune di <script>alert(1)</script>',
    });
    hostile.plan.title = '"><img src=x onerror=alert(1)>';
    hostile.actions[0]!.title = '<script>alert("azione")</script>';
    hostile.priorities[0]!.title = '<b onmouseover=alert(1)>Priorità</b>';
    hostileIpa = hostile.organization.ipaCode;
    const loaded = await loadPlanDocument({ db: server.db, actor, input: hostile });
    // Addresses that reached the database before any check existed, written straight in.
    await server.db.query(
      `UPDATE organizations SET website = 'javascript:alert(1)', accessibility_url = ' JavaScript:alert(2)' WHERE id = $1`,
      [loaded.organizationId],
    );
  });

  it('answers 404 to every address of a draft plan, by IPA code, period or id', async () => {
    for (const url of [
      `/enti/${draftIpa}`,
      `/enti/${draftIpa}/piani/2025-2027`,
      `/enti/${draftIpa}/piani/${draftPlanId}`,
      `/enti/${draftIpa}/piani/2025-2027/azioni/a1`,
      `/enti/c_z999/piani/${draftPlanId}`,
      `/en/enti/${draftIpa}/piani/${draftPlanId}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('Piano triennale di prova');
    }
    const home = await get('/?q=Prova');
    expect(home.body).not.toContain(`/enti/${draftIpa}`);
  });

  it('renders titles and addresses typed by users inert: no script, no handler, no javascript: link', async () => {
    for (const path of [
      `/enti/${hostileIpa}`,
      `/enti/${hostileIpa}/piani/2025-2027`,
      `/enti/${hostileIpa}/piani/2025-2027/azioni/a1`,
      `/?q=${encodeURIComponent('<script>')}`,
    ]) {
      const response = await get(path);
      expect(response.statusCode, path).toBe(200);
      const doc = html(response.body);
      const scripts = findAll((e) => e.name === 'script' && !e.attribs.src, doc.children);
      expect(scripts, path).toHaveLength(0);
      const handlers = findAll(
        (e) => Object.keys(e.attribs).some((a) => a.startsWith('on')),
        doc.children,
      );
      expect(handlers, path).toHaveLength(0);
      expect(
        findAll((e) => e.name === 'img', doc.children),
        path,
      ).toHaveLength(0);
      const links = findAll((e) => e.name === 'a', doc.children).map((a) => a.attribs.href ?? '');
      expect(
        links.filter((h) => !/^(\/|#|https?:|mailto:)/i.test(h)),
        path,
      ).toEqual([]);
      if (!path.startsWith('/?')) expect(response.body).toContain('&lt;script>alert(');
    }
  });
});
