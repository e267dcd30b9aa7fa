/**
 * Issue #13 item 10: signing in through OpenID Connect, against a real provider. The tests start
 * `oidc-provider` (the certified OpenID provider for Node, test/support/oidc-provider.ts) on a
 * free port with a client registered for piano's redirect URI, start piano on another, and
 * drive the authorization code flow with real HTTP requests, cookies kept per host as a browser
 * does, through the provider's own (development) login form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { setAccountFiscalCode } from '../../src/operations/set-account-fiscal-code.js';
import { buildServer } from '../../src/server.js';
import { dumpDatabase, loadDump } from '../../src/storage/backup.js';
import { openTestDb } from '../support/db.js';
import {
  CLIENT_ID,
  freePort,
  startPianoWithProvider,
  type TestProvider,
} from '../support/oidc-provider.js';
import type { WebServer } from '../support/web.js';

/** The people the provider knows, by the login typed in its form, which is their subject. */
const PEOPLE: Record<string, Record<string, unknown>> = {
  // Found by fiscal code: a SPID broker's "TINIT-" prefixed fiscalNumber, in lower case.
  mario: { fiscal_number: 'TINIT-rssmra80a01h501u', name: 'Mario Rossi' },
  // Found by a verified e-mail (the address written differently in case).
  rtd: { email: 'RTD@demo.piano.test', email_verified: true },
  // An account's e-mail, but the provider does not vouch for it.
  unverified: { email: 'tecnico@demo.piano.test', email_verified: false },
  // Nobody piano knows.
  stranger: { email: 'chiunque@example.org', email_verified: true },
};

let provider: TestProvider;
let issuer: string;
let piano: WebServer;

beforeAll(async () => {
  ({ provider, piano } = await startPianoWithProvider(PEOPLE));
  issuer = provider.issuer;
  await setAccountFiscalCode({
    db: piano.db,
    email: 'anagrafe@demo.piano.test',
    fiscalCode: 'RSSMRA80A01H501U',
  });
}, 60_000);
afterAll(async () => {
  await piano?.close();
  await provider?.close();
});

/** A browser's cookies, per host, and requests that follow redirects one at a time. */
class Browser {
  private jar = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name);
  }

  /** One request, with this host's cookies; keeps those the answer sets. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(cookies ? { cookie: cookies } : {}),
      },
    });
    const mine = this.jar.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0\b|expires=thu, 01 jan 1970/i.test(line)) mine.delete(name);
      else mine.set(name, value);
    }
    this.jar.set(host, mine);
    return response;
  }

  /** Follows redirects, stopping (without asking) at the first address `stopAt` accepts. */
  async follow(url: string, stopAt: (url: URL) => boolean = () => false, init: RequestInit = {}) {
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      current = new URL(response.headers.get('location') ?? '', current).href;
      if (stopAt(new URL(current))) return { url: current, response };
      response = await this.request(current);
    }
    return { url: current, response, body: await response.text() };
  }
}

const isCallback = (url: URL) => url.pathname === '/accedi/oidc/callback';

/** Hidden inputs of a form, as name → value. */
const hiddenFields = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );

/**
 * Goes from piano's sign-in button to the provider's login form, signs in there as `login`,
 * and stops where the provider sends the browser back to piano: the callback address.
 */
async function throughProvider(
  browser: Browser,
  login: string,
  start = '/accedi/oidc',
): Promise<URL> {
  const atForm = await browser.follow(`${piano.url}${start}`);
  expect(atForm.response.status, atForm.body).toBe(200);
  const action = /<form[^>]*action="([^"]+)"/.exec(atForm.body ?? '')?.[1] ?? '';
  expect(action).not.toBe('');
  const back = await browser.follow(new URL(action, atForm.url).href, isCallback, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      ...hiddenFields(atForm.body ?? ''),
      login,
      password: 'any',
    }).toString(),
  });
  expect(isCallback(new URL(back.url)), back.body).toBe(true);
  return new URL(back.url);
}

/** Signs in through the provider to the end: the callback's answer, and the browser. */
async function signInAs(login: string) {
  const browser = new Browser();
  const callback = await throughProvider(browser, login);
  const answer = await browser.follow(callback.href);
  return { browser, ...answer };
}

const refreshTarget = (html: string) =>
  /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];

