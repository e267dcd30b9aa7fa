/**
 * Signing in through OpenID Connect in a real browser: from piano's sign-in page to the
 * provider's login form and back into the back office. piano (localhost) and the provider
 * (127.0.0.1) are different sites, as a comune's piano and a SPID/CIE broker are, so the
 * browser applies its SameSite rules to the way back: the session cookie (SameSite=Strict) must
 * reach "Il mio lavoro". Also: the sign-in page with the button and the refusal page have no
 * WCAG 2.1 AA violations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../../support/axe.js';
import { startPianoWithProvider, type TestProvider } from '../../support/oidc-provider.js';
import { launchBrowser, newContext, type WebServer } from '../../support/web.js';

let provider: TestProvider;
let piano: WebServer;
let publicUrl: string;
let browser: Browser;

beforeAll(async () => {
  const people = {
    rtd: { email: 'rtd@demo.piano.test', email_verified: true },
    stranger: { email: 'chiunque@example.org', email_verified: true },
  };
  [{ provider, piano, publicUrl }, browser] = await Promise.all([
    startPianoWithProvider(people, 'localhost'),
    launchBrowser(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await piano?.close();
  await provider?.close();
});

/** From piano's sign-in page through the provider's login form, as `login`. */
async function signInThroughProvider(page: Page, login: string) {
  await page.goto(`${publicUrl}/accedi`);
  await Promise.all([
    page.waitForURL((url) => url.host !== new URL(publicUrl).host),
    page.getByRole('link', { name: 'Accedi con SPID o CIE' }).click(),
  ]);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await Promise.all([
    page.waitForURL((url) => url.host === new URL(publicUrl).host),
    page.locator('button[type="submit"]').click(),
  ]);
}

describe('signing in through the provider in a browser', () => {
  it('comes back from the provider (another site) signed in, on Il mio lavoro', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughProvider(page, 'rtd');
    await page.waitForURL(`${publicUrl}/gestione/lavoro`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Il mio lavoro',
    );
    await expect(page.getByRole('button', { name: 'Esci' }).count()).resolves.toBe(1);
    const session = (await context.cookies(publicUrl)).find((c) => c.name === 'piano_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await context.close();
  });

  it('shows the sign-in page with the button, and the refusal of an unknown person, without WCAG violations', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${publicUrl}/accedi`);
    expect(await wcagViolations(page, 'sign-in with OIDC')).toEqual([]);
    await signInThroughProvider(page, 'stranger');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Accesso non riuscito',
    );
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'non hai accesso a nessun ente',
    );
    expect(await wcagViolations(page, 'OIDC refusal')).toEqual([]);
    await context.close();
  });
});
