import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, tokenIn, type FormFile } from './backoffice-client.js';

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

const signedPdf = (): FormFile => ({
  name: 'file',
  fileName: 'delibera-giunta-12.pdf',
  contentType: 'application/pdf',
  content: Buffer.from('%PDF-1.7\n% deliberazione firmata\n%%EOF\n'),
});

/** A new draft plan of the demo comune, created through the plans form; returns its page. */
async function newDraft(rtd: FormClient, title: string) {
  const plans = await rtd.get('/gestione/piani');
  const created = await rtd.post('/gestione/piani', {
    _csrf: tokenIn(plans.body),
    title,
    startYear: '2027',
    endYear: '2029',
  });
  expect(created.statusCode).toBe(303);
  const planId = /\/gestione\/piani\/([0-9a-f-]+)/.exec(created.headers.location as string)?.[1];
  return `/gestione/piani/${planId}/pubblicazione`;
}

const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

describe('documents and publication', () => {
  it('takes a new plan from draft to published, then opens it on the portal and downloads its PDF', async () => {
    const rtd = await signedIn(RTD);
    const path = await newDraft(rtd, 'Piano triennale 2027-2029 da pubblicare');
    const draft = await rtd.get(path);
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toContain('Stato attuale: Bozza.');
    const proposed = await rtd.post(path, {
      _csrf: tokenIn(draft.body),
      step: 'propose',
      version: versionIn(draft.body),
    });
    expect(proposed.statusCode).toBe(303);
    const toApprove = await rtd.get(proposed.headers.location as string);
    expect(toApprove.body).toContain('Piano proposto per l’approvazione.');
    expect(toApprove.body).toContain('enctype="multipart/form-data"');
    const approved = await rtd.postMultipart(
      `${path}/approvazione`,
      {
        _csrf: tokenIn(toApprove.body),
        version: versionIn(toApprove.body),
        organ: 'Giunta comunale',
        number: '12',
        date: '2027-01-20',
      },
      [signedPdf()],
    );
    expect(approved.statusCode, approved.body).toBe(303);
    const toPublish = await rtd.get(approved.headers.location as string);
    expect(toPublish.body).toContain(
      'Approvato da Giunta comunale con deliberazione n. 12 del 20/01/2027.',
    );
    expect(toPublish.body).toContain('Scarica l’atto firmato');
    const published = await rtd.post(path, {
      _csrf: tokenIn(toPublish.body),
      step: 'publish',
      version: versionIn(toPublish.body),
    });
    expect(published.statusCode).toBe(303);
    const done = await rtd.get(published.headers.location as string);
    expect(done.body).toContain('Piano pubblicato.');
    const portal = /href="(\/enti\/[^"]+\/piani\/2027-2029)"/.exec(done.body)?.[1];
    expect(portal).toBeDefined();
    const visitor = new FormClient(server.app);
    const page = await visitor.get(portal as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Piano triennale 2027-2029 da pubblicare');
    const pdfLink = /href="(\/api\/plans\/[^"]+\/exports\/plan\.pdf)"/.exec(page.body)?.[1];
    const pdf = await visitor.get(pdfLink as string);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses an approval without the act’s facts and file, each said beside its field', async () => {
    const rtd = await signedIn(RTD);
    const path = await newDraft(rtd, 'Piano senza atto');
    const draft = await rtd.get(path);
    await rtd.post(path, {
      _csrf: tokenIn(draft.body),
      step: 'propose',
      version: versionIn(draft.body),
    });
    const page = await rtd.get(path);
    const refused = await rtd.postMultipart(
      `${path}/approvazione`,
      { _csrf: tokenIn(page.body), version: versionIn(page.body), organ: '', number: '', date: '' },
      [],
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    expect(refused.body).toContain('Scegli il file firmato della deliberazione');
    expect(refused.body).toContain('Scrivi una data valida');
    const notSigned = await rtd.postMultipart(
      `${path}/approvazione`,
      {
        _csrf: tokenIn(page.body),
        version: versionIn(page.body),
        organ: 'Giunta comunale',
        number: '3',
        date: '2027-02-01',
      },
      [{ ...signedPdf(), fileName: 'appunti.txt', content: Buffer.from('non firmato') }],
    );
    expect(notSigned.statusCode).toBe(400);
    expect(notSigned.body).toContain('deve essere un PDF o un file firmato P7M');
    expect(notSigned.body).toContain('value="Giunta comunale"');
    const still = await rtd.get(path);
    expect(still.body).toContain('Stato attuale: Proposta.');
  });

  it('refuses a step taken on a version someone else changed meanwhile (409), changing nothing', async () => {
    const rtd = await signedIn(RTD);
    const path = await newDraft(rtd, 'Piano conteso');
    const draft = await rtd.get(path);
    const stale = String(Number(versionIn(draft.body)) - 1);
    const refused = await rtd.post(path, {
      _csrf: tokenIn(draft.body),
      step: 'propose',
      version: stale,
    });
    expect(refused.statusCode).toBe(409);
    expect((await rtd.get(path)).body).toContain('Stato attuale: Bozza.');
  });

  it('shows an editor the documents but no step, and refuses their post', async () => {
    const editor = await signedIn(ANAGRAFE);
    const path = `/gestione/piani/${server.planId}/pubblicazione`;
    const page = await editor.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Solo l’amministratore dell’ente (RTD) fa avanzare il piano.');
    expect(page.body).toContain(`/api/plans/${server.planId}/exports/plan.pdf`);
    const refused = await editor.post(path, {
      _csrf: tokenIn(page.body),
      step: 'publish',
      version: '1',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('writes the monitoring report links at the date chosen', async () => {
    const rtd = await signedIn(RTD);
    const page = await rtd.get(`/gestione/piani/${server.planId}/pubblicazione?data=2026-06-30`);
    expect(page.body).toContain('exports/report.pdf?date=2026-06-30');
    expect(page.body).toContain('value="2026-06-30"');
  });
});
