// npm run screenshots: every page template of the web interface, in Italian and English, at an
// office screen's size and a phone's, as PNG files in screenshots/ for a person to look at.
// Uses the same server, demo plan and browser as the browser tests. The back office's pages and
// states are reached as a person reaches them: signed in through the form, by visible labels.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BACK_OFFICE_STATES, signInAs, type DemoUser } from '../test/web/backoffice-states.js';
import { PORTAL_PAGES, inLanguage } from '../test/web/pages.js';
import { VIEWPORTS, launchBrowser, newContext, startWebServer } from '../test/support/web.js';

const OUT = 'screenshots';
/** Long pages are cut here: enough to judge the layout, small enough to open. */
const MAX_HEIGHT = 6000;

const server = await startWebServer();
const browser = await launchBrowser();
await mkdir(OUT, { recursive: true });
let written = 0;
try {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    for (const lang of ['it', 'en'] as const) {
      for (const p of PORTAL_PAGES) {
        await page.goto(server.url + inLanguage(p.path, lang));
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = join(OUT, `${p.name}-${lang}-${size}.png`);
        await page.screenshot({
          path: file,
          fullPage: true,
          ...(height > MAX_HEIGHT
            ? { clip: { x: 0, y: 0, width: viewport.width, height: MAX_HEIGHT } }
            : {}),
        });
        written += 1;
      }
    }
    await context.close();
    for (const lang of ['it', 'en'] as const) {
      for (const user of [null, 'anagrafe', 'rtd'] as (DemoUser | null)[]) {
        const signed = await newContext(browser, viewport);
        const tab = await signed.newPage();
        if (user) await signInAs(tab, server, user, lang);
        for (const state of BACK_OFFICE_STATES.filter((s) => s.user === user)) {
          await state.open(tab, server, lang);
          const height = await tab.evaluate(() => document.documentElement.scrollHeight);
          await tab.screenshot({
            path: join(OUT, `${state.name}-${lang}-${size}.png`),
            fullPage: true,
            ...(height > MAX_HEIGHT
              ? { clip: { x: 0, y: 0, width: viewport.width, height: MAX_HEIGHT } }
              : {}),
          });
          written += 1;
        }
        await signed.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written} screenshots written to ${OUT}/`);
