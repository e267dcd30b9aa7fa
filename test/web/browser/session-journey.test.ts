/**
 * The back office's scripts in Chromium: typed text kept when the session ends before a save and
 * put back after signing in again; the warning before the session ends and "Resta connesso";
 * timing words read as they are typed; required fields and ranges checked on leaving a field.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LINE } from '../../../src/operations/callers.js';
import { startPlanRevision } from '../../../src/operations/start-plan-revision.js';
import { launchBrowser, newContext, startWebServer, type WebServer } from '../../support/web.js';
import { DEMO_EMAILS, signInAs } from '../backoffice-states.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const actionUrl = (id: string) => `${server.url}/gestione/piani/${server.planId}/azioni/${id}`;

async function sessionsEndIn(email: string, seconds: number) {
  await server.db.query(
    `UPDATE sessions SET expires_at = now() + make_interval(secs => $2)
      WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
    [email, seconds],
  );
}

async function click(page: Page, name: string) {
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
}

describe('the back office’s scripts', () => {
  it('keep what was typed when the session ended before saving, and put it back after signing in again', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'rtd');
    await page.goto(actionUrl('a2.5'));
    const progress = () => page.getByLabel('Avanzamento (%)', { exact: true });
    await progress().fill('85');
    await page.waitForTimeout(600);
    await sessionsEndIn(DEMO_EMAILS.rtd, -1);
    await click(page, 'Salva');
    await expect.poll(() => page.url()).toMatch(/\/accedi\?scaduta=1/);
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      'La sessione era scaduta e la modifica non è stata salvata.',
    );
    await page.getByLabel('Email').fill(DEMO_EMAILS.rtd);
    await page.getByLabel('Password').fill('demo-piano-2025');
    await Promise.all([page.waitForURL(/\/azioni\/a2\.5$/), click(page, 'Accedi')]);
    await expect.poll(() => progress().inputValue()).toBe('85');
    expect(await page.getByRole('status').filter({ hasText: 'Abbiamo rimesso' }).count()).toBe(1);
    await Promise.all([page.waitForURL(/esito=salvato/), click(page, 'Salva')]);
    await page.goto(actionUrl('a2.5'));
    expect(await progress().inputValue()).toBe('85');
    expect(await page.getByText('Abbiamo rimesso').count()).toBe(0);
    await context.close();
  });

  it('put back a value typed and left unsaved, and discard it when asked', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'rtd');
    await page.goto(actionUrl('a2.6'));
    const progress = () => page.getByLabel('Avanzamento (%)', { exact: true });
    const stored = await progress().inputValue();
    await progress().fill('77');
    await page.waitForTimeout(600);
    await page.goto(`${server.url}/gestione/lavoro`);
    await page.goto(actionUrl('a2.6'));
    expect(await progress().inputValue()).toBe('77');
    expect(await page.getByRole('status').filter({ hasText: 'Abbiamo rimesso' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Scarta il testo ripristinato' }).click();
    expect(await progress().inputValue()).toBe(stored);
    await page.reload();
    expect(await progress().inputValue()).toBe(stored);
    await context.close();
  });

  it('warn five minutes before the session ends, and “Resta connesso” renews it without leaving the page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'anagrafe');
    await sessionsEndIn(DEMO_EMAILS.anagrafe, 8 * 60);
    await page.clock.install();
    await page.goto(`${server.url}/gestione/lavoro`);
    const warning = page.getByRole('alert').filter({ hasText: 'La sessione sta per scadere' });
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward('04:00');
    await expect.poll(() => warning.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Resta connesso' }).click();
    await expect.poll(() => warning.isVisible()).toBe(false);
    const [row] = await server.db.query<{ hours: number }>(
      `SELECT extract(epoch FROM max(expires_at) - now()) / 3600 AS hours FROM sessions
        WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [DEMO_EMAILS.anagrafe],
    );
    expect(Number(row?.hours)).toBeGreaterThan(11);
    await page.clock.fastForward('30:00');
    expect(await warning.isVisible()).toBe(false);
    await context.close();
  });

  it('say when the session has ended, with the way to sign in again and come back', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'anagrafe');
    await sessionsEndIn(DEMO_EMAILS.anagrafe, 60);
    await page.clock.install();
    await page.goto(`${server.url}/gestione/lavoro`);
    await page.clock.fastForward('02:00');
    const ended = page.getByRole('alert').filter({ hasText: 'La sessione è scaduta' });
    await expect.poll(() => ended.isVisible()).toBe(true);
    expect(await ended.getByRole('link', { name: 'Accedi di nuovo' }).getAttribute('href')).toBe(
      `/accedi?torna=${encodeURIComponent('/gestione/lavoro')}`,
    );
    await context.close();
  });

  it('read timing words as they are typed, and flag words piano cannot read', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'rtd');
    // The demo plan is published, its timings frozen: next year's draft of it.
    const draft = await startPlanRevision({
      db: server.db,
      principal: COMMAND_LINE,
      planId: server.planId,
      period: 'next_year',
      completed: 'carry',
    });
    await page.goto(`${server.url}/gestione/piani/${draft.planId}/azioni/a1.3`);
    const meaning = page.locator('#field-timing-meaning');
    await page.getByLabel('Tempi', { exact: true }).fill('entro settembre 2026');
    await expect.poll(() => meaning.textContent()).toBe('Scadenza: 30/09/2026');
    await page.getByLabel('Tempi', { exact: true }).fill('appena possibile, forse');
    await expect
      .poll(() => meaning.textContent())
      .toBe('Tempi non interpretati: scrivili come “entro giugno 2026”');
    await context.close();
  });

  it('check a required field and a number’s range when the field is left', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'rtd');
    await page.goto(actionUrl('a1.3'));
    await page.getByLabel('Avanzamento (%)', { exact: true }).fill('');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('Campo obbligatorio').count()).toBe(1);
    expect(
      await page.getByLabel('Avanzamento (%)', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');
    await page.getByLabel('Avanzamento (%)', { exact: true }).fill('150');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('Inserisci un numero da 0 a 100').count()).toBe(1);
    await page.getByLabel('Avanzamento (%)', { exact: true }).fill('80');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('Inserisci un numero da 0 a 100').count()).toBe(0);
    await context.close();
  });

  it('are not needed: without JavaScript the editor saves and the saved item shows the date its words mean', async () => {
    const context = await newContext(browser, undefined, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, server, 'anagrafe');
    await page.goto(actionUrl('a1.6'));
    await page.getByLabel('Avanzamento (%)', { exact: true }).fill('25');
    await Promise.all([page.waitForURL(/esito=salvato/), click(page, 'Salva')]);
    await page.goto(actionUrl('a1.6'));
    expect(await page.getByLabel('Avanzamento (%)', { exact: true }).inputValue()).toBe('25');
    expect(await page.locator('#field-timing-meaning').textContent()).toBe('Scadenza: 30/09/2026');
    expect(await page.locator('#piano-session [data-session="ending"]').isVisible()).toBe(false);
    await context.close();
  });
});
