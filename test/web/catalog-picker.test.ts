import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { readPart } from '../../src/operations/read-part.js';
import { startPlanRevision } from '../../src/operations/start-plan-revision.js';
import { updatePart } from '../../src/operations/update-part.js';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, hiddenIn, tokenIn } from './backoffice-client.js';

let server: WebServer;
/** Next year's draft of the demo plan: the published plan's links are frozen. */
let draftId: string;
const PASSWORD = 'demo-piano-2025';
const RTD = 'rtd@demo.piano.test';
const ANAGRAFE = 'anagrafe@demo.piano.test';

beforeAll(async () => {
  server = await startWebServer();
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

const page = (action: string, query = '') => `/gestione/piani/${draftId}/azioni/${action}${query}`;
const post = (action: string) => `${page(action)}/collegamenti`;

/** The action as stored, read as the command line reads it. */
async function stored(action: string) {
  const row = await readPart({
    db: server.db,
    principal: COMMAND_LINE,
    part: 'action',
    planId: draftId,
    key: action,
  });
  return {
    version: row.version,
    catalogRefs: row.catalogRefs as string[],
    pnrrMeasures: row.pnrrMeasures as string[],
  };
}

/** The codes listed with a button of `name` (e.g. every "collega" button of the results). */
const buttons = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1]);

/** The token and version of the picker's forms on a page. */
const pickerFields = (html: string, action: string) => ({
  _csrf: tokenIn(html),
  version: hiddenIn(html, post(action), 'version'),
});

