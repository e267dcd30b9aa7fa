import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function signedIn(email: string) {
  const c = new FormClient(server.app);
  expect((await c.signIn(email, PASSWORD)).statusCode).toBe(303);
  return c;
}

/** Invites through the people page as the RTD; returns the link's path, shown once. */
async function invite(fields: Record<string, string>) {
  const rtd = await signedIn(RTD);
  const page = await rtd.get('/gestione/persone');
  const response = await rtd.post('/gestione/persone/inviti', {
    _csrf: tokenIn(page.body),
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(200);
  const link = /id="issued-link"[^>]*value="([^"]+)"/.exec(response.body)?.[1] ?? '';
  expect(link).toMatch(/\/invito\/[A-Za-z0-9_-]{40,}$/);
  return { rtd, page: response, path: new URL(link).pathname };
}

describe('the people page', () => {
  it('lists the members with their roles for the RTD, linked from the menu', async () => {
    const rtd = await signedIn(RTD);
    const plans = await rtd.get('/gestione/piani');
    expect(plans.body).toContain('href="/gestione/persone"');
    const page = await rtd.get('/gestione/persone');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Persone e ruoli</h1>');
    expect(page.body).toContain(ANAGRAFE);
    expect(page.body).toContain('Editor di un settore');
    expect(page.headers['cache-control']).toMatch(/no-store/);
  });

  it('is refused to an editor, and not in their menu', async () => {
    const editor = await signedIn(ANAGRAFE);
    const work = await editor.get('/gestione/lavoro');
    expect(work.body).not.toContain('href="/gestione/persone"');
    const page = await editor.get('/gestione/persone');
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain(RTD);
  });

  it('shows the new invitation’s link once, and lists the invitation without it', async () => {
    const { rtd, page, path } = await invite({
      email: 'collega.nuova@demo.piano.test',
      role: 'viewer',
      unitId: '',
    });
    expect(page.body).toContain('Invito creato per collega.nuova@demo.piano.test');
    expect(page.body).toMatch(/role="status"[^>]*>\s*<p[^>]*>Invito creato/);
    const again = await rtd.get('/gestione/persone');
    expect(again.body).toContain('collega.nuova@demo.piano.test');
    expect(again.body).not.toContain(path.split('/').pop());
  });

  it('answers alike whether the invited address has an account or not', async () => {
    const known = await invite({ email: ANAGRAFE, role: 'admin', unitId: '' });
    const unknown = await invite({
      email: 'sconosciuta@demo.piano.test',
      role: 'admin',
      unitId: '',
    });
    // What the post answers about the invitation: the status message and the link's box.
    const answer = (html: string, email: string) => {
      const status = /<div role="status"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
      const box = /<section class="piano-note[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(box).toContain('Collegamento dell’invito');
      return (status + box).replaceAll(email, 'EMAIL').replace(/\/invito\/[A-Za-z0-9_-]+/, 'LINK');
    };
    expect(answer(known.page.body, ANAGRAFE)).toBe(
      answer(unknown.page.body, 'sconosciuta@demo.piano.test'),
    );
    // And neither names the person who has the account.
    expect(known.page.body).not.toMatch(/Invito creato per Servizi demografici/);
  });

  it('refuses an editor without a unit, with the message beside the field and a summary', async () => {
    const rtd = await signedIn(RTD);
    const page = await rtd.get('/gestione/persone');
    const response = await rtd.post('/gestione/persone/inviti', {
      _csrf: tokenIn(page.body),
      email: 'senza.settore@demo.piano.test',
      role: 'editor',
      unitId: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/class="piano-error-summary"[^>]*autofocus/);
    expect(response.body).toContain('Scegli il settore: un editor ne ha sempre uno');
    expect(response.body).toContain('value="senza.settore@demo.piano.test"');
  });

  it('withdraws an invitation: its link then says so', async () => {
    const { rtd, path } = await invite({
      email: 'ritirata@demo.piano.test',
      role: 'viewer',
      unitId: '',
    });
    const page = await rtd.get('/gestione/persone');
    const id = /action="\/gestione\/persone\/inviti\/([0-9a-f-]+)\/ritira"/.exec(page.body)?.[1];
    const revoke = `/gestione/persone/inviti/${id}/ritira`;
    const response = await rtd.post(revoke, { _csrf: hiddenIn(page.body, revoke, '_csrf') });
    expect(response.statusCode).toBe(303);
    const link = await new FormClient(server.app).get(path);
    expect(link.statusCode).toBe(410);
    expect(link.body).toContain('ritirato');
  });
});

describe('accepting an invitation', () => {
  it('a new person creates their account from the link and lands in their work, signed in', async () => {
    const { path } = await invite({
      email: 'nuovo.editor@demo.piano.test',
      role: 'editor',
      unitId: 'serv-dem',
    });
    const visitor = new FormClient(server.app);
    const page = await visitor.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Indirizzo invitato: nuovo.editor@demo.piano.test');
    expect(page.body).toContain('Editor di un settore');
    const accepted = await visitor.post(path, {
      _csrf: tokenIn(page.body),
      name: 'Nuovo Editor',
      password: 'una-password-lunga',
      repeat: 'una-password-lunga',
    });
    expect(accepted.statusCode, accepted.body).toBe(303);
    expect(accepted.headers.location).toBe('/gestione/lavoro?esito=benvenuto');
    const work = await visitor.get('/gestione/lavoro?esito=benvenuto');
    expect(work.statusCode).toBe(200);
    expect(work.body).toContain('Invito accettato: benvenuto.');
    // The link worked once.
    const again = await new FormClient(server.app).get(path);
    expect(again.statusCode).toBe(410);
  });

  it('refuses different passwords beside the field, keeping the name typed', async () => {
    const { path } = await invite({ email: 'ripeti@demo.piano.test', role: 'viewer', unitId: '' });
    const visitor = new FormClient(server.app);
    const page = await visitor.get(path);
    const response = await visitor.post(path, {
      _csrf: tokenIn(page.body),
      name: 'Ripeti Male',
      password: 'una-password-lunga',
      repeat: 'un-altra-password',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Le due password non coincidono');
    expect(response.body).toContain('value="Ripeti Male"');
  });

  it('someone signed in with the invited address accepts with one button', async () => {
    const { path } = await invite({ email: ANAGRAFE, role: 'viewer', unitId: '' });
    const editor = await signedIn(ANAGRAFE);
    const page = await editor.get(path);
    expect(page.body).toContain('Accetta l’invito');
    expect(page.body).not.toContain('Ripeti la password');
    const accepted = await editor.post(path, { _csrf: tokenIn(page.body) });
    expect(accepted.statusCode).toBe(303);
    const rtd = await signedIn(RTD);
    const people = await rtd.get('/gestione/persone');
    expect(people.body).toMatch(/anagrafe@demo\.piano\.test · Lettore/);
  });

  it('tells someone signed in with another address which address the invitation is for', async () => {
    const { path } = await invite({ email: 'altra@demo.piano.test', role: 'admin', unitId: '' });
    const editor = await signedIn(ANAGRAFE);
    const page = await editor.get(path);
    expect(page.body).toContain('L’invito è per altra@demo.piano.test');
    expect(page.body).not.toContain('Accetta l’invito</button>');
  });

  it('answers 404 with an Italian page for a link that was never issued', async () => {
    const page = await new FormClient(server.app).get(`/invito/${'x'.repeat(43)}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Questo invito non esiste');
  });
});

describe('changing and taking away roles', () => {
  it('changes a member’s role and refuses an editor without a unit beside the field', async () => {
    const rtd = await signedIn(RTD);
    const page = await rtd.get('/gestione/persone');
    const tecnico =
      /action="\/gestione\/persone\/([0-9a-f-]+)\/ruolo"[^>]*aria-label="Cambia il ruolo di Area tecnica/.exec(
        page.body,
      )?.[1];
    const url = `/gestione/persone/${tecnico}/ruolo`;
    const refused = await rtd.post(url, { _csrf: tokenIn(page.body), role: 'editor', unitId: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Scegli il settore: un editor ne ha sempre uno');
    const saved = await rtd.post(url, { _csrf: tokenIn(page.body), role: 'viewer', unitId: '' });
    expect(saved.statusCode).toBe(303);
    const after = await rtd.get(saved.headers.location as string);
    expect(after.body).toContain('Modifiche salvate.');
    expect(after.body).toMatch(/tecnico@demo\.piano\.test · Lettore/);
    const removed = await rtd.post(`/gestione/persone/${tecnico}/rimuovi`, {
      _csrf: tokenIn(page.body),
    });
    expect(removed.statusCode).toBe(303);
    const gone = await rtd.get(removed.headers.location as string);
    expect(gone.body).toContain('Utente tolto dall’ente.');
    expect(gone.body).not.toContain('tecnico@demo.piano.test');
  });

  it('refuses a post without the form token', async () => {
    const rtd = await signedIn(RTD);
    const response = await rtd.post('/gestione/persone/inviti', {
      email: 'x@y.it',
      role: 'viewer',
    });
    expect(response.statusCode).toBe(403);
  });
});
