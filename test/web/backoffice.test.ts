import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { createOrganization } from '../../src/operations/create-organization.js';
import { grantMembership } from '../../src/operations/grant-membership.js';
import { startPlanRevision } from '../../src/operations/start-plan-revision.js';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, hiddenIn, tokenIn } from './backoffice-client.js';

let server: WebServer;
const PASSWORD = 'demo-piano-2025';
const RTD = 'rtd@demo.piano.test';
const ANAGRAFE = 'anagrafe@demo.piano.test';

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

const client = () => new FormClient(server.app);
const actionUrl = (id: string) => `/gestione/piani/${server.planId}/azioni/${id}`;

async function signedIn(email: string) {
  const c = client();
  const response = await c.signIn(email, PASSWORD);
  expect(response.statusCode).toBe(303);
  return c;
}

describe('signing in and out', () => {
  it('shows a sign-in page with the fields Email and Password and the button Accedi, in both languages', async () => {
    const it = await client().get('/accedi');
    expect(it.statusCode).toBe(200);
    expect(it.body).toContain('<label for="field-email">Email</label>');
    expect(it.body).toContain('<label for="field-password">Password</label>');
    expect(it.body).toMatch(/<button type="submit" class="btn btn-primary">Accedi<\/button>/);
    const en = await client().get('/en/accedi');
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('>Sign in</button>');
  });

  it('offers to sign in from the header of public pages', async () => {
    const home = await client().get('/');
    expect(home.body).toContain('href="/accedi"');
  });

  it('refuses a wrong password with the message beside the field and a summary that takes the focus', async () => {
    const c = client();
    const page = await c.get('/accedi');
    const response = await c.post('/accedi', {
      _csrf: tokenIn(page.body),
      email: RTD,
      password: 'wrong',
    });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('Email o password non corretti');
    expect(response.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    expect(response.body).toContain('aria-invalid="true"');
    expect(response.body).toContain(`value="${RTD}"`);
    expect(c.cookie('piano_session')).toBeUndefined();
  });

  it('after too many failed attempts on an account, says in Italian when to retry', async () => {
    const c = client();
    const email = 'nessuno@demo.piano.test';
    let response;
    for (let i = 0; i < 6; i++) {
      const page = await c.get('/accedi');
      response = await c.post('/accedi', { _csrf: tokenIn(page.body), email, password: 'wrong' });
    }
    expect(response!.statusCode).toBe(429);
    expect(response!.headers['retry-after']).toBeDefined();
    expect(response!.body).toContain(
      'Troppi tentativi di accesso non riusciti: riprova tra 15 minuti.',
    );
    expect(response!.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
  });

  it('signs the RTD in with a session cookie and opens the plans; signing out ends the session', async () => {
    const c = client();
    const response = await c.signIn(RTD, PASSWORD);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/gestione');
    const session = response.cookies.find((k) => k.name === 'piano_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    const home = await c.get('/gestione');
    expect(home.headers.location).toBe('/gestione/piani');
    const plans = await c.get('/gestione/piani');
    expect(plans.statusCode).toBe(200);
    expect(plans.headers['cache-control']).toMatch(/\bno-store\b/);
    expect(plans.body).toContain('Crea piano');
    const out = await c.post('/esci', { _csrf: tokenIn(plans.body) });
    expect(out.statusCode).toBe(303);
    const after = await c.get('/gestione/piani');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/accedi?torna=%2Fgestione%2Fpiani');
  });

  it('sends visitors to sign in and back to the page they asked for', async () => {
    const c = client();
    const first = await c.get('/gestione/lavoro');
    expect(first.headers.location).toBe('/accedi?torna=%2Fgestione%2Flavoro');
    const page = await c.get(first.headers.location as string);
    const response = await c.post('/accedi', {
      _csrf: tokenIn(page.body),
      email: ANAGRAFE,
      password: PASSWORD,
      torna: hiddenIn(page.body, '/accedi', 'torna'),
    });
    expect(response.headers.location).toBe('/gestione/lavoro');
    // Another site is never a place to go back to.
    const evil = await c.get('/accedi?torna=//evil.example/');
    expect(evil.headers.location).toBe('/gestione');
  });
});

describe('form posts are protected against cross-site requests', () => {
  it('refuses a post without the token, with another session’s token, or from another origin', async () => {
    const c = await signedIn(RTD);
    const other = await signedIn(RTD);
    const page = await c.get('/gestione/piani');
    const token = tokenIn(page.body);
    const otherToken = tokenIn((await other.get('/gestione/piani')).body);
    const fields = { title: 'Piano di prova', startYear: '2026', endYear: '2028' };
    expect((await c.post('/gestione/piani', fields)).statusCode).toBe(403);
    expect((await c.post('/gestione/piani', { ...fields, _csrf: otherToken })).statusCode).toBe(
      403,
    );
    const foreign = await c.post(
      '/gestione/piani',
      { ...fields, _csrf: token },
      { origin: 'https://evil.example' },
    );
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['content-type']).toMatch(/^text\/html/);
    const plans = await c.get('/gestione/piani');
    expect(plans.body).not.toContain('Piano di prova');
  });

  it('refuses a sign-in post without the sign-in page’s token', async () => {
    const c = client();
    const response = await c.post('/accedi', { email: RTD, password: PASSWORD, _csrf: 'x' });
    expect(response.statusCode).toBe(403);
    expect(c.cookie('piano_session')).toBeUndefined();
  });

  it('keeps the Origin header on same-origin posts: pages send Referrer-Policy same-origin', async () => {
    const page = await client().get('/accedi');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('my work, for the editor of Servizi demografici', () => {
  it('lists only the unit’s actions, what is overdue, due within 30 days and never updated, and its indicators', async () => {
    const c = await signedIn(ANAGRAFE);
    const home = await c.get('/gestione');
    expect(home.headers.location).toBe('/gestione/lavoro');
    const page = await c.get('/gestione/lavoro');
    expect(page.statusCode).toBe(200);
    const cards = [...page.body.matchAll(/data-action="([^"]+)"/g)].map((m) => m[1]);
    expect(cards).toContain('a1.3');
    expect(cards).toContain('a1.5');
    expect(cards).not.toContain('a1.1');
    expect(cards).toHaveLength(13);
    expect(page.body).toContain('Scadute');
    expect(page.body).toContain('In scadenza nei prossimi 30 giorni');
    expect(page.body).toContain('Mai aggiornate (13)');
    expect(page.body).toContain('Servizi del Comune attivi su App IO');
    expect(page.body).not.toContain('Accessi con SPID ai servizi online');
  });

  it('updates status and progress in one step from the list, then says so', async () => {
    const c = await signedIn(ANAGRAFE);
    const page = await c.get('/gestione/lavoro');
    const action = actionUrl('a1.6');
    const response = await c.post(action, {
      _csrf: tokenIn(page.body),
      version: hiddenIn(page.body, action, 'version'),
      from: 'lavoro',
      read_status: 'planned',
      read_progress: '0',
      status: 'in_progress',
      progress: '20',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/gestione/lavoro?esito=salvato');
    const after = await c.get(response.headers.location as string);
    expect(after.body).toContain('Modifiche salvate.');
    const editor = await c.get(action);
    expect(editor.body).toMatch(/<option value="in_progress" selected>In corso<\/option>/);
    expect(editor.body).toContain('value="20"');
  });

  it('records a measurement of an indicator of the unit', async () => {
    const c = await signedIn(ANAGRAFE);
    const page = await c.get('/gestione/lavoro');
    const response = await c.post(`/gestione/piani/${server.planId}/indicatori/i6/rilevazioni`, {
      _csrf: tokenIn(page.body),
      date: '2026-03-10',
      value: '45',
    });
    expect(response.statusCode).toBe(303);
    const after = await c.get(response.headers.location as string);
    expect(after.body).toContain('Rilevazione registrata.');
    expect(after.body).toContain('45 % (10/03/2026)');
  });

  it('refuses, clearly, a change to another unit’s action, and changes nothing', async () => {
    const c = await signedIn(ANAGRAFE);
    const action = actionUrl('a1.1');
    const editor = await c.get(action);
    const response = await c.post(action, {
      _csrf: tokenIn(editor.body),
      version: hiddenIn(editor.body, action, 'version'),
      read_status: hiddenIn(editor.body, action, 'read_status'),
      status: 'suspended',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Modifica non consentita');
    expect(response.body).toContain('Puoi aggiornare solo le azioni del tuo settore.');
    const rtd = await signedIn(RTD);
    const still = await rtd.get(action);
    expect(still.body).not.toMatch(/<option value="suspended" selected/);
  });
});

describe('the action editor', () => {
  it('shows validation messages beside the fields and a summary on top, keeping what was typed', async () => {
    const c = await signedIn(RTD);
    const action = actionUrl('a1.9');
    const editor = await c.get(action);
    const response = await c.post(action, {
      _csrf: tokenIn(editor.body),
      version: hiddenIn(editor.body, action, 'version'),
      title: '',
      progress: '140',
      timing: 'entro dicembre 2026',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#field-title">Campo obbligatorio</a>');
    expect(response.body).toContain('id="field-progress-error">Scrivi un numero intero da 0 a 100');
    expect(response.body).toContain('value="entro dicembre 2026"');
  });

  it('shows the second of two people what the first changed beside what they typed, and reapplies it', async () => {
    // The demo plan is published, so its titles are frozen: the two edit next year's draft.
    const draft = await startPlanRevision({
      db: server.db,
      principal: COMMAND_LINE,
      planId: server.planId,
      period: 'next_year',
      completed: 'carry',
    });
    const first = await signedIn(ANAGRAFE);
    const second = await signedIn(ANAGRAFE);
    const action = `/gestione/piani/${draft.planId}/azioni/a1.5`;
    const one = await first.get(action);
    const two = await second.get(action);
    const form = (body: string) => ({
      _csrf: tokenIn(body),
      version: hiddenIn(body, action, 'version'),
      read_title: hiddenIn(body, action, 'read_title'),
      read_status: hiddenIn(body, action, 'read_status'),
      read_progress: hiddenIn(body, action, 'read_progress'),
      read_timing: hiddenIn(body, action, 'read_timing'),
      read_unit: hiddenIn(body, action, 'read_unit'),
    });
    const saved = await first.post(action, {
      ...form(one.body),
      title: 'Stato civile digitale in ANPR – primo',
      status: 'in_progress',
      progress: '60',
      timing: hiddenIn(one.body, action, 'read_timing'),
    });
    expect(saved.statusCode).toBe(303);
    const typed = 'Stato civile digitale in ANPR – testo del secondo';
    const conflict = await second.post(action, {
      ...form(two.body),
      title: typed,
      status: 'in_progress',
      progress: '40',
      timing: hiddenIn(two.body, action, 'read_timing'),
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Qualcun altro ha modificato questa azione');
    expect(conflict.body).toContain('Stato civile digitale in ANPR – primo');
    expect(conflict.body).toContain(`value="${typed}"`);
    expect(conflict.body).toContain('Riapplica le mie modifiche');
    const again = await second.post(action, {
      ...form(conflict.body),
      title: typed,
      status: 'in_progress',
      progress: '40',
      timing: hiddenIn(conflict.body, action, 'read_timing'),
    });
    expect(again.statusCode).toBe(303);
    const final = await second.get(action);
    expect(final.body).toContain(`value="${typed}"`);
    expect(final.body).toContain('value="40"');
  });
});

describe('my work beside a draft of next year’s revision', () => {
  it('lists the actions of the revision in force once, not again for the draft', async () => {
    const draft = await startPlanRevision({
      db: server.db,
      principal: COMMAND_LINE,
      planId: server.planId,
      period: 'next_year',
      completed: 'carry',
    });
    const page = await (await signedIn(ANAGRAFE)).get('/gestione/lavoro');
    expect(page.body).toContain(`/gestione/piani/${server.planId}/azioni/a1.6`);
    expect(page.body).not.toContain(`/gestione/piani/${draft.planId}/`);
    expect(page.body).toContain('Mai aggiornate (');
  });
});

describe('reapplying after a conflict', () => {
  it('keeps what the other person changed in the fields the second did not touch', async () => {
    const draft = await startPlanRevision({
      db: server.db,
      principal: COMMAND_LINE,
      planId: server.planId,
      period: 'next_year',
      completed: 'carry',
    });
    const [first, second] = [await signedIn(RTD), await signedIn(RTD)];
    const action = `/gestione/piani/${draft.planId}/azioni/a1.6`;
    const [one, two] = [await first.get(action), await second.get(action)];
    const fields = (body: string) =>
      Object.fromEntries(
        ['version', 'read_title', 'read_status', 'read_progress', 'read_timing', 'read_unit'].map(
          (name) => [name, hiddenIn(body, action, name)],
        ),
      );
    const base = (body: string) => ({
      _csrf: tokenIn(body),
      ...fields(body),
      title: hiddenIn(body, action, 'read_title'),
      status: hiddenIn(body, action, 'read_status'),
      progress: hiddenIn(body, action, 'read_progress'),
      timing: hiddenIn(body, action, 'read_timing'),
      unit: hiddenIn(body, action, 'read_unit'),
    });
    expect((await first.post(action, { ...base(one.body), progress: '35' })).statusCode).toBe(303);
    const conflict = await second.post(action, {
      ...base(two.body),
      title: 'Liste elettorali in ANPR, rivisto dal secondo',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('value="35"');
    const again = await second.post(action, {
      ...base(conflict.body),
      title: 'Liste elettorali in ANPR, rivisto dal secondo',
    });
    expect(again.statusCode).toBe(303);
    const final = await first.get(action);
    expect(final.body).toContain('value="Liste elettorali in ANPR, rivisto dal secondo"');
    expect(hiddenIn(final.body, action, 'read_progress')).toBe('35');
  });
});

describe('a published plan', () => {
  it('refuses a change to its content with 409 and says why, and still takes status and progress', async () => {
    const c = await signedIn(RTD);
    const action = actionUrl('a1.9');
    const editor = await c.get(action);
    const form = {
      _csrf: tokenIn(editor.body),
      version: hiddenIn(editor.body, action, 'version'),
      read_title: hiddenIn(editor.body, action, 'read_title'),
      read_status: hiddenIn(editor.body, action, 'read_status'),
      read_progress: hiddenIn(editor.body, action, 'read_progress'),
      read_timing: hiddenIn(editor.body, action, 'read_timing'),
      read_unit: hiddenIn(editor.body, action, 'read_unit'),
      timing: hiddenIn(editor.body, action, 'read_timing'),
      status: 'in_progress',
    };
    expect(editor.body).toContain('di un’azione si aggiornano lo stato e l’avanzamento');
    expect(editor.body).toMatch(/id="field-title"[^>]*readonly/);
    expect(editor.body).not.toContain('id="field-unit"');
    const refused = await c.post(action, { ...form, title: 'Un titolo nuovo', progress: '10' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('non si può più modificare');
    expect(refused.body).toContain('Modifica non consentita');
    const monitored = await c.post(action, {
      ...form,
      title: hiddenIn(editor.body, action, 'read_title'),
      progress: '15',
    });
    expect(monitored.statusCode).toBe(303);
  });
});

describe('what changes in a revision', () => {
  it('lists, in the plan document’s words, what changed from the revision it was started from', async () => {
    const draft = await startPlanRevision({
      db: server.db,
      principal: COMMAND_LINE,
      planId: server.planId,
      period: 'same',
      revisionLabel: 'Aggiornamento di prova',
      completed: 'leave',
    });
    const c = await signedIn(RTD);
    const page = await c.get(`/gestione/piani/${draft.planId}/modifiche`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Cosa cambia rispetto alla revisione precedente</h1>');
    expect(page.body).toMatch(/<li>Azione tolta: [^<]+<\/li>/);
    const plan = await c.get(`/gestione/piani/${draft.planId}`);
    expect(plan.body).toContain(`href="/gestione/piani/${draft.planId}/modifiche"`);
    const first = await c.get(`/gestione/piani/${server.planId}/modifiche`);
    expect(first.body).toContain('Questa revisione non è stata avviata da un’altra');
    const en = await c.get(`/en/gestione/piani/${draft.planId}/modifiche`);
    expect(en.body).toContain('<h1>What changes from the previous revision</h1>');
  });
});

describe('plans, for the RTD', () => {
  it('creates a plan, adds a priority and an action “entro giugno 2026” shown as 30/06/2026', async () => {
    const c = await signedIn(RTD);
    const plans = await c.get('/gestione/piani');
    const invalid = await c.post('/gestione/piani', {
      _csrf: tokenIn(plans.body),
      title: '',
      startYear: '2027',
      endYear: '2026',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('L’ultimo anno non può precedere il primo');
    const created = await c.post('/gestione/piani', {
      _csrf: tokenIn(plans.body),
      title: 'Piano triennale 2026–2028',
      startYear: '2026',
      endYear: '2028',
    });
    expect(created.statusCode).toBe(303);
    const planPath = (created.headers.location as string).replace(/\?.*$/, '');
    const plan = await c.get(created.headers.location as string);
    expect(plan.body).toContain('Elemento aggiunto.');
    expect(plan.body).toContain('Bozza');
    const priority = await c.post(`${planPath}/priorita`, {
      _csrf: tokenIn(plan.body),
      title: 'Servizi digitali',
      code: 'P1',
    });
    expect(priority.statusCode).toBe(303);
    const withPriority = await c.get(planPath);
    const priorityId = /<option value="([^"]+)"[^>]*>P1 – Servizi digitali/.exec(
      withPriority.body,
    )?.[1];
    expect(priorityId).toBeDefined();
    const action = await c.post(`${planPath}/azioni`, {
      _csrf: tokenIn(withPriority.body),
      title: 'Nuovi servizi su App IO',
      priorityId: priorityId as string,
      timing: 'entro giugno 2026',
      unit: 'serv-dem',
    });
    expect(action.statusCode).toBe(303);
    const editor = await c.get(action.headers.location as string);
    expect(editor.body).toContain('Scadenza: 30/06/2026');
    const overview = await c.get(planPath);
    expect(overview.body).toContain('Nuovi servizi su App IO');
    expect(overview.body).toContain('Scadenza: 30/06/2026');
  });

  it('does not let an editor create plans', async () => {
    const c = await signedIn(ANAGRAFE);
    const page = await c.get('/gestione/piani');
    expect(page.body).not.toContain('Crea piano');
    const response = await c.post('/gestione/piani', {
      _csrf: tokenIn(page.body),
      title: 'Piano non autorizzato',
      startYear: '2026',
      endYear: '2028',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('the plan dashboard', () => {
  it('shows progress by priority, overdue and upcoming deadlines, and spending totals equal to the plan’s', async () => {
    const demo = JSON.parse(await readFile('data/demo/plan.json', 'utf8'));
    const c = await signedIn(RTD);
    const plan = await c.get(`/gestione/piani/${server.planId}`);
    expect(plan.body).toContain(`href="/gestione/piani/${server.planId}/cruscotto">Cruscotto</a>`);
    const page = await c.get(`/gestione/piani/${server.planId}/cruscotto`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Avanzamento per priorità');
    const rows = [...page.body.matchAll(/data-priority="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(demo.priorities.map((p: { id: string }) => p.id));
    expect(page.body).toMatch(/Scadute: [1-9]/);
    expect(page.body).toContain(`href="/gestione/piani/${server.planId}/azioni/a5.3"`);
    const total =
      demo.spending.reduce(
        (t: number, s: { amount: number }) => t + Math.round(s.amount * 100),
        0,
      ) / 100;
    const euro = `€ ${new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, useGrouping: 'always' } as unknown as Intl.NumberFormatOptions).format(total)}`;
    expect(page.body).toMatch(new RegExp(`<tfoot><tr><th scope="row">Totale</th><td>${euro}</td>`));
  });
});

describe('people in several organizations', () => {
  it('switch organization with a form, and only to an organization of theirs', async () => {
    const other = await createOrganization({
      db: server.db,
      principal: COMMAND_LINE,
      fields: {
        name: 'Comune di Altavalle',
        type: 'comune',
        ipaCode: null,
        istatCode: null,
        province: null,
        region: null,
        population: null,
        pec: null,
        website: null,
        accessibilityUrl: null,
      },
    });
    await grantMembership({
      db: server.db,
      principal: COMMAND_LINE,
      organizationId: other.id,
      email: 'tecnico@demo.piano.test',
      role: 'admin',
    });
    const c = await signedIn('tecnico@demo.piano.test');
    const work = await c.get('/gestione/lavoro');
    expect(work.body).toContain('<label for="organization-switch">Ente</label>');
    const valdimonte = /<option value="([^"]+)"[^>]*>Comune di Valdimonte/.exec(work.body)?.[1];
    expect(valdimonte).toBeDefined();
    for (const [id, name] of [
      [other.id, 'Comune di Altavalle'],
      [valdimonte as string, 'Comune di Valdimonte'],
    ]) {
      const switched = await c.post('/gestione/ente', {
        _csrf: tokenIn(work.body),
        organizationId: id as string,
      });
      expect(switched.statusCode).toBe(303);
      const plans = await c.get('/gestione/piani');
      expect(plans.body).toContain(`<div class="it-brand-title">${name}</div>`);
    }
    const altavalle = await c.post('/gestione/ente', {
      _csrf: tokenIn(work.body),
      organizationId: other.id,
    });
    expect(altavalle.statusCode).toBe(303);
    expect((await c.get('/gestione/piani')).body).toContain('L’ente non ha ancora piani.');
    // An organization that is not theirs is ignored.
    const single = await signedIn(ANAGRAFE);
    const page = await single.get('/gestione/lavoro');
    expect(page.body).not.toContain('organization-switch');
    await single.post('/gestione/ente', { _csrf: tokenIn(page.body), organizationId: other.id });
    const after = await single.get('/gestione/lavoro');
    expect(after.body).toContain('<div class="it-brand-title">Comune di Valdimonte</div>');
  });
});
