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

/** A new, empty draft plan of the demo comune; returns its id. */
async function emptyDraft(rtd: FormClient) {
  const plans = await rtd.get('/gestione/piani');
  const created = await rtd.post('/gestione/piani', {
    _csrf: tokenIn(plans.body),
    title: 'Piano triennale 2027-2029',
    startYear: '2027',
    endYear: '2029',
  });
  return /\/gestione\/piani\/([0-9a-f-]+)/.exec(created.headers.location as string)?.[1] ?? '';
}

describe('the dashboard’s coverage of the national plan', () => {
  it('states the lines covered and lists blocking problems before warnings', async () => {
    const rtd = await signedIn(RTD);
    const planId = await emptyDraft(rtd);
    const page = await rtd.get(`/gestione/piani/${planId}/cruscotto`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Linee d’azione coperte: 0 su \d+ \(0%\)\./);
    const severities = [...page.body.matchAll(/data-severity="(\w+)"/g)].map((m) => m[1]);
    expect(severities.length).toBeGreaterThan(0);
    const order: Record<string, number> = { blocking: 0, warning: 1, info: 2 };
    const sorted = [...severities].sort((a, b) => (order[a ?? ''] ?? 3) - (order[b ?? ''] ?? 3));
    expect(severities).toEqual(sorted);
    expect(severities[0]).toBe('blocking');
    expect(page.body).toContain(`href="/gestione/piani/${planId}/avvio"`);
  });
});

describe('the starter page', () => {
  it('adds the proposed actions the RTD chooses to the plan, under their chapter’s priority', async () => {
    const rtd = await signedIn(RTD);
    const planId = await emptyDraft(rtd);
    const page = await rtd.get(`/gestione/piani/${planId}/avvio`);
    expect(page.statusCode).toBe(200);
    const choices = [...page.body.matchAll(/name="(scegli-\d+)" value="([^"]+)"/g)];
    expect(choices.length).toBeGreaterThan(2);
    const titles = [
      ...page.body.matchAll(/<label class="form-check-label[^"]*" for="choice-(\d+)">([^<]+)</g),
    ];
    const chosen = choices.slice(0, 2);
    const added = await rtd.post(`/gestione/piani/${planId}/avvio`, {
      _csrf: tokenIn(page.body),
      ...Object.fromEntries(chosen.map((m) => [m[1], m[2]])),
    });
    expect(added.statusCode, added.body).toBe(303);
    const plan = await rtd.get(added.headers.location as string);
    expect(plan.body).toContain('Elemento aggiunto.');
    for (const [, index] of chosen.map((m) => /scegli-(\d+)/.exec(m[1] as string) ?? [])) {
      const title = titles.find((t) => t[1] === index)?.[2] ?? 'missing';
      expect(plan.body).toContain(title);
    }
    // What was added is no longer proposed.
    const again = await rtd.get(`/gestione/piani/${planId}/avvio`);
    for (const m of chosen) expect(again.body).not.toContain(`value="${m[2]}"`);
  });

  it('asks to choose at least one action, with the summary on top', async () => {
    const rtd = await signedIn(RTD);
    const planId = await emptyDraft(rtd);
    const page = await rtd.get(`/gestione/piani/${planId}/avvio`);
    const response = await rtd.post(`/gestione/piani/${planId}/avvio`, {
      _csrf: tokenIn(page.body),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Scegli almeno un’azione da aggiungere');
    expect(response.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
  });

  it('refuses an editor’s post and adds nothing', async () => {
    const rtd = await signedIn(RTD);
    const planId = await emptyDraft(rtd);
    const editor = await signedIn(ANAGRAFE);
    const page = await editor.get(`/gestione/piani/${planId}/avvio`);
    const value = /name="scegli-0" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const refused = await editor.post(`/gestione/piani/${planId}/avvio`, {
      _csrf: tokenIn(page.body),
      'scegli-0': value,
    });
    expect(refused.statusCode).toBe(403);
    const after = await rtd.get(`/gestione/piani/${planId}`);
    expect(after.body).toContain('Nessuna priorità');
  });
});
