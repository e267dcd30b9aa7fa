/**
 * Every back-office page template and state (form errors, a refused change, a conflict), in
 * Italian and English, on an office screen and a phone: zero axe violations of the WCAG 2.0/2.1
 * A and AA rules; after a failed submit the error summary has the focus.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../../support/axe.js';
import {
  VIEWPORTS,
  launchBrowser,
  newContext,
  startWebServer,
  type WebServer,
} from '../../support/web.js';
import { BACK_OFFICE_STATES, signInAs, type DemoUser } from '../backoffice-states.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(Object.entries(VIEWPORTS))('the back office at %s size', (size, viewport) => {
  for (const lang of ['it', 'en'] as const) {
    it(`has no WCAG 2.1 AA violation on any page or state in ${lang === 'it' ? 'Italian' : 'English'} (${size})`, async () => {
      const found: string[] = [];
      const checked: string[] = [];
      for (const user of [null, 'anagrafe', 'rtd'] as (DemoUser | null)[]) {
        const context = await newContext(browser, viewport);
        const page = await context.newPage();
        if (user) await signInAs(page, server, user, lang);
        for (const state of BACK_OFFICE_STATES.filter((s) => s.user === user)) {
          await state.open(page, server, lang);
          checked.push(state.name);
          found.push(...(await wcagViolations(page, state.name)));
        }
        await context.close();
      }
      expect(checked).toEqual(expect.arrayContaining(BACK_OFFICE_STATES.map((s) => s.name)));
      expect(found).toEqual([]);
    }, 240_000);
  }
});

describe('after a failed submit', () => {
  it('puts the focus on the error summary, which links to the field', async () => {
    const context = await newContext(browser, VIEWPORTS.desktop);
    const page = await context.newPage();
    const state = BACK_OFFICE_STATES.find((s) => s.name === 'bo-sign-in-errors');
    await state?.open(page, server, 'it');
    const focused = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(focused).toContain('piano-error-summary');
    await page.getByRole('link', { name: 'Scrivi l’indirizzo email' }).click();
    expect(page.url()).toMatch(/#field-email$/);
    await context.close();
  });
});
