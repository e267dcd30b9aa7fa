import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { readPart } from '../../src/operations/read-part.js';
import { startPlanRevision } from '../../src/operations/start-plan-revision.js';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, hiddenIn, tokenIn } from './backoffice-client.js';

let server: WebServer;
let draftId: string;
const PASSWORD = 'demo-piano-2025';
const RTD = 'rtd@demo.piano.test';
const ANAGRAFE = 'anagrafe@demo.piano.test';

beforeAll(async () => {
  server = await startWebServer();
  // The demo plan is published, so its parts are frozen: the editor works on next year's draft.
  const draft = await startPlanRevision({
    db: server.db,
    principal: COMMAND_LINE,
    planId: server.planId,
    period: 'next_year',
    completed: 'carry',
  });
  draftId = draft.planId;
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const c = new FormClient(server.app);
  expect((await c.signIn(email, PASSWORD)).statusCode).toBe(303);
  return c;
}

/** Text as the page escapes it in attributes and element content. */
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden fields of the edit form posting to `action`: the version and what was read. */
function editForm(body: string, action: string) {
  const at = body.indexOf(`action="${action}"`);
  const form = body.slice(at, body.indexOf('</form>', at));
  const fields: Record<string, string> = { _csrf: tokenIn(body) };
  for (const m of form.matchAll(
    /<input type="hidden" name="((?:read_)[^"]+|version)" value="([^"]*)"/g,
  )) {
    fields[m[1] as string] = unescape(m[2] as string);
  }
  return fields;
}

const glossary = () => `/gestione/piani/${draftId}/parti/glossario`;

describe('the list of one kind of part', () => {
  it('lists the plan’s glossary with links, and the plan page links every kind', async () => {
    const rtd = await signedIn(RTD);
    const list = await rtd.get(glossary());
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${glossary()}/g-acn">ACN</a>`);
    expect(list.body).toContain('Elementi: 19');
    expect(list.body).toContain('id="add-part"');
    const plan = await rtd.get(`/gestione/piani/${draftId}`);
    for (const segment of ['sezioni', 'glossario', 'indicatori', 'spesa', 'micro-azioni']) {
      expect(plan.body).toContain(`href="/gestione/piani/${draftId}/parti/${segment}"`);
    }
    const english = await rtd.get(`/en${glossary()}`);
    expect(english.body).toContain('<h1>Glossary</h1>');
  });
});

describe('the glossary editor', () => {
  it('adds a term, then changes its definition, sending only what changed', async () => {
    const rtd = await signedIn(RTD);
    const list = await rtd.get(glossary());
    const added = await rtd.post(glossary(), {
      _csrf: tokenIn(list.body),
      term: 'SUAP',
      definition: 'Sportello unico per le attività produttive.',
    });
    expect(added.statusCode, added.body).toBe(303);
    const itemPath = (added.headers.location as string).replace(/\?.*$/, '');
    const page = await rtd.get(added.headers.location as string);
    expect(page.body).toContain('Elemento aggiunto.');
    expect(page.body).toContain('Sportello unico per le attività produttive.</textarea>');
    const saved = await rtd.post(itemPath, {
      ...editForm(page.body, itemPath),
      term: 'SUAP',
      definition: 'Sportello unico per le attività produttive del Comune.',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const key = decodeURIComponent(itemPath.split('/').pop() ?? '');
    const row = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'glossary_term',
      planId: draftId,
      key,
    });
    expect(row.definition).toBe('Sportello unico per le attività produttive del Comune.');
    expect(row.version).toBe(2);
  });

  it('shows a missing term beside its field, with the summary on top, keeping the text', async () => {
    const rtd = await signedIn(RTD);
    const list = await rtd.get(glossary());
    const response = await rtd.post(glossary(), {
      _csrf: tokenIn(list.body),
      term: '',
      definition: 'Una definizione senza termine',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    expect(response.body).toContain('href="#field-term">Termine: Campo obbligatorio</a>');
    expect(response.body).toContain('id="field-term-error">Campo obbligatorio');
    expect(response.body).toContain('Una definizione senza termine</textarea>');
  });

  it('shows the second of two people what the first changed beside what they typed, and reapplies it', async () => {
    const first = await signedIn(RTD);
    const second = await signedIn(RTD);
    const item = `${glossary()}/g-acn`;
    const one = await first.get(item);
    const two = await second.get(item);
    expect(
      (
        await first.post(item, {
          ...editForm(one.body, item),
          term: 'ACN',
          definition: 'Agenzia per la cybersicurezza nazionale.',
        })
      ).statusCode,
    ).toBe(303);
    const conflict = await second.post(item, {
      ...editForm(two.body, item),
      term: 'ACN (Agenzia)',
      definition: 'Definizione scritta dalla seconda persona.',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Qualcun altro ha modificato questo elemento');
    expect(conflict.body).toMatch(
      /<tr data-field="definition"><th scope="row">Definizione<\/th><td>Agenzia per la cybersicurezza nazionale: qualifica[^<]*<\/td><td>Agenzia per la cybersicurezza nazionale\.<\/td><td>Definizione scritta dalla seconda persona\.<\/td><\/tr>/,
    );
    expect(conflict.body).toContain('value="ACN (Agenzia)"');
    expect(conflict.body).toContain('Definizione scritta dalla seconda persona.</textarea>');
    expect(conflict.body).toContain('Riapplica le mie modifiche');
    // Saving again sends the current version: what the second person typed wins, knowingly.
    const again = await second.post(item, {
      ...editForm(conflict.body, item),
      term: 'ACN (Agenzia)',
      definition: 'Definizione scritta dalla seconda persona.',
    });
    expect(again.statusCode, again.body).toBe(303);
    const row = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'glossary_term',
      planId: draftId,
      key: 'g-acn',
    });
    expect(row).toMatchObject({
      term: 'ACN (Agenzia)',
      definition: 'Definizione scritta dalla seconda persona.',
      version: 3,
    });
  });

  it('after a conflict keeps only what the user changed, so reapplying keeps the other’s change', async () => {
    const first = await signedIn(RTD);
    const second = await signedIn(RTD);
    const list = await first.get(glossary());
    const added = await first.post(glossary(), {
      _csrf: tokenIn(list.body),
      term: 'PDND',
      definition: 'Piattaforma digitale nazionale dati.',
    });
    const item = (added.headers.location as string).replace(/\?.*$/, '');
    const one = await first.get(item);
    const two = await second.get(item);
    await first.post(item, {
      ...editForm(one.body, item),
      definition: 'Piattaforma digitale nazionale dati (interoperabilità).',
    });
    const conflict = await second.post(item, { ...editForm(two.body, item), term: 'PDND (dati)' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('value="PDND (dati)"');
    expect(conflict.body).toContain(
      'Piattaforma digitale nazionale dati (interoperabilità).</textarea>',
    );
    const again = await second.post(item, {
      ...editForm(conflict.body, item),
      term: 'PDND (dati)',
      definition: 'Piattaforma digitale nazionale dati (interoperabilità).',
    });
    expect(again.statusCode).toBe(303);
    const page = await second.get(item);
    expect(page.body).toContain('<h1>PDND (dati)</h1>');
    expect(page.body).toContain(
      'Piattaforma digitale nazionale dati (interoperabilità).</textarea>',
    );
  });

  it('deletes a term only once the confirmation is ticked', async () => {
    const rtd = await signedIn(RTD);
    const list = await rtd.get(glossary());
    const added = await rtd.post(glossary(), {
      _csrf: tokenIn(list.body),
      term: 'Da eliminare',
      definition: 'Voce di prova.',
    });
    const item = (added.headers.location as string).replace(/\?.*$/, '');
    const page = await rtd.get(item);
    const version = hiddenIn(page.body, `${item}/elimina`, 'version');
    const unconfirmed = await rtd.post(`${item}/elimina`, { _csrf: tokenIn(page.body), version });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain(
      'id="field-conferma-error">Spunta la conferma per eliminare',
    );
    expect((await rtd.get(item)).statusCode).toBe(200);
    const deleted = await rtd.post(`${item}/elimina`, {
      _csrf: tokenIn(page.body),
      version,
      conferma: '1',
    });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`${glossary()}?esito=eliminato`);
    const after = await rtd.get(deleted.headers.location as string);
    expect(after.body).toContain('Elemento eliminato.');
    expect(after.body).not.toContain('Da eliminare');
    expect((await rtd.get(item)).statusCode).toBe(404);
  });

  it('refuses an editor’s change to the glossary with the reason, and changes nothing', async () => {
    const editor = await signedIn(ANAGRAFE);
    const item = `${glossary()}/g-acn`;
    const page = await editor.get(item);
    expect(page.statusCode).toBe(200);
    const before = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'glossary_term',
      planId: draftId,
      key: 'g-acn',
    });
    const refused = await editor.post(item, {
      ...editForm(page.body, item),
      term: 'Cambiato da un editor',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Modifica non consentita');
    expect(refused.body).toContain('Un editor può modificare solo azioni');
    const after = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'glossary_term',
      planId: draftId,
      key: 'g-acn',
    });
    expect(after.version).toBe(before.version);
    // Nor does an editor get the form to add one.
    expect((await editor.get(glossary())).body).not.toContain('id="add-part"');
  });

  it('shows a published plan’s parts read-only, and refuses a post to them', async () => {
    const rtd = await signedIn(RTD);
    const published = `/gestione/piani/${server.planId}/parti/glossario`;
    const list = await rtd.get(published);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Il piano è pubblicato: le sue parti non si modificano più.');
    expect(list.body).not.toContain('id="add-part"');
    const item = await rtd.get(`${published}/g-acn`);
    expect(item.body).toContain('<dt>Termine</dt>');
    expect(item.body).not.toContain(`action="${published}/g-acn"`);
    const refused = await rtd.post(`${published}/g-acn`, {
      _csrf: tokenIn(item.body),
      version: '1',
      read_term: 'ACN',
      term: 'Cambiato',
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('the organization’s units', () => {
  it('adds a unit with its kind and parent, renames it, and refuses an editor', async () => {
    const rtd = await signedIn(RTD);
    const home = await rtd.get('/gestione/piani');
    expect(home.body).toContain('href="/gestione/ente/settori"');
    const list = await rtd.get('/gestione/ente/settori');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/gestione/ente/settori/serv-dem"');
    expect(list.body).toContain('<option value="servizio">Servizio</option>');
    const added = await rtd.post('/gestione/ente/settori', {
      _csrf: tokenIn(list.body),
      name: 'Ufficio transizione digitale',
      kind: 'ufficio',
      parentId: 'aff-gen',
    });
    expect(added.statusCode, added.body).toBe(303);
    const item = (added.headers.location as string).replace(/\?.*$/, '');
    const page = await rtd.get(item);
    expect(page.body).toContain('<option value="ufficio" selected>Ufficio</option>');
    expect(page.body).toMatch(/<option value="aff-gen" selected>Settore Affari generali/);
    const renamed = await rtd.post(item, {
      ...editForm(page.body, item),
      name: 'Ufficio per la transizione digitale',
    });
    expect(renamed.statusCode).toBe(303);
    expect((await rtd.get(item)).body).toContain('<h1>Ufficio per la transizione digitale</h1>');

    const editor = await signedIn(ANAGRAFE);
    const seen = await editor.get(item);
    const refused = await editor.post(item, { ...editForm(seen.body, item), name: 'Altro nome' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Modifica non consentita');
  });
});

describe('the spending editor', () => {
  const spending = () => `/gestione/piani/${draftId}/parti/spesa`;

  it('reads an amount in euros written the Italian way, and links the action', async () => {
    const rtd = await signedIn(RTD);
    const list = await rtd.get(spending());
    expect(list.body).toContain('name="amount"');
    expect(list.body).toMatch(/<select[^>]*name="actionId"/);
    const added = await rtd.post(spending(), {
      _csrf: tokenIn(list.body),
      actionId: 'a4.1',
      description: 'Rinnovo postazioni di lavoro',
      fundingSource: 'Bilancio comunale',
      amount: '12.500,50',
      year: '2026',
      status: 'committed',
    });
    expect(added.statusCode, added.body).toBe(303);
    const key = decodeURIComponent(
      (added.headers.location as string).replace(/\?.*$/, '').split('/').pop() ?? '',
    );
    const row = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'spending_item',
      planId: draftId,
      key,
    });
    expect(row).toMatchObject({
      actionId: 'a4.1',
      amount: 12500.5,
      year: 2026,
      status: 'committed',
      cup: null,
    });
  });

  it('shows an amount that is not a number and a malformed CUP beside their fields', async () => {
    const rtd = await signedIn(RTD);
    const item = `${spending()}/s1`;
    const page = await rtd.get(item);
    const response = await rtd.post(item, {
      ...editForm(page.body, item),
      amount: 'molti euro',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="field-amount-error">Scrivi un numero');
    expect(response.body).toContain('value="molti euro"');
    const cup = await rtd.post(item, { ...editForm(page.body, item), cup: 'ABC' });
    expect(cup.statusCode).toBe(400);
    expect(cup.body).toContain('href="#field-cup"');
    expect(cup.body).toContain(
      'id="field-cup-error">Non è nel formato atteso: 15 lettere maiuscole o cifre',
    );
    expect(cup.body).toMatch(/<input[^>]*name="cup"[^>]*value="ABC"/);
    // Both at once: every problem is listed, in the form's order.
    const both = await rtd.post(item, {
      ...editForm(page.body, item),
      cup: 'ABC',
      amount: 'molti euro',
    });
    const summary = both.body.slice(both.body.indexOf('piano-error-summary'));
    expect(summary.indexOf('href="#field-cup"')).toBeGreaterThan(0);
    expect(summary.indexOf('href="#field-amount"')).toBeGreaterThan(
      summary.indexOf('href="#field-cup"'),
    );
  });
});

describe('the indicator editor', () => {
  const item = () => `/gestione/piani/${draftId}/parti/indicatori/i1`;

  it('edits the baseline’s sub-fields and keeps the targets as they were', async () => {
    const rtd = await signedIn(RTD);
    const page = await rtd.get(item());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<legend class="h6">Valore di partenza</legend>');
    expect(page.body).toContain('2025: +40% | +40% rispetto al 2024');
    const wrong = await rtd.post(item(), { ...editForm(page.body, item()), 'baseline.value': 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('id="field-baseline.value-error">Scrivi un numero');
    const saved = await rtd.post(item(), {
      ...editForm(page.body, item()),
      'baseline.value': '6500',
      direction: 'maintain',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const row = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'indicator',
      planId: draftId,
      key: 'i1',
    });
    expect(row.baseline).toEqual({
      value: 6500,
      date: '2024-12-31',
      text: 'accessi registrati nel 2024',
    });
    expect(row.direction).toBe('maintain');
    expect((row.targets as unknown[]).length).toBe(3);
  });
});

describe('an indicator’s targets', () => {
  const item = () => `/gestione/piani/${draftId}/parti/indicatori/i4`;

  it('are edited one per line — a value, a share of the baseline, an amount added — with the plan’s words', async () => {
    const rtd = await signedIn(RTD);
    const page = await rtd.get(item());
    const bad = await rtd.post(item(), { ...editForm(page.body, item()), targets: '2026 trenta' });
    expect(bad.statusCode).toBe(400);
    expect(unescape(bad.body)).toContain('Riga non valida: «2026 trenta»');
    const saved = await rtd.post(item(), {
      ...editForm(page.body, item()),
      targets: '2026: 32 | 32 servizi\n2027: +150%\n2028: +1.500,5',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const row = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'indicator',
      planId: draftId,
      key: 'i4',
    });
    expect(row.targets).toEqual([
      { year: 2026, kind: 'absolute', value: 32, text: '32 servizi' },
      { year: 2027, kind: 'relative_percent', value: 150, text: null },
      { year: 2028, kind: 'relative_delta', value: 1500.5, text: null },
    ]);
    const again = await rtd.get(item());
    expect(unescape(again.body)).toContain('2026: 32 | 32 servizi\n2027: +150%\n2028: +1500,5');
  });
});

describe('measurements', () => {
  it('are corrected by the unit’s editor on the published plan, which they monitor', async () => {
    const editor = await signedIn(ANAGRAFE);
    const list = await editor.get(`/gestione/piani/${server.planId}/parti/rilevazioni`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('non si modificano più');
    const added = await editor.post(`/gestione/piani/${server.planId}/parti/rilevazioni`, {
      _csrf: tokenIn(list.body),
      parent: 'i6',
      date: '2026-03-01',
      value: '48',
      note: '',
    });
    expect(added.statusCode, added.body).toBe(303);
    const url = (added.headers.location as string).split('?')[0] ?? '';
    const page = await editor.get(url);
    expect(page.body).toContain('value="48"');
    const fixed = await editor.post(url, { ...editForm(page.body, url), value: '49,5' });
    expect(fixed.statusCode, fixed.body).toBe(303);
    expect((await editor.get(url)).body).toContain('value="49.5"');
  });
});

describe('every kind of part', () => {
  it('opens the list and the first item’s form of each kind, with its fields', async () => {
    const rtd = await signedIn(RTD);
    const kinds: [string, string][] = [
      [`/gestione/piani/${draftId}/parti/sezioni`, 'name="body"'],
      [`/gestione/piani/${draftId}/parti/riferimenti`, 'name="url"'],
      [`/gestione/piani/${draftId}/parti/priorita`, 'name="nationalChapters"'],
      [`/gestione/piani/${draftId}/parti/stato-arte`, 'name="referenceDate"'],
      [`/gestione/piani/${draftId}/parti/micro-azioni`, 'name="timing"'],
      [`/gestione/piani/${draftId}/parti/piattaforme`, 'name="since"'],
      ['/gestione/ente/ruoli', 'name="appointmentAct.organ"'],
    ];
    for (const [list, field] of kinds) {
      const page = await rtd.get(list);
      expect(page.statusCode, list).toBe(200);
      expect(page.body, list).toContain(field);
      const first = new RegExp(`href="(${list}/[^"]+)"`).exec(page.body)?.[1];
      expect(first, list).toBeDefined();
      const item = await rtd.get(unescape(first ?? ''));
      expect(item.statusCode, first).toBe(200);
      expect(item.body, first).toContain(field);
    }
    expect((await rtd.get(`/gestione/piani/${draftId}/parti/azioni-x`)).statusCode).toBe(404);
  });
});

describe('deleting a part still in use', () => {
  it('is refused with the reason, and the priority stays', async () => {
    const rtd = await signedIn(RTD);
    const list = await rtd.get(`/gestione/piani/${draftId}/parti/priorita`);
    const item = /href="(\/gestione\/piani\/[^"]+\/parti\/priorita\/[^"]+)"/.exec(list.body)?.[1];
    expect(item).toBeDefined();
    const page = await rtd.get(item ?? '');
    const refused = await rtd.post(`${item}/elimina`, {
      _csrf: tokenIn(page.body),
      version: hiddenIn(page.body, `${item}/elimina`, 'version'),
      conferma: '1',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('L’elemento è ancora usato da altri elementi del piano');
    expect((await rtd.get(item ?? '')).statusCode).toBe(200);
  });
});

describe('micro-actions', () => {
  it('lets an editor add one to their unit’s action, with its timing read, and refuses another unit’s', async () => {
    const editor = await signedIn(ANAGRAFE);
    const micro = `/gestione/piani/${draftId}/parti/micro-azioni`;
    const list = await editor.get(micro);
    expect(list.body).toContain('id="add-part"');
    const fields = {
      _csrf: tokenIn(list.body),
      title: 'Verifica dei certificati emessi online',
      status: 'planned',
      timing: 'entro giugno 2026',
      ownerUnitIds: 'serv-dem',
    };
    const added = await editor.post(micro, { ...fields, parent: 'a1.5' });
    expect(added.statusCode, added.body).toBe(303);
    const page = await editor.get(added.headers.location as string);
    expect(page.body).toContain('Scadenza: 30/06/2026');
    const other = await editor.post(micro, { ...fields, parent: 'a1.2', ownerUnitIds: '' });
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain('Modifica non consentita');
  });
});
