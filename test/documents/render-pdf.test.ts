import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentOutline } from '../../src/documents/outline.js';
import { buildPlanOutline } from '../../src/documents/plan-outline.js';
import { buildReportOutline } from '../../src/documents/monitoring-report.js';
import { renderPdf } from '../../src/documents/render-pdf.js';
import { actionTitles, demoPlan, flat, pdfInfo, pdfPages, pdfTags, smallPlan } from './support.js';

/**
 * Checks that the PDF's structure tree gives the outline as assistive technology needs it:
 * every heading at its level and in order, a table of contents entry with a link for each
 * level 1 and 2 heading, each table with its caption, a header row of TH cells and row headers
 * where the outline asks for them, each chart as a Figure with its description as alternative
 * text and its caption.
 */
async function expectStructure(pdf: Buffer, outline: DocumentOutline) {
  const tags = await pdfTags(pdf);
  const named = (role: string) => tags.filter((t) => t.role === role);
  const blocks = outline.blocks;
  const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [b] : []));
  const tables = blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
  const charts = blocks.flatMap((b) => (b.kind === 'chart' ? [b] : []));

  expect(tags.filter((t) => /^H\d$/.test(t.role)).map((t) => `${t.role} ${t.text}`)).toEqual([
    `H1 ${outline.tocTitle}`,
    ...headings.map((h) => `H${h.level} ${flat(h.text)}`),
  ]);

  const entries = named('TOCI');
  expect(entries.map((e) => e.text.replace(/ \d+$/, ''))).toEqual(
    headings.filter((h) => h.level <= 2).map((h) => flat(h.text)),
  );
  for (const entry of entries) expect(entry.children.map((c) => c.role)).toEqual(['Link']);

  // A table that runs over several pages appears once per page; its first part has the caption.
  const firstParts = named('Table').filter(
    (t) => t.children[0]?.role === 'Caption' && t.children[0].text,
  );
  expect(firstParts.map((t) => t.children[0]!.text)).toEqual(
    tables.map((t, i) => `Tabella ${i + 1} – ${flat(t.caption)}`),
  );
  expect(tables.length).toBeGreaterThan(0);
  firstParts.forEach((part, i) => {
    const table = tables[i]!;
    const headerRow = part.children.find((c) => c.role === 'THead')?.children[0];
    expect(headerRow?.role).toBe('TR');
    expect(headerRow?.children.map((c) => `${c.role} ${c.text}`.trim())).toEqual(
      table.columns.map((c) => `TH ${flat(c.header)}`.trim()),
    );
    if (table.rows.length === 0) return;
    const firstRow = part.children.find((c) => c.role === 'TBody')?.children[0];
    expect(firstRow?.children.map((c) => c.role)).toEqual(
      table.columns.map((_, j) => (j === 0 && table.rowHeaders ? 'TH' : 'TD')),
    );
  });

  expect(charts.length).toBeGreaterThan(0);
  expect(named('Figure').map((f) => f.alt)).toEqual(charts.map((c) => c.chart.description));
  const captions = named('Caption').map((c) => c.text);
  charts.forEach((c, i) => expect(captions).toContain(`Figura ${i + 1} – ${flat(c.caption)}`));
}

describe('the plan as PDF', { timeout: 60_000 }, () => {
  const doc = demoPlan();
  let pdf: Buffer;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    pdf = await renderPdf(buildPlanOutline(doc));
    pages = await pdfPages(pdf);
    text = flat(pages.join(' '));
  });

  it('is a tagged PDF 1.7 in Italian whose viewers show the plan’s title', async () => {
    const info = await pdfInfo(pdf);
    expect(info.tagged).toBe(true);
    expect(info.version).toBe('1.7');
    expect(info.title).toBe(doc.plan.title);
    expect(info.author).toBe('Comune di Valdimonte');
    expect(info.pages).toBe(pages.length);
    expect(info.language).toBe('it-IT');
    expect(info.displayDocTitle).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('is tagged with the plan’s headings, contents, tables and figures with alternative text', async () => {
    await expectStructure(pdf, buildPlanOutline(doc));
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

describe('the monitoring report as PDF', { timeout: 60_000 }, () => {
  const doc = demoPlan();
  const outline = buildReportOutline(doc, { date: '2026-07-01' });
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderPdf(outline);
  });

  it('gives the state at the date with the overdue actions and the spending by status', async () => {
    const text = flat((await pdfPages(pdf)).join(' '));
    expect((await pdfInfo(pdf)).tagged).toBe(true);
    expect(text).toContain('Situazione al 1 luglio 2026');
    expect(text).toContain('Azioni in ritardo');
    expect(text).toMatch(
      /1\.3 Nuovi servizi del Comune su App IO RTD, Responsabili di Settore 30\/06\/2026 1 In corso, 50%/,
    );
    expect(text).toContain('Liquidata');
    for (const title of actionTitles(doc)) expect(text).toContain(flat(title));
  });

  it('is tagged with the report’s headings, contents, tables and figures with alternative text', async () => {
    await expectStructure(pdf, outline);
  });
});

describe('a small hand-made plan as PDF', { timeout: 60_000 }, () => {
  it('keeps punctuation, accents and the euro sign readable', async () => {
    const doc = smallPlan();
    const text = flat((await pdfPages(await renderPdf(buildPlanOutline(doc)))).join(' '));
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
    const text = flat((await pdfPages(pdf)).join(' '));
    for (const w of words) expect(text).toContain(` ${w} `.trimStart());
    expect(text).toContain('parola699');
    expect((await pdfInfo(pdf)).tagged).toBe(true);
  });
});
