/**
 * A visitor's journey on the portal in a real browser: find the demo organization by search,
 * open its plan, filter the actions by a unit, open an action, download the plan's PDF. Once
 * with scripts and once without, since every page must work without JavaScript.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo } from '../../documents/support.js';
import { launchBrowser, newContext, startWebServer, type WebServer } from '../../support/web.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('a visitor %s', (_label, javaScriptEnabled) => {
  it('finds the demo organization, opens its plan, filters by unit, opens an action and downloads the PDF', async () => {
    const context = await newContext(browser, undefined, { javaScriptEnabled });
    const page = await context.newPage();
    const heading = () => page.getByRole('heading', { level: 1 }).textContent();
    const articles = () => page.locator('article[data-action]').count();

    await page.goto(server.url);
    await page.getByLabel('Nome, provincia o regione').fill('Valdimonte');
    await Promise.all([
      page.waitForURL(/\?q=Valdimonte/),
      page.getByRole('button', { name: 'Cerca' }).click(),
    ]);
    await Promise.all([
      page.waitForURL(/\/enti\/c_z999$/),
      page.getByRole('link', { name: 'Comune di Valdimonte' }).click(),
    ]);
    expect(await heading()).toBe('Comune di Valdimonte');

    await Promise.all([
      page.waitForURL(/\/piani\/2025-2027$/),
      page
        .getByRole('link', { name: "Piano triennale per l'informatica 2025–2027" })
        .first()
        .click(),
    ]);
    expect(await heading()).toBe("Piano triennale per l'informatica 2025–2027");
    expect(await articles()).toBe(49);

    await page
      .getByLabel('Settore', { exact: true })
      .selectOption({ label: 'Servizi demografici (anagrafe, stato civile, elettorale, leva)' });
    await Promise.all([
      page.waitForURL(/settore=serv-dem/),
      page.getByRole('button', { name: 'Filtra' }).click(),
    ]);
    expect(await articles()).toBe(13);

    await Promise.all([
      page.waitForURL(/\/azioni\/a1\.5$/),
      page.getByRole('link', { name: '1.5 Stato civile digitale in ANPR' }).first().click(),
    ]);
    expect(await heading()).toBe('1.5 Stato civile digitale in ANPR');
    expect(await page.getByRole('heading', { name: 'Micro azioni' }).isVisible()).toBe(true);

    await Promise.all([
      page.waitForURL(/\/piani\/2025-2027#/),
      page.getByRole('link', { name: 'Torna al piano' }).click(),
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Il documento del piano – PDF accessibile' }).click(),
    ]);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfInfo(pdf)).title).toContain("Piano triennale per l'informatica 2025–2027");
    await context.close();
  }, 120_000);
});
