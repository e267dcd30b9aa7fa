import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../src/operations/callers.js';
import { createOrganization } from '../../src/operations/create-organization.js';
import { grantMembership } from '../../src/operations/grant-membership.js';
import { dumpDatabase } from '../../src/storage/backup.js';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, tokenIn } from './backoffice-client.js';

/** Issue 10, item 6: the import wizard of the back office, server-side, on both backends. */
let server: WebServer;
const PASSWORD = 'demo-piano-2025';
const SEED = '../shared/seeds/001_bdb0d1d954de9b50.txt';
let seed: Buffer;

beforeAll(async () => {
  server = await startWebServer();
  seed = await readFile(SEED);
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const c = new FormClient(server.app);
  expect((await c.signIn(email, PASSWORD)).statusCode).toBe(303);
  return c;
}

/** Uploads a file through the wizard's form, with the form's own token. */
async function upload(
  c: FormClient,
  file: { name: string; type: string; content: Buffer | string },
) {
  const form = await c.get('/gestione/importa');
  expect(form.statusCode).toBe(200);
  return c.postFile('/gestione/importa', { _csrf: tokenIn(form.body) }, file);
}

async function importSeed(c: FormClient) {
  const response = await upload(c, { name: '001.txt', type: 'text/plain', content: seed });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  const location = response.headers.location as string;
  expect(location).toMatch(/^\/gestione\/importa\/[0-9a-f-]{36}$/);
  return location;
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the import wizard', () => {
  it('is linked from the plans page and asks for a file with a token in its multipart form', async () => {
    const c = await signedIn('rtd@demo.piano.test');
    const plans = await c.get('/gestione/piani');
    expect(plans.body).toContain('href="/gestione/importa"');
    const form = await c.get('/gestione/importa');
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('<label for="field-file">File del piano</label>');
    expect(form.body).toContain('name="_csrf"');
    const en = await c.get('/en/gestione/importa');
    expect(en.body).toContain('<label for="field-file">Plan file</label>');
  });

  it('imports seed 001, shows each action with its confidence, why and source line, and saves the corrected draft as a plan', async () => {
    const c = await signedIn('rtd@demo.piano.test');
    const review = await importSeed(c);
    const page = await c.get(review);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    const text = textOf(page.body);
    expect(text).toContain('Revisione della bozza importata');
    expect(text).toContain('Riconosciute 6 priorità e 22 azioni.');
    // The first priority's actions, each beside the text it came from.
    expect(page.body).toContain('id="azione-a1"');
    expect(text).toContain('Affidabilità 97%');
    expect(text).toContain('riconosciuto come titolo con i campi Responsabilità e Tempi');
    expect(text).toContain('Riga 255');
    expect(text).toMatch(/255: Incrementare i servizi on-line attivabili/);
    // One priority at a time: the fifth priority's actions are on their own page.
    expect(page.body).not.toContain('id="azione-a20"');

    // The other parts recognised, each with where it came from.
    const others = textOf((await c.get(`${review}?priorita=altro`)).body);
    expect(others).toContain('Comune di Castiglion Fiorentino');
    expect(others).toContain('SETTORE 7 - Ambiente, Sistema Informativo');
    expect(others).toMatch(
      /Abilitazione al Cloud per la PA locali PNRR € 121\.992,00 Riga \d+ · \d+%/,
    );

    // Correct the first action's title, responsibles and timing.
    const corrected = await c.post(`${review}/azioni/a1/correggi`, {
      _csrf: tokenIn(page.body),
      title: 'Servizi on line con SPID e CIE',
      priorityId: 'p1',
      responsibles: 'RTD\nSettore 7',
      timing: 'entro giugno 2024',
    });
    expect(corrected.statusCode).toBe(303);
    expect(corrected.headers.location).toBe(`${review}?priorita=p1&esito=corretta#azione-a1`);
    const after = await c.get(corrected.headers.location as string);
    expect(after.body).toMatch(
      /<div role="status"[^>]*><p class="alert alert-success">Correzione salvata\./,
    );
    const afterText = textOf(after.body);
    expect(afterText).toContain('Servizi on line con SPID e CIE');
    expect(afterText).toContain('RTD; Settore 7');
    expect(afterText).toContain('Scadenza: 30/06/2024');
    expect(afterText).toContain('Revisione: corretta');

    // A timing that means no date is flagged, never guessed.
    const vague = await c.post(`${review}/azioni/a3/correggi`, {
      _csrf: tokenIn(page.body),
      title: 'Fascicoli dei cittadini',
      priorityId: 'p1',
      responsibles: '',
      timing: 'quando possibile',
    });
    expect(vague.statusCode).toBe(303);
    expect(textOf((await c.get(review)).body)).toContain('Tempi non interpretati');

    // An empty title is refused beside the field, with the typed values kept.
    const refused = await c.post(`${review}/azioni/a1/correggi`, {
      _csrf: tokenIn(page.body),
      title: '',
      priorityId: 'p1',
      responsibles: '',
      timing: 'entro marzo 2024',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    expect(refused.body).toContain('<a href="#field-a1-title">Campo obbligatorio</a>');
    expect(refused.body).toContain('value="entro marzo 2024"');

    // Delete the second action; turn the fourth back into text.
    const deleted = await c.post(`${review}/azioni/a2/elimina`, { _csrf: tokenIn(page.body) });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe(`${review}?priorita=p1&esito=eliminata#priorita`);
    const toText = await c.post(`${review}/azioni/a4/testo`, { _csrf: tokenIn(page.body) });
    expect(toText.statusCode).toBe(303);
    const accepted = await c.post(`${review}/azioni/a5/accetta`, { _csrf: tokenIn(page.body) });
    expect(accepted.headers.location).toBe(`${review}?priorita=p1&esito=accettata#azione-a5`);
    const p1 = textOf((await c.get(`${review}?priorita=p1`)).body);
    expect(p1).not.toContain('Implementare l');
    expect(p1).toContain('Revisione: accettata');

    // Turn a line of the source text into an action.
    const source = await c.get(`${review}/testo?da=400`);
    expect(source.statusCode).toBe(200);
    const line =
      /<li id="riga-(\d+)"[^>]*><span class="piano-hint">[^<]*<\/span>([^<]{20,})<form/.exec(
        source.body,
      );
    expect(line).not.toBeNull();
    const [, index, lineText] = line as RegExpExecArray;
    const made = await c.post(`${review}/righe/${index}`, { _csrf: tokenIn(source.body) });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toMatch(/esito=riga#azione-r\d+$/);
    const withLine = await c.get(made.headers.location as string);
    const title = (lineText as string).replace(/^[\s\-–•●▪➢*\d.)]+/u, '').trim();
    expect(withLine.body).toContain(title);
    expect(textOf(withLine.body)).toContain('aggiunta da te da una riga del testo');

    // Save: a draft plan of the organization, with the changes.
    const saved = await c.post(`${review}/salva`, { _csrf: tokenIn(page.body) });
    expect(saved.statusCode).toBe(303);
    const planPath = (saved.headers.location as string).replace(/\?.*$/, '');
    expect(saved.headers.location).toMatch(/^\/gestione\/piani\/[0-9a-f-]{36}\?esito=importato$/);
    const plan = await c.get(saved.headers.location as string);
    const planText = textOf(plan.body);
    expect(planText).toContain('Bozza importata e salvata come piano.');
    expect(planText).toContain('Servizi on line con SPID e CIE');
    expect(planText).toContain('Scadenza: 30/06/2024');
    expect(planText).toContain(title);
    expect(planText).not.toContain('Implementare l');
    expect(planText).toContain('Bozza');
    const document = await c.get(`/api/plans/${planPath.split('/').pop()}/document`);
    const doc = JSON.parse(document.body) as {
      plan: { status: string };
      organization: { name: string };
      actions: { id: string; title: string; responsibles: string[] }[];
      priorities: { id: string; description: string | null }[];
    };
    expect(doc.plan.status).toBe('draft');
    expect(doc.organization.name).toBe('Comune di Valdimonte');
    expect(doc.actions).toHaveLength(22 - 2 + 1);
    expect(doc.actions.find((a) => a.id === 'a1')?.responsibles).toEqual(['RTD', 'Settore 7']);
    expect(doc.priorities.find((p) => p.id === 'p1')?.description).toContain('Garantire');
    // The draft is gone once saved.
    expect((await c.get(review)).statusCode).toBe(404);
  });

  it('pages a priority with many actions, 25 a page, and goes back to the page of the action changed', async () => {
    const c = await signedIn('rtd@demo.piano.test');
    const review = await importSeed(c);
    const first = await c.get(review);
    expect(first.body).not.toContain('Pagina 1 di 2');
    // Lines right below the first action become actions of the same priority (8 already).
    const source = await c.get(`${review}/testo`);
    const free = [...source.body.matchAll(/action="[^"]*\/righe\/(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    const a1Line = Number(
      /<li id="riga-(\d+)"[^>]*>(?:(?!<\/li>).)*#azione-a1"/s.exec(source.body)?.[1],
    );
    const below = free.filter((i) => i > a1Line).slice(0, 18);
    expect(below).toHaveLength(18);
    let last = '';
    for (const line of below) {
      const made = await c.post(`${review}/righe/${line}`, { _csrf: tokenIn(first.body) });
      last = made.headers.location as string;
    }
    expect(last).toMatch(/\?priorita=p1&pagina=2&esito=riga#azione-r\d+$/);
    const pageOne = await c.get(`${review}?priorita=p1`);
    expect(pageOne.body).toContain('Pagina 1 di 2');
    expect(pageOne.body.match(/<article /g)).toHaveLength(25);
    const pageTwo = await c.get(last);
    expect(pageTwo.body.match(/<article /g)).toHaveLength(1);
    // No page of the review is heavy.
    for (const page of [pageOne, pageTwo, source]) expect(page.body.length).toBeLessThan(300_000);
  });

  it('keeps drafts in backups like every other table', async () => {
    const c = await signedIn('rtd@demo.piano.test');
    await importSeed(c);
    const dump = await dumpDatabase(server.db);
    const drafts = dump.tables.find((t) => t.name === 'import_drafts');
    expect(drafts?.rows.length).toBeGreaterThan(0);
  });

  it('refuses files it cannot read with an Italian message and a 4xx status, never a 500', async () => {
    const c = await signedIn('rtd@demo.piano.test');
    const empty = await upload(c, { name: 'vuoto.txt', type: 'text/plain', content: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Il file non si può leggere come piano.');
    expect(empty.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 0, 3,
    ]);
    const png = await upload(c, { name: 'logo.png', type: 'image/png', content: binary });
    expect([415, 422]).toContain(png.statusCode);
    expect(png.body).toMatch(/Il formato del file non è tra quelli|Il file non si può leggere/);
    const huge = await upload(c, {
      name: 'grande.txt',
      type: 'text/plain',
      content: Buffer.alloc(20 * 1024 * 1024 + 1, 'a'),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('Il file è troppo grande.');
    const form = await c.get('/gestione/importa');
    const none = await c.postFile(
      '/gestione/importa',
      { _csrf: tokenIn(form.body) },
      {
        name: '',
        type: 'application/octet-stream',
        content: '',
      },
    );
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Scegli il file del piano da caricare');
  });

  it('refuses an upload without the form token', async () => {
    const c = await signedIn('rtd@demo.piano.test');
    const response = await c.postFile(
      '/gestione/importa',
      { _csrf: 'falso' },
      {
        name: '001.txt',
        type: 'text/plain',
        content: seed,
      },
    );
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Modulo scaduto');
  });

  it('refuses an editor clearly: only those who may create plans import one', async () => {
    const c = await signedIn('anagrafe@demo.piano.test');
    const page = await c.get('/gestione/importa');
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Solo gli amministratori dell’ente');
    const work = await c.get('/gestione/lavoro');
    const posted = await c.postFile(
      '/gestione/importa',
      { _csrf: tokenIn(work.body) },
      {
        name: '001.txt',
        type: 'text/plain',
        content: seed,
      },
    );
    expect(posted.statusCode).toBe(403);
  });

  it('does not show a draft in another organization, nor to another user (404)', async () => {
    const c = await signedIn('rtd@demo.piano.test');
    const review = await importSeed(c);
    const other = await createOrganization({
      db: server.db,
      principal: COMMAND_LINE,
      fields: {
        name: 'Comune di Poggiolungo',
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
      email: 'rtd@demo.piano.test',
      role: 'admin',
    });
    const page = await c.get('/gestione/piani');
    const switched = await c.post('/gestione/ente', {
      _csrf: tokenIn(page.body),
      organizationId: other.id,
    });
    expect(switched.statusCode).toBe(303);
    expect((await c.get(review)).statusCode).toBe(404);
    const change = await c.post(`${review}/azioni/a1/elimina`, { _csrf: tokenIn(page.body) });
    expect(change.statusCode).toBe(404);
    // Another admin of the same organization does not see it either: a draft is its uploader's.
    const [valdimonte] = await server.db.query<{ id: string }>(
      'SELECT organization_id AS id FROM plans WHERE id = $1',
      [server.planId],
    );
    await grantMembership({
      db: server.db,
      principal: COMMAND_LINE,
      organizationId: valdimonte!.id,
      email: 'vice@demo.piano.test',
      password: PASSWORD,
      role: 'admin',
    });
    const someoneElse = await signedIn('vice@demo.piano.test');
    expect((await someoneElse.get(review)).statusCode).toBe(404);
  });
});
