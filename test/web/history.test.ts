import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, tokenIn } from './backoffice-client.js';

let server: WebServer;
const PASSWORD = 'demo-piano-2025';
const RTD = 'rtd@demo.piano.test';
const ANAGRAFE = 'anagrafe@demo.piano.test';

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const c = new FormClient(server.app);
  expect((await c.signIn(email, PASSWORD)).statusCode).toBe(303);
  return c;
}

describe('the audit history', () => {
  it('shows who changed an action, when, and the values before and after', async () => {
    const editor = await signedIn(ANAGRAFE);
    const work = await editor.get('/gestione/lavoro');
    const action = `/gestione/piani/${server.planId}/azioni/a1.4`;
    const page = await editor.get(action);
    const progress = /name="read_progress" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
    const next = String((Number(progress) + 7) % 100);
    const saved = await editor.post(action, {
      _csrf: tokenIn(work.body),
      version: /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '',
      read_progress: progress,
      progress: next,
    });
    expect(saved.statusCode).toBe(303);
    const rtd = await signedIn(RTD);
    const history = await rtd.get(`/gestione/piani/${server.planId}/storico?tipo=action&voce=a1.4`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Storico delle modifiche: Azione a1.4');
    const row = new RegExp(
      `<tr><td>\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}</td><td>${ANAGRAFE}</td><td>.*?</td><td>Avanzamento</td><td>${progress}</td><td>${next}</td></tr>`,
    );
    expect(history.body).toMatch(row);
  });

  it('lists the whole plan’s changes, linked from the plan page, in English too', async () => {
    const rtd = await signedIn(RTD);
    const plan = await rtd.get(`/gestione/piani/${server.planId}`);
    expect(plan.body).toContain(`href="/gestione/piani/${server.planId}/storico"`);
    const history = await rtd.get(`/en/gestione/piani/${server.planId}/storico`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('History of changes: The whole plan');
    expect(history.body).toContain('<th scope="col">Before</th>');
  });

  it('is for the organization’s admin: an editor gets a refusal and no link', async () => {
    const editor = await signedIn(ANAGRAFE);
    const plan = await editor.get(`/gestione/piani/${server.planId}`);
    expect(plan.body).not.toContain('/storico');
    const history = await editor.get(`/gestione/piani/${server.planId}/storico`);
    expect(history.statusCode).toBe(403);
  });
});

describe('the calendar feed’s address', () => {
  it('is issued once, works as a calendar, and stops working when revoked', async () => {
    const rtd = await signedIn(RTD);
    const page = await rtd.get('/gestione/calendario');
    expect(page.body).toContain('Non c’è un indirizzo attivo.');
    const issued = await rtd.post('/gestione/calendario', {
      _csrf: tokenIn(page.body),
      azione: 'crea',
    });
    expect(issued.statusCode).toBe(200);
    const address = /id="calendar-address"[^>]*value="([^"]+)"/.exec(issued.body)?.[1] ?? '';
    const feed = await new FormClient(server.app).get(new URL(address).pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    const again = await rtd.get('/gestione/calendario');
    expect(again.body).toMatch(/C’è un indirizzo attivo, creato il \d{2}\/\d{2}\/\d{4}\./);
    expect(again.body).not.toContain(new URL(address).pathname);
    const revoked = await rtd.post('/gestione/calendario', {
      _csrf: tokenIn(again.body),
      azione: 'revoca',
    });
    expect(revoked.statusCode).toBe(303);
    expect((await rtd.get(revoked.headers.location as string)).body).toContain(
      'Indirizzo del calendario revocato.',
    );
    expect((await new FormClient(server.app).get(new URL(address).pathname)).statusCode).toBe(404);
  });

  it('is refused to an editor', async () => {
    const editor = await signedIn(ANAGRAFE);
    expect((await editor.get('/gestione/calendario')).statusCode).toBe(403);
  });
});
