import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlanOutline } from '../../src/documents/plan-outline.js';
import { buildReportOutline } from '../../src/documents/monitoring-report.js';
import { renderPdf } from '../../src/documents/render-pdf.js';
import {
  HAS_POPPLER,
  REQUIRE_POPPLER,
  actionTitles,
  demoPlan,
  flat,
  pdfInfo,
  pdfPages,
  smallPlan,
} from './support.js';

// Text extraction needs Debian's poppler-utils; CI installs them and must not skip.
const run = HAS_POPPLER || REQUIRE_POPPLER ? describe : describe.skip;
if (!HAS_POPPLER && !REQUIRE_POPPLER) {
  console.warn('poppler-utils is not installed: PDF tests skipped (apt-get install poppler-utils)');
}

run('the plan as PDF', { timeout: 60_000 }, () => {
  const doc = demoPlan();
  let pdf: Buffer;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    pdf = await renderPdf(buildPlanOutline(doc));
    pages = pdfPages(pdf);
    text = flat(pages.join(' '));
  });

  it('is a tagged PDF 1.7 whose viewers show the plan’s title', () => {
    const info = pdfInfo(pdf);
    expect(info['Tagged']).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info['Title']).toBe(doc.plan.title);
    expect(info['Author']).toBe('Comune di Valdimonte');
    expect(Number(info['Pages'])).toBe(pages.length);
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(it-IT\)/);
    expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('contains every action title as selectable text', () => {
    for (const title of actionTitles(doc)) expect(text).toContain(flat(title));
  });

  it('prints the spending totals the Italian way', () => {
    expect(text).toContain('€ 650.037,50');
    expect(text).toContain('€ 395.767,00');
    expect(text).toContain('€ 155.234,00');
  });

  it('numbers every page after the cover as "Pagina N di M" and heads it with the organization', () => {
    const total = pages.length;
    expect(total).toBeGreaterThan(20);
    pages.slice(1).forEach((page, i) => {
      expect(flat(page)).toContain(`Pagina ${i + 2} di ${total}`);
      expect(page).toContain('Comune di Valdimonte');
    });
    expect(pages[0]).not.toContain('Pagina 1');
  });

  it('has a table of contents whose page numbers lead to the chapters', () => {
    const toc = flat(pages[1]!);
    expect(toc).toContain('Sommario');
    for (const match of toc.matchAll(/(\d)\. ([A-ZÀ-Ú][^.\d]+?) (\d+)(?= |$)/g)) {
      const [, n, title, page] = match;
      expect(flat(pages[Number(page) - 1]!)).toContain(`${n}. ${title!.trim()}`);
    }
    expect([...toc.matchAll(/(\d)\. /g)].length).toBeGreaterThanOrEqual(9);
  });

  it('keeps the plan’s own timing words next to the dates they mean', () => {
    expect(text).toContain('Tempi: entro giugno 2026 (scadenza: 30 giugno 2026)');
    expect(text).toContain('Responsabilità: RTD, Responsabili di Settore');
    expect(text).toContain('Risultati attesi');
  });
});

run('the monitoring report as PDF', { timeout: 60_000 }, () => {
  it('gives the state at the date with the overdue actions and the spending by status', async () => {
    const doc = demoPlan();
    const pdf = await renderPdf(buildReportOutline(doc, { date: '2026-07-01' }));
    const text = flat(pdfPages(pdf, 'raw').join(' '));
    expect(pdfInfo(pdf)['Tagged']).toBe('yes');
    expect(text).toContain('Situazione al 1 luglio 2026');
    expect(text).toContain('Azioni in ritardo');
    expect(text).toMatch(
      /1\.3 Nuovi servizi del Comune su App IO RTD, Responsabili di Settore 30\/06\/2026 1 In corso, 50%/,
    );
    expect(text).toContain('Liquidata');
    for (const title of actionTitles(doc)) expect(text).toContain(flat(title));
  });
});

run('a small hand-made plan as PDF', { timeout: 60_000 }, () => {
  it('keeps punctuation, accents and the euro sign readable', async () => {
    const doc = smallPlan();
    const text = flat(pdfPages(await renderPdf(buildPlanOutline(doc))).join(' '));
    for (const title of actionTitles(doc)) expect(text).toContain(flat(title));
    expect(text).toContain('Comune di Sant’Agata & Uniti');
    expect(text).toContain('€ 79.922,50');
    expect(text).toContain('BOZZA');
  });

  it('carries a table cell longer than a page over to the next pages without losing words', async () => {
    const doc = smallPlan();
    const words = Array.from({ length: 700 }, (_, i) => `parola${i}`);
    doc.plan.glossary.push({ id: 'g-lungo', term: 'Lungo', definition: words.join(' ') });
    const pdf = await renderPdf(buildPlanOutline(doc));
    const text = flat(pdfPages(pdf, 'raw').join(' '));
    for (const w of words) expect(text).toContain(` ${w} `.trimStart());
    expect(text).toContain('parola699');
    expect(pdfInfo(pdf)['Tagged']).toBe('yes');
  });
});
