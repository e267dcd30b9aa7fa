import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../support/web.js';
import { FormClient, hiddenIn, tokenIn } from './backoffice-client.js';

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
/** Moves the end of every session of a user, as time passing would. */
async function sessionsEndIn(email: string, seconds: number) {
  await server.db.query(
    `UPDATE sessions SET expires_at = now() + make_interval(secs => $2)
      WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
    [email, seconds],
  );
}
const secondsLeftIn = (html: string) => Number(/data-seconds-left="(-?\d+)"/.exec(html)?.[1]);
const timing = (c: FormClient, words: string) =>
  c.get(`/gestione/piani/${server.planId}/tempi?testo=${encodeURIComponent(words)}`);

describe('timing words read as typed', () => {
  it('answers what the words mean in the plan’s period, as the saved item will show it', async () => {
    const c = await signedIn();
    const june = await timing(c, 'entro giugno 2026');
    expect(june.statusCode).toBe(200);
    expect(june.json()).toEqual({ text: 'Scadenza: 30/06/2026', resolved: true });
    const en = await c.get(
      `/en/gestione/piani/${server.planId}/tempi?testo=${encodeURIComponent('entro giugno 2026')}`,
    );
    expect(en.json()).toEqual({ text: 'Due: 30/06/2026', resolved: true });
  });

  it('flags words it cannot read instead of guessing, and refuses words over 2000 characters', async () => {
    const c = await signedIn();
    const vague = await timing(c, 'quando sarà possibile');
    expect(vague.json()).toEqual({
      text: 'Tempi non interpretati: scrivili come “entro giugno 2026”',
      resolved: false,
    });
    const long = await timing(c, 'entro giugno 2026 '.repeat(120));
    expect(long.statusCode).toBe(422);
    expect(long.json()).toEqual({
      text: 'I tempi possono avere al massimo 2000 caratteri',
      resolved: false,
    });
  });

  it('sends a visitor to sign in', async () => {
    const visitor = new FormClient(server.app);
    expect((await timing(visitor, 'entro giugno 2026')).statusCode).toBe(303);
  });
});

describe('the session’s end', () => {
  it('tells every back-office page how long the session has left, with the warning ready', async () => {
    const c = await signedIn();
    const page = await c.get('/gestione/lavoro');
    const left = secondsLeftIn(page.body);
    expect(left).toBeGreaterThan(11 * 3600);
    expect(left).toBeLessThanOrEqual(12 * 3600);
    expect(page.body).toMatch(
      /<div class="alert alert-warning" role="alert" data-session="ending" hidden>/,
    );
    expect(page.body).toContain('Resta connesso');
  });

  it('renews a session that is about to end when asked, for the script (JSON) and as a plain form', async () => {
    const c = await signedIn();
    await sessionsEndIn(RTD, 120);
    const page = await c.get('/gestione/lavoro');
    expect(secondsLeftIn(page.body)).toBeLessThanOrEqual(120);
    const renewed = await c.post(
      '/gestione/sessione',
      { _csrf: tokenIn(page.body), torna: '/gestione/lavoro' },
      { headers: { accept: 'application/json' } },
    );
    expect(renewed.json()).toEqual({ secondsLeft: 12 * 3600 });
    expect(secondsLeftIn((await c.get('/gestione/lavoro')).body)).toBeGreaterThan(11 * 3600);

    await sessionsEndIn(RTD, 120);
    const plain = await c.post('/gestione/sessione', {
      _csrf: tokenIn(page.body),
      torna: '/gestione/piani?x=1',
    });
    expect(plain.statusCode).toBe(303);
    expect(plain.headers.location).toBe('/gestione/piani?x=1&esito=sessione');
    const after = await c.get(plain.headers.location as string);
    expect(after.body).toContain('La sessione è stata rinnovata.');
    expect(secondsLeftIn(after.body)).toBeGreaterThan(11 * 3600);
  });

  it('does not revive a session that has ended', async () => {
    const c = await signedIn('anagrafe@demo.piano.test');
    const page = await c.get('/gestione/lavoro');
    await sessionsEndIn('anagrafe@demo.piano.test', -1);
    const late = await c.post('/gestione/sessione', { _csrf: tokenIn(page.body) });
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toMatch(/^\/accedi\?scaduta=1/);
    expect((await c.get('/gestione/lavoro')).headers.location).toMatch(/^\/accedi/);
  });

  it('after the session ended, a post saves nothing and sends the person to sign in, then back to the form', async () => {
    const c = await signedIn();
    const url = `/gestione/piani/${server.planId}/azioni/a2.4`;
    const editor = await c.get(url);
    await sessionsEndIn(RTD, -1);
    const late = await c.post(
      url,
      {
        _csrf: tokenIn(editor.body),
        version: hiddenIn(editor.body, url, 'version'),
        read_title: hiddenIn(editor.body, url, 'read_title'),
        title: 'Scritto dopo la fine della sessione',
      },
      { headers: { referer: `http://localhost:80${url}?esito=salvato` } },
    );
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe(`/accedi?scaduta=1&torna=${encodeURIComponent(url)}`);
    const signIn = await c.get(late.headers.location as string);
    expect(signIn.body).toContain('La sessione era scaduta e la modifica non è stata salvata.');
    expect(signIn.body).toContain(`name="torna" value="${url}"`);
    const again = await signedIn();
    expect((await again.get(url)).body).not.toContain('Scritto dopo la fine della sessione');
  });
});
