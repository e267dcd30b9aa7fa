/**
 * Picture check: renders the demo plan's PDF (and the monitoring report's) and turns their
 * first pages into PNG images with poppler's pdftoppm, so a person can look at the layout.
 *
 *   npm run docs:preview                 first 6 pages of the plan and 4 of the report
 *   npm run docs:preview -- --pages 12   more pages
 *
 * Prints the folder and the path of every image. Needs Debian's poppler-utils.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { buildReportOutline } from '../src/documents/monitoring-report.js';
import { buildPlanOutline } from '../src/documents/plan-outline.js';
import { renderPdf } from '../src/documents/render-pdf.js';
import { lineTitleLookup } from '../src/domain/catalog/catalog.js';
import { parsePlanDocument } from '../src/catalog/parse-plan-document.js';

const args = process.argv.slice(2);
const pagesArg = args.indexOf('--pages');
const pages = pagesArg >= 0 ? Number(args[pagesArg + 1]) : 6;

if (spawnSync('pdftoppm', ['-v']).status !== 0) {
  console.error(
    'pdftoppm non trovato: installare poppler-utils (apt-get install -y poppler-utils)',
  );
  process.exit(2);
}

const root = new URL('..', import.meta.url).pathname;
const doc = parsePlanDocument(JSON.parse(readFileSync(join(root, 'data/demo/plan.json'), 'utf8')));
const dir = mkdtempSync(join(tmpdir(), 'piano-preview-'));

const jobs = [
  {
    name: 'piano',
    outline: buildPlanOutline(doc, { lookupTitle: lineTitleLookup(loadCatalog(), doc) }),
    pages,
  },
  {
    name: 'stato-attuazione',
    outline: buildReportOutline(doc, { date: '2026-07-01' }),
    pages: Math.min(pages, 4),
  },
];
for (const job of jobs) {
  const pdf = join(dir, `${job.name}.pdf`);
  writeFileSync(pdf, await renderPdf(job.outline));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    String(job.pages),
    pdf,
    join(dir, job.name),
  ]);
}
console.log(`Anteprime in ${dir}:`);
for (const file of readdirSync(dir).sort()) console.log(join(dir, file));
