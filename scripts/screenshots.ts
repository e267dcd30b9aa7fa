// npm run screenshots: every page template of the web interface, in Italian and English, at an
// office screen's size and a phone's, as PNG files in screenshots/ for a person to look at.
// Uses the same server, demo plan and browser as the browser tests.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
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
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written} screenshots written to ${OUT}/`);