describe('the catalog picker’s search', () => {
  it('finds lines of action by the beginning of their code, in any case, with their titles', async () => {
    const rtd = await signedIn(RTD);
    const response = await rtd.get(page('a1.8', '?cerca=cap4.pa.1'));
    expect(response.statusCode).toBe(200);
    const found = buttons(response.body, 'collega');
    expect(found.length).toBeGreaterThan(3);
    expect(found.every((code) => code?.startsWith('CAP4.PA.1'))).toBe(true);
    expect(response.body).toContain('Aderire ai servizi di stato civile di ANPR');
    expect(response.body).toContain('Risultati per “cap4.pa.1”');
  });

  it('finds lines by every word of their title, ignoring case and accents', async () => {
    const rtd = await signedIn(RTD);
    const words = await rtd.get(page('a1.8', '?cerca=Stato%20CIVILE%20anpr'));
    expect(buttons(words.body, 'collega')).toEqual(['CAP4.PA.18']);
    const accents = await rtd.get(page('a1.8', '?cerca=ACCESSIBILITA%20obiettivi%202025'));
    expect(buttons(accents.body, 'collega')).toEqual(['CAP3.PA.13']);
    expect(accents.body).toContain(
      'Pubblicare sul sito gli obiettivi di accessibilità per il 2025',
    );
  });

  it('finds PNRR measures by code and by words, and marks what is already linked', async () => {
    const rtd = await signedIn(RTD);
    const byCode = await rtd.get(page('a1.6', '?cerca=M1C1%201.4'));
    const measures = buttons(byCode.body, 'collega-misura');
    expect(measures).toEqual(['1.4.1', '1.4.2', '1.4.3', '1.4.5']);
    // a1.6 is linked to 1.4.4 already: shown, without a button.
    expect(byCode.body).toMatch(/data-code="1\.4\.4"[^]*?Già collegata/);
    const byWords = await rtd.get(page('a1.6', '?cerca=notifiche%20send'));
    expect(buttons(byWords.body, 'collega-misura')).toEqual(['1.4.5']);
    expect(byWords.body).toContain('Notifiche digitali con la piattaforma SEND');
  });

  it('says so when nothing matches', async () => {
    const rtd = await signedIn(RTD);
    const response = await rtd.get(page('a1.8', '?cerca=zzzqqq%20inesistente'));
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(
      'Nessuna linea d’azione e nessuna misura PNRR corrisponde a “zzzqqq inesistente”.',
    );
    expect(buttons(response.body, 'collega')).toEqual([]);
  });

  it('answers a search of 200 characters or with control characters with a clear message (400)', async () => {
    const rtd = await signedIn(RTD);
    const long = await rtd.get(page('a1.8', `?cerca=${'a'.repeat(200)}`));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('La ricerca deve avere meno di 200 caratteri');
    expect(long.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    const control = await rtd.get(page('a1.8', '?cerca=stato%09civile%7F'));
    expect(control.statusCode).toBe(400);
    expect(control.body).toContain('La ricerca contiene caratteri non ammessi');
    // NUL and the like are refused for every address before any page is built.
    const nul = await rtd.get(page('a1.8', '?cerca=anpr%00%1b'));
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('contiene un carattere non ammesso');
    const repeated = await rtd.get(page('a1.8', '?cerca=anpr&cerca=spid'));
    expect(repeated.statusCode).toBe(400);
    expect(repeated.body).toContain('La ricerca contiene caratteri non ammessi');
    const under = await rtd.get(page('a1.8', `?cerca=${'a'.repeat(199)}`));
    expect(under.statusCode).toBe(200);
  });
});

describe('linking an action through the picker', () => {
  it('links a line of action and unlinks it, announcing each outcome', async () => {
    const rtd = await signedIn(RTD);
    const before = await stored('a1.8');
    const search = await rtd.get(page('a1.8', '?cerca=stato%20civile%20anpr'));
    const linked = await rtd.post(post('a1.8'), {
      ...pickerFields(search.body, 'a1.8'),
      cerca: 'stato civile anpr',
      collega: 'CAP4.PA.18',
    });
    expect(linked.statusCode, linked.body).toBe(303);
    expect(linked.headers.location).toBe(
      `${page('a1.8')}?esito=collegata&cerca=stato+civile+anpr#collegamenti`,
    );
    expect((await stored('a1.8')).catalogRefs).toEqual([...before.catalogRefs, 'CAP4.PA.18']);
    const after = await rtd.get(linked.headers.location as string);
    expect(after.body).toMatch(/role="status"[^>]*><p[^>]*>Linea d’azione collegata all’azione\./);
    expect(buttons(after.body, 'scollega')).toContain('CAP4.PA.18');

    const unlinked = await rtd.post(post('a1.8'), {
      ...pickerFields(after.body, 'a1.8'),
      scollega: 'CAP4.PA.18',
    });
    expect(unlinked.statusCode).toBe(303);
    expect(unlinked.headers.location).toBe(`${page('a1.8')}?esito=scollegata#collegamenti`);
    expect((await stored('a1.8')).catalogRefs).toEqual(before.catalogRefs);
    const gone = await rtd.get(unlinked.headers.location as string);
    expect(gone.body).toContain('Linea d’azione scollegata dall’azione.');
    expect(buttons(gone.body, 'scollega')).not.toContain('CAP4.PA.18');
  });

  it('links and unlinks a PNRR measure, shown with its title', async () => {
    const rtd = await signedIn(RTD);
    const search = await rtd.get(page('a1.8', '?cerca=1.4.5'));
    const linked = await rtd.post(post('a1.8'), {
      ...pickerFields(search.body, 'a1.8'),
      'collega-misura': '1.4.5',
    });
    expect(linked.statusCode).toBe(303);
    expect((await stored('a1.8')).pnrrMeasures).toEqual(['1.4.5']);
    const after = await rtd.get(linked.headers.location as string);
    expect(after.body).toContain('Misura PNRR collegata all’azione.');
    expect(after.body).toMatch(
      /data-code="1\.4\.5"[^]*?Notifiche digitali con la piattaforma SEND[^]*?name="scollega-misura" value="1\.4\.5"/,
    );
    const unlinked = await rtd.post(post('a1.8'), {
      ...pickerFields(after.body, 'a1.8'),
      'scollega-misura': '1.4.5',
    });
    expect(unlinked.headers.location).toBe(`${page('a1.8')}?esito=misura-scollegata#collegamenti`);
    expect((await stored('a1.8')).pnrrMeasures).toEqual([]);
  });

  it('lets an editor link their own unit’s action', async () => {
    const editor = await signedIn(ANAGRAFE);
    const search = await editor.get(page('a1.6', '?cerca=CAP4.PA.18'));
    const linked = await editor.post(post('a1.6'), {
      ...pickerFields(search.body, 'a1.6'),
      collega: 'CAP4.PA.18',
    });
    expect(linked.statusCode).toBe(303);
    expect((await stored('a1.6')).catalogRefs).toEqual(['CAP4.PA.18']);
  });

  it('refuses an editor on another unit’s action as the editor page does, and stores nothing', async () => {
    const editor = await signedIn(ANAGRAFE);
    const before = await stored('a1.1');
    const search = await editor.get(page('a1.1', '?cerca=CAP4.PA.18'));
    const refused = await editor.post(post('a1.1'), {
      ...pickerFields(search.body, 'a1.1'),
      collega: 'CAP4.PA.18',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Modifica non consentita');
    expect(refused.body).toContain('Puoi aggiornare solo le azioni del tuo settore.');
    expect(await stored('a1.1')).toEqual(before);
  });

  it('shows a conflict when someone saved the action meanwhile, stores nothing, and links on confirming', async () => {
    const rtd = await signedIn(RTD);
    const search = await rtd.get(page('a1.7', '?cerca=CAP4.PA.18'));
    const fields = pickerFields(search.body, 'a1.7');
    // Someone else saves the action after the page was read.
    const read = await stored('a1.7');
    await updatePart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'action',
      planId: draftId,
      key: 'a1.7',
      version: read.version,
      changes: { progress: 40 },
    });
    const conflict = await rtd.post(post('a1.7'), { ...fields, collega: 'CAP4.PA.18' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Collegamento non salvato: l’azione è cambiata');
    expect(conflict.body).toContain('quindi il collegamento di CAP4.PA.18 non è stato salvato');
    const now = await stored('a1.7');
    expect(now.catalogRefs).toEqual(read.catalogRefs);
    expect(now.version).toBe(read.version + 1);
    // The page offers the same link again, on the version stored now.
    expect(hiddenIn(conflict.body, post('a1.7'), 'version')).toBe(String(now.version));
    const confirmed = await rtd.post(post('a1.7'), {
      ...pickerFields(conflict.body, 'a1.7'),
      collega: 'CAP4.PA.18',
    });
    expect(confirmed.statusCode).toBe(303);
    expect((await stored('a1.7')).catalogRefs).toEqual([...read.catalogRefs, 'CAP4.PA.18']);
  });

  it('refuses a code the catalog lacks with a clear message (400)', async () => {
    const rtd = await signedIn(RTD);
    const before = await stored('a1.8');
    const opened = await rtd.get(page('a1.8'));
    const response = await rtd.post(post('a1.8'), {
      ...pickerFields(opened.body, 'a1.8'),
      collega: 'CAP4.PA.99',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Il codice “CAP4.PA.99” non è nel catalogo');
    expect(await stored('a1.8')).toEqual(before);
  });

  it('refuses a link on a published revision with the reason, and a post without the form’s token', async () => {
    const rtd = await signedIn(RTD);
    const opened = await rtd.get(`/gestione/piani/${server.planId}/azioni/a1.8`);
    const address = `/gestione/piani/${server.planId}/azioni/a1.8/collegamenti`;
    const version = /name="version" value="(\d+)"/.exec(opened.body)?.[1] ?? '';
    const frozen = await rtd.post(address, {
      _csrf: tokenIn(opened.body),
      version,
      collega: 'CAP4.PA.18',
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.body).toContain('Collegamento non salvato');
    expect(frozen.body).toContain('approvata o pubblicata');
    const noToken = await rtd.post(post('a1.8'), { version: '1', collega: 'CAP4.PA.18' });
    expect(noToken.statusCode).toBe(403);
    const published = await readPart({
      db: server.db,
      principal: COMMAND_LINE,
      part: 'action',
      planId: server.planId,
      key: 'a1.8',
    });
    expect(published.catalogRefs).toEqual([]);
  });

  it('speaks English under /en', async () => {
    const rtd = await signedIn(RTD);
    const response = await rtd.get(`/en${page('a1.8', '?cerca=pagopa')}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Links to the national three-year plan');
    expect(response.body).toContain('Results for “pagopa”');
    expect(response.body).toMatch(/name="collega-misura" value="1\.4\.3"[^>]*>Link</);
    expect(response.body).toContain(`action="/en${post('a1.8')}"`);
  });

  it('shows the published plan’s links without buttons, as they can no longer change', async () => {
    const rtd = await signedIn(RTD);
    const response = await rtd.get(`/gestione/piani/${server.planId}/azioni/a1.1`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/data-code="CAP4\.PA\.04"/);
    expect(response.body).toContain('i collegamenti non si possono più cambiare');
    expect(buttons(response.body, 'scollega')).toEqual([]);
  });
});
