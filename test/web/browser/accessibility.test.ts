/**
 * Every page template of the portal, in Italian and English, on an office screen and a phone:
 * zero axe violations of the WCAG 2.0/2.1 A and AA rules; the first Tab reaches the skip link;
 * every interactive element is reached by Tab and shows a visible focus.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WCAG_AA, wcagViolations } from '../../support/axe.js';
import {
  VIEWPORTS,
  launchBrowser,
  newContext,
  startWebServer,
  type WebServer,
} from '../../support/web.js';
import { PORTAL_PAGES, inLanguage } from '../pages.js';

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(Object.entries(VIEWPORTS))('at %s size', (size, viewport) => {
  for (const lang of ['it', 'en'] as const) {
    it(`has no WCAG 2.1 AA violation on any page in ${lang === 'it' ? 'Italian' : 'English'} (${size})`, async () => {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const found: string[] = [];
      for (const p of PORTAL_PAGES) {
        await page.goto(server.url + inLanguage(p.path, lang));
        found.push(...(await wcagViolations(page, p.name)));
      }
      await context.close();
      expect(found).toEqual([]);
    }, 240_000);
  }
});

/** Marks every element that should take the keyboard's focus, and returns how many. */
function markInteractive(page: Page) {
  return page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    let n = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const closedDetails = el.closest('details:not([open])');
      const insideClosed = closedDetails && el.tagName !== 'SUMMARY';
      if (insideClosed || el.closest('[hidden]')) continue;
      el.dataset.kbd = String(n);
      n += 1;
    }
    return n;
  });
}

/** The focused element's mark, and whether its focus can be seen (outline or shadow). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
      mark: el.dataset.kbd ?? null,
      text: (el.textContent ?? el.tagName).trim().slice(0, 40),
      visible: outline || shadow,
    };
  });
}

describe('the checks themselves', () => {
  it('catch a page with an unlabelled field, low contrast and a focus that cannot be seen', async () => {
    const context = await newContext(browser, VIEWPORTS.desktop);
    const page = await context.newPage();
    await page.goto(`${server.url}/privacy`);
    await page.evaluate(() => {
      const main = document.getElementById('main-container') as HTMLElement;
      main.insertAdjacentHTML(
        'beforeend',
        '<input type="text"><p class="low">testo</p><a href="#x" class="nofocus">invisibile</a>',
      );
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.low{color:#ccc!important} .nofocus:focus{outline:none!important;box-shadow:none!important}',
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
    expect(violations.map((v) => v.id)).toEqual(
      expect.arrayContaining(['label', 'color-contrast']),
    );
    await markInteractive(page);
    await page.locator('.nofocus').focus();
    expect((await focused(page))?.visible).toBe(false);
    await context.close();
  });
});

describe('keyboard', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`reaches the skip link first, then every interactive element with a visible focus (${lang})`, async () => {
      const context = await newContext(browser, VIEWPORTS.desktop);
      const page = await context.newPage();
      const problems: string[] = [];
      for (const p of PORTAL_PAGES) {
        await page.goto(server.url + inLanguage(p.path, lang));
        const total = await markInteractive(page);
        const reached = new Set<string>();
        for (let i = 0; i < total + 5; i += 1) {
          await page.keyboard.press('Tab');
          const f = await focused(page);
          if (!f) continue;
          if (i === 0) {
            const skip = await page.evaluate(() =>
              (document.activeElement as HTMLAnchorElement).getAttribute('href'),
            );
            if (skip !== '#main-container') problems.push(`${p.name}: first Tab reached ${f.text}`);
          }
          if (f.mark !== null) reached.add(f.mark);
          if (!f.visible) problems.push(`${p.name}: no visible focus on "${f.text}"`);
        }
        if (reached.size < total)
          problems.push(
            `${p.name}: ${total - reached.size} of ${total} elements never reached by Tab`,
          );
      }
      await context.close();
      expect([...new Set(problems)]).toEqual([]);
    }, 240_000);
  }
});
