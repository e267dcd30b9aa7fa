import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient } from './backoffice-client.js';

let server: WebServer;
let rtd: FormClient;
const PASSWORD = 'demo-piano-2025';

beforeAll(async () => {
  server = await startWebServer();
  rtd = new FormClient(server.app);
  expect((await rtd.signIn('rtd@demo.piano.test', PASSWORD)).statusCode).toBe(303);
});
afterAll(() => server.close());

const list = (query = '', client = rtd) =>
  client.get(`/gestione/piani/${server.planId}/azioni${query ? `?${query}` : ''}`);
const rows = (body: string) => [...body.matchAll(/<tr data-action="([^"]+)"/g)].map((m) => m[1]);
const count = (body: string) =>
  /Azioni mostrate: (\d+) su (\d+)\./.exec(body)?.slice(1).map(Number);

describe('the back office’s action list', () => {
  it('shows every action of the plan in the plan’s order, linked from the plan page', async () => {
    const plan = await rtd.get(`/gestione/piani/${server.planId}`);
    expect(plan.body).toContain(`href="/gestione/piani/${server.planId}/azioni"`);
    const page = await list();
    expect(page.statusCode).toBe(200);
    const [shown, total] = count(page.body) ?? [];
    expect(shown).toBe(total);
    expect(rows(page.body)).toHaveLength(total!);
    expect(rows(page.body).slice(0, 3)).toEqual(['a1.1', 'a1.2', 'a1.3']);
  });

  it('searches code, title and description by every word, ignoring case and accents', async () => {
    const both = await list('cerca=anpr+ELETTORALI');
    expect(rows(both.body)).toEqual(['a1.6']);
    const accent = await list('cerca=identita');
    expect(rows(accent.body)).toContain('a1.4');
    const code = await list('cerca=3.5');
    expect(rows(code.body)).toContain('a3.5');
    expect(code.body).toContain('value="3.5"');
  });

  it('filters by unit and status together, and offers to show every action again', async () => {
    const page = await list('settore=serv-dem&stato=planned');
    expect(rows(page.body)).toEqual(['a1.6', 'a3.7', 'a6.8']);
    expect(page.body).toContain('Mostra tutte le azioni');
    expect(page.body).toMatch(/<option value="serv-dem" selected/);
  });

  it('filters by priority and by a year of the plan', async () => {
    const page = await list('priorita=p4&anno=2027');
    const ids = rows(page.body);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id!.startsWith('a4.'))).toBe(true);
    expect(ids).toContain('a4.2');
    expect(ids).not.toContain('a4.3');
  });

  it('shows only open actions whose deadline has passed when asked, each marked overdue', async () => {
    const page = await list('scadute=1');
    const ids = rows(page.body);
    expect(ids).toEqual(expect.arrayContaining(['a1.1', 'a2.5', 'a4.3']));
    expect(ids).not.toContain('a2.1');
    expect(ids).not.toContain('a1.6');
    expect(page.body.match(/>Scaduta</g)).toHaveLength(ids.length);
  });

  it('orders by deadline, nearest first, and by progress, furthest first', async () => {
    const byDue = rows((await list('ordina=scadenza')).body);
    expect(byDue[0]).toBe('a3.6');
    expect(byDue.indexOf('a1.6')).toBeLessThan(byDue.indexOf('a5.5'));
    const byProgress = (await list('ordina=avanzamento&stato=in_progress')).body;
    const ids = rows(byProgress);
    expect(ids[0]).toBe('a4.1');
    expect(ids[ids.length - 1]).toBe('a5.2');
  });

  it('shows the timeline by year: the deadline in its year, the years an action runs', async () => {
    const page = await list('vista=anni&priorita=p1');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<caption>Cronoprogramma: gli anni in cui ogni azione è in corso');
    const row = (id: string) =>
      new RegExp(`<tr data-action="${id.replace('.', '\\.')}">([\\s\\S]*?)</tr>`).exec(
        page.body,
      )?.[1] ?? '';
    expect(row('a1.3')).toMatch(/data-year="2026">Scadenza 30\/06\/2026</);
    expect(row('a1.9')).toMatch(/data-year="2025">In corso</);
    expect(row('a1.9')).toMatch(/data-year="2026">In corso</);
  });

  it('ignores stale choices as the portal does, and keeps the order and view in the form', async () => {
    const page = await list('stato=sconosciuto&ordina=titolo&vista=nessuna');
    expect(page.statusCode).toBe(200);
    const [shown, total] = count(page.body) ?? [];
    expect(shown).toBe(total);
    expect(page.body).toMatch(/<option value="titolo" selected/);
    expect(page.body).toMatch(/<option value="elenco" selected/);
  });

  it('refuses a search too long or with control characters, saying why beside the field', async () => {
    const long = await list(`cerca=${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('La ricerca può avere al massimo 200 caratteri');
    expect(long.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    expect(long.body).toContain('aria-invalid="true"');
    const control = await list('cerca=a%01b');
    expect(control.statusCode).toBe(400);
    expect(control.body).toContain('/cerca contiene un carattere non ammesso');
  });

  it('is open to a unit’s editor, and in English under /en', async () => {
    const editor = new FormClient(server.app);
    expect((await editor.signIn('anagrafe@demo.piano.test', PASSWORD)).statusCode).toBe(303);
    expect((await list('settore=serv-dem', editor)).statusCode).toBe(200);
    const en = await rtd.get(`/en/gestione/piani/${server.planId}/azioni?scadute=1`);
    expect(en.body).toContain('Actions shown:');
    expect(en.body).toContain('>Overdue<');
  });
});