describe('signing in through an OpenID Connect provider', () => {
  it('offers the button on the sign-in page only when configured, with the default label in both languages', async () => {
    const page = await (await fetch(`${piano.url}/accedi`)).text();
    expect(page).toMatch(
      /<a class="btn btn-primary" href="\/accedi\/oidc">Accedi con SPID o CIE<\/a>/,
    );
    const en = await (await fetch(`${piano.url}/en/accedi`)).text();
    expect(en).toContain('href="/en/accedi/oidc">Sign in with SPID or CIE</a>');
    const db = await openTestDb();
    const plain = await buildServer({ db, config: loadConfig({ LOG_LEVEL: 'warn' }) });
    try {
      const without = await plain.inject({ url: '/accedi' });
      expect(without.statusCode).toBe(200);
      expect(without.body).not.toContain('/accedi/oidc');
      expect((await plain.inject({ url: '/accedi/oidc' })).statusCode).toBe(404);
      expect((await plain.inject({ url: '/accedi/oidc/callback?code=x' })).statusCode).toBe(404);
    } finally {
      await plain.close();
      await db.close();
    }
  });

  it('sends the browser to the provider with a PKCE S256 challenge, a state and a nonce, tied to an httpOnly Lax cookie', async () => {
    const browser = new Browser();
    const before = provider.authorizationRequests.length;
    const start = await browser.request(`${piano.url}/accedi/oidc`);
    expect(start.status).toBe(303);
    const to = new URL(start.headers.get('location') ?? '');
    expect(`${to.origin}${to.pathname}`).toBe(`${issuer}/auth`);
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('state')).toBeTruthy();
    expect(to.searchParams.get('nonce')).toBeTruthy();
    expect(to.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(to.searchParams.get('redirect_uri')).toBe(`${piano.url}/accedi/oidc/callback`);
    expect(to.searchParams.get('scope')).toBe('openid email profile');
    const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('piano_oidc='));
    expect(flowCookie).toMatch(/HttpOnly/i);
    expect(flowCookie).toMatch(/SameSite=Lax/i);
    // The provider itself received the challenge (it requires PKCE, so the flow would stop).
    await browser.follow(to.href);
    expect(provider.authorizationRequests.length).toBe(before + 1);
    expect(provider.authorizationRequests.at(-1)?.searchParams.get('code_challenge')).toBe(
      to.searchParams.get('code_challenge'),
    );
  });

  it('signs in by a verified e-mail: a session, then my work answers 200 for that person', async () => {
    const { browser, response, body } = await signInAs('rtd');
    expect(response.status, body).toBe(200);
    expect(body).toContain('Accesso eseguito');
    expect(refreshTarget(body ?? '')).toBe('/gestione/lavoro');
    const session = browser.cookie(piano.url, 'piano_session');
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browser.cookie(piano.url, 'piano_oidc')).toBeUndefined();
    const work = await browser.follow(`${piano.url}/gestione/lavoro`);
    expect(work.response.status).toBe(200);
    expect(work.body).toContain('Il mio lavoro');
    expect(work.body).toMatch(/Esci/);
    const [event] = await piano.db.query<{ method: string; outcome: string; email: string }>(
      `SELECT e.method, e.outcome, e.email FROM sign_in_events e JOIN users u ON u.id = e.user_id
        WHERE u.email = 'rtd@demo.piano.test' ORDER BY e.id DESC LIMIT 1`,
    );
    expect(event).toEqual({ method: 'oidc', outcome: 'success', email: 'rtd@demo.piano.test' });
  });

  it('signs in by the fiscal code a SPID broker sends ("TINIT-" prefix, any case), and later by the stored link alone', async () => {
    const first = await signInAs('mario');
    expect(first.response.status, first.body).toBe(200);
    const work = await first.browser.follow(`${piano.url}/gestione/lavoro`);
    expect(work.response.status).toBe(200);
    expect(work.body).toContain('Servizi demografici');
    const [link] = await piano.db.query<{ email: string }>(
      `SELECT u.email FROM oidc_identities i JOIN users u ON u.id = i.user_id
        WHERE i.issuer = $1 AND i.subject = 'mario'`,
      [issuer],
    );
    expect(link?.email).toBe('anagrafe@demo.piano.test');
    // The fiscal code removed, the link found at the first sign-in still finds the account.
    await setAccountFiscalCode({
      db: piano.db,
      email: 'anagrafe@demo.piano.test',
      fiscalCode: null,
    });
    const again = await signInAs('mario');
    expect(again.response.status, again.body).toBe(200);
    expect(again.browser.cookie(piano.url, 'piano_session')).toBeTruthy();
  });

  it('keeps the links between accounts and subjects in a backup, restored exactly', async () => {
    const dump = await dumpDatabase(piano.db);
    const links = dump.tables.find((t) => t.name === 'oidc_identities')?.rows ?? [];
    expect(links.length).toBeGreaterThanOrEqual(2);
    const empty = await openTestDb();
    try {
      // loadDump rewrites the plans' statuses of the dump it is given: it gets a copy.
      await loadDump(empty, structuredClone(dump));
      expect(await dumpDatabase(empty)).toEqual(dump);
    } finally {
      await empty.close();
    }
  });

  it('refuses a person with no account with an Italian page that says whom to ask, and creates nobody', async () => {
    const users = async () =>
      (await piano.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]?.n;
    const before = await users();
    const { browser, response, body } = await signInAs('stranger');
    expect(response.status).toBe(403);
    expect(body).toContain('Accesso non riuscito');
    expect(body).toContain('non hai accesso a nessun ente');
    expect(body).toContain('responsabile per la transizione al digitale');
    expect(body).toContain('href="/accedi"');
    expect(browser.cookie(piano.url, 'piano_session')).toBeUndefined();
    expect(await users()).toBe(before);
  });

  it('does not match an account by an e-mail the provider does not vouch for', async () => {
    const { browser, response, body } = await signInAs('unverified');
    expect(response.status).toBe(403);
    expect(body).toContain('non hai accesso a nessun ente');
    expect(browser.cookie(piano.url, 'piano_session')).toBeUndefined();
  });

  it('refuses a callback whose state was tampered with, and the untampered one after it (single use)', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'rtd');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const flowCookie = browser.cookie(piano.url, 'piano_oidc');
    expect(flowCookie).toBeTruthy();
    const refused = await browser.follow(tampered.href);
    expect(refused.response.status).toBe(400);
    expect(refused.body).toContain('non corrisponde all’accesso avviato da questo browser');
    expect(browser.cookie(piano.url, 'piano_session')).toBeUndefined();
    // The same flow cookie with the genuine answer: the flow was used up by the refused one.
    const replay = await fetch(callback.href, {
      redirect: 'manual',
      headers: { cookie: `piano_oidc=${flowCookie}` },
    });
    expect(replay.status).toBe(400);
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('piano_session='))).toBe(false);
    expect(await replay.text()).toContain('Ricomincia dalla pagina di accesso');
  });

  it('refuses a callback from another browser (no flow cookie) without a server error', async () => {
    const callback = await throughProvider(new Browser(), 'rtd');
    const elsewhere = await new Browser().follow(callback.href);
    expect(elsewhere.response.status).toBe(400);
    expect(elsewhere.body).toContain('entro 10 minuti');
  });

  it('refuses a sign-in that took more than ten minutes at the provider', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'rtd');
    await piano.db.query(
      `UPDATE oidc_flows SET expires_at = now() - interval '1 second' WHERE state = $1`,
      [callback.searchParams.get('state')],
    );
    const late = await browser.follow(callback.href);
    expect(late.response.status).toBe(400);
    expect(late.body).toContain('non è stato completato entro 10 minuti');
    expect(browser.cookie(piano.url, 'piano_session')).toBeUndefined();
  });

  it('says so when the provider cannot be reached, without a server error', async () => {
    const db = await openTestDb();
    const port = await freePort();
    const offline = await buildServer({
      db,
      config: loadConfig({
        LOG_LEVEL: 'silent',
        PIANO_PUBLIC_URL: 'http://127.0.0.1:1',
        PIANO_OIDC_ISSUER: `http://127.0.0.1:${port}`,
        PIANO_OIDC_CLIENT_ID: CLIENT_ID,
      }),
    });
    try {
      const start = await offline.inject({ url: '/accedi/oidc' });
      expect(start.statusCode).toBe(502);
      expect(start.body).toContain('Il fornitore di identità non risponde');
      expect(start.body).toContain('href="/accedi"');
    } finally {
      await offline.close();
      await db.close();
    }
  });

  it('refuses a code that is not the provider’s (the token exchange fails)', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'rtd');
    callback.searchParams.set('code', 'not-a-code-the-provider-issued');
    const refused = await browser.follow(callback.href);
    expect(refused.response.status).toBe(401);
    expect(refused.body).toContain('non ha superato le verifiche di sicurezza');
    expect(browser.cookie(piano.url, 'piano_session')).toBeUndefined();
  });

  it('shows the provider’s access_denied clearly when the person cancels at the provider', async () => {
    const browser = new Browser();
    const atForm = await browser.follow(`${piano.url}/accedi/oidc`);
    const abort = /href="([^"]*\/abort)"/.exec(atForm.body ?? '')?.[1];
    expect(abort).toBeTruthy();
    const back = await browser.follow(new URL(abort ?? '', atForm.url).href, isCallback);
    expect(new URL(back.url).searchParams.get('error')).toBe('access_denied');
    const page = await browser.follow(back.url);
    expect(page.response.status).toBe(401);
    expect(page.body).toContain('L’accesso è stato annullato presso il fornitore di identità');
    expect(page.body).toContain('href="/accedi"');
    expect(browser.cookie(piano.url, 'piano_session')).toBeUndefined();
  });

  it('speaks English on the way back when the sign-in began under /en/', async () => {
    const cancelled = new Browser();
    const atForm = await cancelled.follow(`${piano.url}/en/accedi/oidc`);
    const abort = /href="([^"]*\/abort)"/.exec(atForm.body ?? '')?.[1] ?? '';
    const back = await cancelled.follow(new URL(abort, atForm.url).href, isCallback);
    const refused = await cancelled.follow(back.url);
    expect(refused.response.status).toBe(401);
    expect(refused.body).toContain('<html lang="en"');
    expect(refused.body).toContain('Sign-in was cancelled at the identity provider');
    expect(refused.body).toContain('href="/en/accedi"');

    const browser = new Browser();
    const callback = await throughProvider(browser, 'rtd', '/en/accedi/oidc');
    const done = await browser.follow(callback.href);
    expect(done.response.status).toBe(200);
    expect(done.body).toContain('Signed in');
    expect(refreshTarget(done.body ?? '')).toBe('/en/gestione/lavoro');
  });

  it('records failed sign-ins through the provider without counting them against passwords', async () => {
    const rows = await piano.db.query<{ outcome: string; n: number }>(
      `SELECT outcome, count(*)::int AS n FROM sign_in_events WHERE method = 'oidc' GROUP BY outcome`,
    );
    const byOutcome = Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
    expect(byOutcome.success).toBeGreaterThanOrEqual(3);
    expect(byOutcome.failure).toBeGreaterThanOrEqual(4);
    // The password sign-in from the same address is not throttled by them.
    const page = await fetch(`${piano.url}/accedi`);
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const signIn = await fetch(`${piano.url}/accedi`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({
        _csrf: token,
        email: 'rtd@demo.piano.test',
        password: 'demo-piano-2025',
      }).toString(),
    });
    expect(signIn.status).toBe(303);
  });
});

