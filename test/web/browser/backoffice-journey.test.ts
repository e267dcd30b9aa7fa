/**
 * The back office end to end in a real browser, driven by the visible Italian labels: the RTD
 * creates a plan with a priority and an action "entro giugno 2026", sees 30/06/2026 and links the
 * action to a national line of action found by words through the catalog picker; the
 * editor of Servizi demografici updates one of their actions from "Il mio lavoro", is refused on
 * another unit's action, and of two people editing the same action the second sees the conflict
 * and keeps the text they typed; the RTD imports seed 001 through the wizard, fixes one item,
 * saves it as a draft plan and publishes it, and a visitor reads it on the portal and downloads
 * its PDF. The back office's script runs here; test/web/browser/session-journey.test.ts tests
 * what it adds.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { COMMAND_LINE } from '../../../src/operations/callers.js';
import { startPlanRevision } from '../../../src/operations/start-plan-revision.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, startWebServer, type WebServer } from '../../support/web.js';
import { IMPORT_SEED, signInAs } from '../backoffice-states.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function click(page: Page, name: string) {
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
}

describe('the back office', () => {
  it('lets the RTD sign in, create a plan, add a priority and an action “entro giugno 2026” shown as 30/06/2026, and link it to a national line through the picker', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await Promise.all([
      page.waitForURL(/\/accedi$/),
      page.getByRole('link', { name: 'Accedi' }).click(),
    ]);
    await page.getByLabel('Email').fill('rtd@demo.piano.test');
    await page.getByLabel('Password').fill('demo-piano-2025');
    await click(page, 'Accedi');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Piani');

    await page.getByLabel('Titolo del piano').fill('Piano triennale 2026–2028');
    await page.getByLabel('Primo anno').fill('2026');
    await page.getByLabel('Ultimo anno').fill('2028');
    await click(page, 'Crea piano');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Piano triennale 2026–2028',
    );
    await expect(page.getByRole('status').textContent()).resolves.toContain('Elemento aggiunto.');

    await page.getByLabel('Titolo della priorità').fill('Servizi digitali ai cittadini');
    await click(page, 'Aggiungi priorità');
    await page.getByLabel('Titolo dell’azione').fill('Certificati anagrafici online');
    await page.getByLabel('Tempi').fill('entro giugno 2026');
    await page
      .getByLabel('Settore titolare')
      .selectOption({ label: 'Servizi demografici (anagrafe, stato civile, elettorale, leva)' });
    await click(page, 'Aggiungi azione');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Certificati anagrafici online',
    );
    await expect(page.getByText('Scadenza: 30/06/2026').first().isVisible()).resolves.toBe(true);

    // Link it to a national line of action through the catalog picker, by words of its title.
    await page
      .getByLabel('Cerca una linea o una misura PNRR per codice o parole')
      .fill('stato civile ANPR');
    await click(page, 'Cerca');
    const found = page.getByRole('list', { name: /^Linee d’azione trovate/ }).getByRole('listitem');
    await expect(found.textContent()).resolves.toContain(
      'Aderire ai servizi di stato civile di ANPR',
    );
    await Promise.all([
      page.waitForLoadState('load'),
      found.getByRole('button', { name: /^Collega/ }).click(),
    ]);
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Linea d’azione collegata all’azione.',
    );
    await expect(
      page.getByRole('list', { name: 'Linee d’azione collegate' }).textContent(),
    ).resolves.toContain('CAP4.PA.18 – Aderire ai servizi di stato civile di ANPR');
    await context.close();
  }, 60_000);

  it('lets the editor of Servizi demografici update an action from “Il mio lavoro”, and refuses another unit’s action', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'anagrafe');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Il mio lavoro',
    );
    const title = 'Liste elettorali e tessera elettorale in ANPR';
    await page.getByLabel(`Stato – ${title}`).selectOption({ label: 'In corso' });
    await page.getByLabel(`Avanzamento (%) – ${title}`).fill('25');
    await click(page, `Aggiorna “${title}”`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Modifiche salvate.');
    await expect(page.getByLabel(`Avanzamento (%) – ${title}`).inputValue()).resolves.toBe('25');

    // Another unit's action: the page opens, the save is refused with a clear message.
    await page.goto(`${server.url}/gestione/piani/${server.planId}/azioni/a1.1`);
    await page.getByLabel('Stato', { exact: true }).selectOption({ label: 'Sospesa' });
    await click(page, 'Salva');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Modifica non consentita',
    );
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Puoi aggiornare solo le azioni del tuo settore.',
    );
    await context.close();
  }, 60_000);

  it('shows the second of two people saving the same action what changed, keeps their text, and reapplies it', async () => {
    const [first, second] = await Promise.all([newContext(browser), newContext(browser)]);
    const one = await first.newPage();
    const two = await second.newPage();
    await signInAs(one, server, 'anagrafe');
    await signInAs(two, server, 'rtd');
    // The demo plan is published and its titles frozen: the two edit next year's draft of it.
    const draft = await startPlanRevision({
      db: server.db,
      principal: COMMAND_LINE,
      planId: server.planId,
      period: 'next_year',
      completed: 'carry',
    });
    const address = `${server.url}/gestione/piani/${draft.planId}/azioni/a1.5`;
    await Promise.all([one.goto(address), two.goto(address)]);

    await one
      .getByLabel('Titolo', { exact: true })
      .fill('Stato civile digitale in ANPR entro il 2026');
    await click(one, 'Salva');
    await expect(one.getByRole('status').textContent()).resolves.toContain('Modifiche salvate.');

    const typed = 'Stato civile in ANPR: tutti gli atti dal 2026';
    await two.getByLabel('Titolo', { exact: true }).fill(typed);
    await click(two, 'Salva');
    await expect(
      two
        .getByRole('heading', { level: 2, name: 'Qualcun altro ha modificato questa azione' })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      two.getByRole('region', { name: 'Qualcun altro ha modificato questa azione' }).textContent(),
    ).resolves.toContain('Stato civile digitale in ANPR entro il 2026');
    await expect(two.getByLabel('Titolo', { exact: true }).inputValue()).resolves.toBe(typed);
    await click(two, 'Riapplica le mie modifiche');
    await expect(two.getByRole('status').textContent()).resolves.toContain('Modifiche salvate.');
    await expect(two.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(typed);
    await Promise.all([first.close(), second.close()]);
  }, 60_000);

  it('lets the RTD import seed 001 through the wizard, fix one item, save, publish it, and anyone read it on the portal and download its PDF', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, server, 'rtd');
    await page.goto(`${server.url}/gestione/piani`);
    await Promise.all([
      page.waitForURL(/\/gestione\/importa$/),
      page.getByRole('link', { name: 'Importa un piano da un file' }).click(),
    ]);
    await page.getByLabel('File del piano').setInputFiles(IMPORT_SEED);
    await click(page, 'Leggi il file');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Revisione della bozza importata',
    );
    const item = page.getByRole('article', { name: /^Incrementare i servizi on-line/ });
    await expect(item.textContent()).resolves.toMatch(/Riga 255.*Incrementare i servizi on-line/s);
    await item.getByText('Correggi', { exact: false }).first().click();
    await item.getByLabel('Titolo', { exact: true }).fill('Servizi on line con SPID e CIE');
    await item.getByLabel('Tempi', { exact: true }).fill('entro giugno 2024');
    await Promise.all([
      page.waitForLoadState('load'),
      item.getByRole('button', { name: /^Salva la correzione/ }).click(),
    ]);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Correzione salvata.');
    const fixed = page.getByRole('article', { name: 'Servizi on line con SPID e CIE' });
    await expect(fixed.textContent()).resolves.toContain('Scadenza: 30/06/2024');
    await click(page, 'Salva la bozza come piano');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Bozza importata e salvata come piano.',
    );
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'AGGIORNAMENTO 2022-2024',
    );
    await expect(
      page.getByRole('link', { name: 'Servizi on line con SPID e CIE' }).isVisible(),
    ).resolves.toBe(true);

    // Publish it: propose, record the approval with the signed act, publish.
    await Promise.all([
      page.waitForURL(/\/pubblicazione$/),
      page.getByRole('link', { name: 'Documenti e pubblicazione' }).click(),
    ]);
    await click(page, 'Proponi per l’approvazione');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Piano proposto per l’approvazione.',
    );
    await page.getByLabel('Numero della deliberazione').fill('7');
    await page.getByLabel('Data della deliberazione').fill('2022-03-01');
    await page.getByLabel('Deliberazione firmata').setInputFiles({
      name: 'delibera-7-2022.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n% deliberazione di Giunta firmata\n%%EOF\n'),
    });
    await click(page, 'Registra l’approvazione');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Approvazione registrata.',
    );
    await click(page, 'Pubblica sul portale');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Piano pubblicato.');
    const portal = await page
      .getByRole('link', { name: 'Apri la pagina del piano sul portale' })
      .getAttribute('href');
    await context.close();

    // Anyone reads it on the portal and downloads its PDF.
    const visitor = await newContext(browser);
    const reader = await visitor.newPage();
    await reader.goto(`${server.url}${portal}`);
    await expect(reader.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'AGGIORNAMENTO 2022-2024',
    );
    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('link', { name: 'Il documento del piano – PDF accessibile' }).click(),
    ]);
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await visitor.close();
  }, 120_000);
});
