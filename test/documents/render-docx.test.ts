import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportOutline } from '../../src/documents/monitoring-report.js';
import { buildPlanOutline } from '../../src/documents/plan-outline.js';
import { renderDocx } from '../../src/documents/render-docx.js';
import { actionTitles, demoPlan, docxParagraphs, docxParts, smallPlan } from './support.js';

describe('the plan as DOCX', { timeout: 60_000 }, () => {
  const doc = demoPlan();
  let docx: Buffer;
  let parts: Record<string, string>;
  let paragraphs: { style: string | null; text: string }[];

  beforeAll(async () => {
    docx = await renderDocx(buildPlanOutline(doc));
    parts = await docxParts(docx);
    paragraphs = docxParagraphs(parts['word/document.xml']!);
  });

  const withStyle = (style: string) =>
    paragraphs.filter((p) => p.style === style).map((p) => p.text);

  it('uses Word’s heading styles for chapters, priorities and actions', () => {
    expect(withStyle('Heading1')).toEqual([
      '1. Introduzione e quadro normativo',
      '2. Le relazioni con gli altri strumenti di programmazione',
      '3. La spesa per la transizione al digitale',
      '4. Le priorità da affrontare',
      '5. Riepilogo delle azioni',
      '6. Indicatori e target',
      '7. Adesione alle piattaforme nazionali',
      '8. Sicurezza informatica',
      '9. Termini, definizioni e acronimi',
    ]);
    expect(withStyle('Heading2')).toEqual(
      expect.arrayContaining(doc.priorities.map((p) => `Priorità ${p.code} – ${p.title}`)),
    );
    expect(withStyle('Heading3')).toContain('Analisi dello stato dell’arte');
    expect(withStyle('Heading4')).toEqual(doc.actions.map((a) => `${a.code} ${a.title}`));
    expect(parts['word/styles.xml']).toContain('w:styleId="Heading1"');
  });

  it('contains every action title', () => {
    const all = paragraphs.map((p) => p.text);
    for (const title of actionTitles(doc)) {
      expect(all.some((t) => t.includes(title))).toBe(true);
    }
  });

  it('has real tables with a repeated header row and captions', () => {
    const xml = parts['word/document.xml']!;
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(12);
    expect(xml).toContain('<w:tblHeader/>');
    const captions = withStyle('Caption');
    expect(captions).toContain('Tabella 3 – Voci di spesa');
    expect(captions.some((c) => c.endsWith('Riepilogo delle azioni per responsabili e anni'))).toBe(
      true,
    );
    expect(paragraphs.map((p) => p.text)).toContain('€ 650.037,50');
  });

  it('has a table of contents, the organization in the header and page fields in the footer', () => {
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/TOC \\h \\o &quot;1-2&quot;/);
    const headers = Object.entries(parts).filter(([n]) => /^word\/header\d*\.xml$/.test(n));
    expect(headers.some(([, x]) => x.includes('Comune di Valdimonte'))).toBe(true);
    const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d*\.xml$/.test(n));
    const footer = footers.map(([, x]) => x).join('');
    expect(footer).toContain('Pagina');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('embeds the charts as images with alternative text', async () => {
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(3);
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(parts['word/document.xml']).toMatch(
      /<wp:docPr [^>]*descr="Spesa per provenienza dei fondi: PNRR/,
    );
  });

  it('says it is Italian and carries the plan’s metadata', () => {
    expect(parts['word/styles.xml']).toContain('w:val="it-IT"');
    expect(parts['docProps/core.xml']).toContain(
      `<dc:title>${doc.plan.title.replace("'", '&apos;')}</dc:title>`,
    );
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Comune di Valdimonte</dc:creator>');
  });
});

describe('other documents as DOCX', { timeout: 60_000 }, () => {
  it('writes the monitoring report with its chapters', async () => {
    const parts = await docxParts(
      await renderDocx(buildReportOutline(demoPlan(), { date: '2026-01-15' })),
    );
    const headings = docxParagraphs(parts['word/document.xml']!)
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(headings).toEqual([
      '1. Sintesi',
      '2. Azioni in ritardo',
      '3. Scadenze dei prossimi 90 giorni',
      '4. Stato di attuazione delle azioni',
      '5. Indicatori rispetto ai target',
      '6. Spesa per stato',
      '7. Adesione alle piattaforme nazionali',
    ]);
  });

  it('escapes quotes, ampersands and angle brackets in a small hand-made plan', async () => {
    const doc = smallPlan();
    const parts = await docxParts(await renderDocx(buildPlanOutline(doc)));
    const texts = docxParagraphs(parts['word/document.xml']!).map((p) => p.text);
    for (const title of actionTitles(doc)) expect(texts.some((t) => t.includes(title))).toBe(true);
    expect(parts['word/header1.xml'] ?? Object.values(parts).join('')).toContain(
      'Sant’Agata &amp; Uniti',
    );
  });
});