describe('giving an account its fiscal code', () => {
  it('refuses a code another account has, a value that is not a code, and an unknown account', async () => {
    const db = piano.db;
    const given = await setAccountFiscalCode({
      db,
      email: 'tecnico@demo.piano.test',
      fiscalCode: 'tinit-vrdlgu70b02f205x',
    });
    expect(given.fiscalCode).toBe('VRDLGU70B02F205X');
    await expect(
      setAccountFiscalCode({ db, email: 'rtd@demo.piano.test', fiscalCode: 'VRDLGU70B02F205X' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      setAccountFiscalCode({ db, email: 'rtd@demo.piano.test', fiscalCode: 'non-un-codice' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      setAccountFiscalCode({ db, email: 'nessuno@example.org', fiscalCode: null }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the OpenID Connect configuration', () => {
  const complete = {
    PIANO_PUBLIC_URL: 'https://piano.comune.example.it',
    PIANO_OIDC_ISSUER: 'https://broker.example.it',
    PIANO_OIDC_CLIENT_ID: 'piano',
  };

  it('refuses to start with a partial configuration, naming what is missing', () => {
    expect(() => loadConfig({ PIANO_OIDC_ISSUER: 'https://broker.example.it' })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({
        PIANO_PUBLIC_URL: 'https://piano.comune.example.it',
        PIANO_OIDC_CLAIM_FISCAL_CODE: 'fiscal_number',
      }),
    ).toThrow(/PIANO_OIDC_ISSUER: è obbligatorio.*\n.*PIANO_OIDC_CLIENT_ID: è obbligatorio/);
    const { PIANO_PUBLIC_URL: _, ...noPublicUrl } = complete;
    expect(() => loadConfig(noPublicUrl)).toThrow(/PIANO_PUBLIC_URL: .*\/accedi\/oidc\/callback/);
  });

  it('refuses scopes without openid, and a plain-http issuer in production', () => {
    expect(() => loadConfig({ ...complete, PIANO_OIDC_SCOPES: 'email profile' })).toThrow(
      /PIANO_OIDC_SCOPES/,
    );
    expect(() =>
      loadConfig({
        ...complete,
        NODE_ENV: 'production',
        PIANO_OIDC_ISSUER: 'http://broker.example.it',
      }),
    ).toThrow(/PIANO_OIDC_ISSUER: in produzione/);
  });

  it('accepts a public client (no secret) with the defaults', () => {
    const config = loadConfig(complete);
    expect(config.PIANO_OIDC_CLIENT_SECRET).toBeUndefined();
  });
});
