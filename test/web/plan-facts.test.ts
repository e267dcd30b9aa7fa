import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, tokenIn } from './backoffice-client.js';

let server: WebServer;
const PASSWORD = 'demo-piano-2025';
const RTD = 'rtd@demo.piano.test';

beforeAll(async () => {
  server = await startWebServer();
});
afterAll(() => server.close());

async function signedIn(email = RTD) {
  const c = new FormClient(server.app);
  expect((await c.signIn(email, PASSWORD)).statusCode).toBe(303);
  return c;
}

async function newDraft(rtd: FormClient) {
  const plans = await rtd.get('/gestione/piani');
  const created = await rtd.post('/gestione/piani', {
    _csrf: tokenIn(plans.body),
    title: 'Piano triennale 2027-2029',
    startYear: '2027',
    endYear: '2029',
  });
  return /\/gestione\/piani\/([0-9a-f-]+)/.exec(created.headers.location as string)?.[1] ?? '';
}

/** Every field of the form as the page holds it (inputs and selected options). */
function formFields(html: string): Record<string, string> {
  const at = html.indexOf('<form method="post" action="/gestione/piani/');
  const form = html.slice(at, html.indexOf('</form>', at));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    fields[m[1]!] = m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  }
  return fields;
}

describe('the plan facts editor', () => {
  it('saves title, revision label, national edition and a related instrument, and says so', async () => {
    const rtd = await signedIn();
    const planId = await newDraft(rtd);
    const url = `/gestione/piani/${planId}/dati`;
    const page = await rtd.get(url);
    expect(page.statusCode).toBe(200);
    expect((await rtd.get(`/gestione/piani/${planId}`)).body).toContain(`href="${url}"`);
    const saved = await rtd.post(url, {
      ...formFields(page.body),
      title: 'Piano triennale per l’informatica 2027–2029',
      revisionLabel: 'Prima stesura',
      nationalEdition: '2024-2026',
      'instrument-0-kind': 'PIAO',
      'instrument-0-label': 'Sezione Performance del PIAO 2027–2029',
      'instrument-0-section': '2.2',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?esito=dati`);
    const after = await rtd.get(saved.headers.location as string);
    expect(after.body).toContain('Dati del piano salvati.');
    const fields = formFields(after.body);
    expect(fields.title).toBe('Piano triennale per l’informatica 2027–2029');
    expect(fields.revisionLabel).toBe('Prima stesura');
    expect(fields.nationalEdition).toBe('2024-2026');
    expect(fields['instrument-0-kind']).toBe('PIAO');
    expect(fields['instrument-0-label']).toBe('Sezione Performance del PIAO 2027–2029');
    const api = await server.app.inject({
      method: 'GET',
      url: `/api/plans/${planId}`,
      headers: { cookie: `piano_session=${rtd.cookie('piano_session')}` },
    });
    expect(api.json()).toMatchObject({
      revisionLabel: 'Prima stesura',
      relatedInstruments: [
        {
          kind: 'PIAO',
          label: 'Sezione Performance del PIAO 2027–2029',
          section: '2.2',
          reference: null,
        },
      ],
    });

    // Emptying a row's description takes the instrument away.
    const removed = await rtd.post(url, { ...formFields(after.body), 'instrument-0-label': '' });
    expect(removed.statusCode).toBe(303);
    expect(formFields((await rtd.get(url)).body)['instrument-0-label'] ?? '').toBe('');
  });

  it('puts each problem beside its field, with the summary on top, keeping what was typed', async () => {
    const rtd = await signedIn();
    const planId = await newDraft(rtd);
    const url = `/gestione/piani/${planId}/dati`;
    const page = await rtd.get(url);
    const refused = await rtd.post(url, {
      ...formFields(page.body),
      startYear: '2029',
      endYear: '2027',
      nationalEdition: '1999-2001',
      'instrument-0-label': 'x'.repeat(301),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    expect(refused.body).toContain(
      'id="field-endYear-error">L’ultimo anno non può precedere il primo',
    );
    expect(refused.body).toMatch(
      /id="field-nationalEdition-error">Scegli un’edizione tra: [^<]*2024-2026/,
    );
    expect(refused.body).toContain('id="field-instrument-0-label-error">');
    expect(refused.body).toContain('value="2029"');
  });

  it('keeps a national edition the plan already names in its own words when other facts change', async () => {
    const rtd = await signedIn();
    const planId = await newDraft(rtd);
    const url = `/gestione/piani/${planId}/dati`;
    await server.db.query(`UPDATE plans SET national_edition = $2 WHERE id = $1`, [
      planId,
      '2024-2026 (aggiornamento 2025)',
    ]);
    const page = await rtd.get(url);
    expect(formFields(page.body).nationalEdition).toBe('2024-2026 (aggiornamento 2025)');
    const saved = await rtd.post(url, { ...formFields(page.body), revisionLabel: 'Bozza' });
    expect(saved.statusCode).toBe(303);
    const refused = await rtd.post(url, {
      ...formFields((await rtd.get(url)).body),
      nationalEdition: 'un’altra edizione',
    });
    expect(refused.statusCode).toBe(400);
  });

  it('shows the second of two admins what the first changed beside what they typed, and reapplies it', async () => {
    const rtd = await signedIn();
    const planId = await newDraft(rtd);
    const url = `/gestione/piani/${planId}/dati`;
    const other = await signedIn();
    const [one, two] = [await rtd.get(url), await other.get(url)];
    expect(
      (await rtd.post(url, { ...formFields(one.body), title: 'Titolo scelto dal primo' }))
        .statusCode,
    ).toBe(303);
    const typed = { ...formFields(two.body), revisionLabel: 'Etichetta del secondo' };
    const conflict = await other.post(url, typed);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Qualcun altro ha modificato i dati del piano');
    expect(conflict.body).toMatch(/<tr data-field="title">[\s\S]*?Titolo scelto dal primo/);
    expect(conflict.body).toContain('value="Etichetta del secondo"');
    const again = await other.post(url, { ...formFields(conflict.body) });
    expect(again.statusCode).toBe(303);
    const final = formFields((await rtd.get(url)).body);
    expect(final.title).toBe('Titolo scelto dal primo');
    expect(final.revisionLabel).toBe('Etichetta del secondo');
  });

  it('shows a published revision’s facts without a form, and refuses a crafted change with 409', async () => {
    const rtd = await signedIn();
    const url = `/gestione/piani/${server.planId}/dati`;
    const page = await rtd.get(url);
    expect(page.body).toContain('è approvata o pubblicata e i suoi dati non si cambiano più');
    expect(page.body).not.toContain('name="version"');
    const plan = await server.app.inject({ method: 'GET', url: `/api/plans/${server.planId}` });
    const crafted = await rtd.post(url, {
      _csrf: tokenIn(page.body),
      version: String(plan.json().version),
      title: 'Un altro titolo',
      startYear: String(plan.json().startYear),
      endYear: String(plan.json().endYear),
      read_title: plan.json().title,
      read_startYear: String(plan.json().startYear),
      read_endYear: String(plan.json().endYear),
    });
    expect(crafted.statusCode).toBe(409);
    expect(crafted.body).toContain('Modifica non consentita');
  });

  it('shows an editor the facts without a form, and refuses their post', async () => {
    const rtd = await signedIn();
    const planId = await newDraft(rtd);
    const url = `/gestione/piani/${planId}/dati`;
    const editor = await signedIn('anagrafe@demo.piano.test');
    const page = await editor.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Solo chi amministra l’ente cambia i dati del piano.');
    const post = await editor.post(url, {
      _csrf: tokenIn(page.body),
      version: '1',
      title: 'Titolo di un editor',
      startYear: '2027',
      endYear: '2029',
    });
    expect(post.statusCode).toBe(403);
    expect(formFields((await rtd.get(url)).body).title).toBe('Piano triennale 2027-2029');
  });
});
