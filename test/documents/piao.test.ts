import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/documents/exports.js';
import { performanceObjectives } from '../../src/documents/performance-objectives.js';
import { demoPlan, docxParagraphs, docxParts } from './support.js';

const doc = demoPlan();
type Paragraph = { style: string | null; text: string };

async function docxOf(format: 'piao-docx' | 'objectives-docx', year?: number) {
  const [file] = await exportFiles(doc, format, { year, date: '2026-01-15' });
  const parts = await docxParts(file!.body as Buffer);
  return { file: file!, paragraphs: docxParagraphs(parts['word/document.xml']!) };
}

const withStyle = (paragraphs: Paragraph[], style: string) =>
  paragraphs.filter((p) => p.style === style).map((p) => p.text);

describe('the plan as the PIAO annex (DOCX)', { timeout: 60_000 }, () => {
  let paragraphs: Paragraph[];
  let name: string;
  let downloadName: string;

  beforeAll(async () => {
    const { file, paragraphs: p } = await docxOf('piao-docx');
    paragraphs = p;
    name = file.name;
    downloadName = file.downloadName;
  });

  it('is named as the PIAO annex', () => {
    expect(name).toBe('piao-allegato.docx');
    expect(downloadName).toBe('comune-di-valdimonte-piano-2025-2027-piao-allegato.docx');
  });

  it('names the PIAO, its section 2 and subsection 2.1 on the cover, above the plan’s title', () => {
    const texts = paragraphs.map((p) => p.text);
    const title = texts.indexOf(doc.plan.title);
    expect(title).toBeGreaterThan(0);
    const frame = texts.slice(0, title);
    expect(frame).toContain('Piano integrato di attività e organizzazione 2025–2027');
    expect(frame).toContain('Sezione 2 – Valore pubblico, performance e anticorruzione');
    expect(frame).toContain('Sottosezione 2.1 – Valore pubblico');
    expect(frame).toContain('Allegato');
    expect(frame).toContain(doc.organization.name);
    expect(withStyle(paragraphs, 'Title')).toEqual([doc.plan.title]);
  });

  it('opens with the PIAO’s section and subsection as Word headings, then the plan’s chapters', () => {
    const h1 = withStyle(paragraphs, 'Heading1');
    expect(h1[0]).toBe('Sezione 2 – Valore pubblico, performance e anticorruzione');
    expect(h1[1]).toBe('1. Introduzione e quadro normativo');
    expect(h1).toContain('6. Indicatori e target');
    expect(withStyle(paragraphs, 'Heading2')[0]).toBe('Sottosezione 2.1 – Valore pubblico');
    expect(withStyle(paragraphs, 'Heading4')).toEqual(
      doc.actions.map((a) => `${a.code} ${a.title}`),
    );
  });

  it('places the plan in the subsection with organization, period and approval act', () => {
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain(`Amministrazione: ${doc.organization.name}`);
    expect(texts).toContain('Periodo: Triennio 2025–2027');
    const act = texts.find((t) => t.startsWith('Atto di approvazione: '));
    expect(act).toBeDefined();
    if (doc.plan.approval) expect(act).toContain(doc.plan.approval.number);
    expect(
      texts.some((t) =>
        t.startsWith(
          'Allegato alla sottosezione 2.1 – valore pubblico del Piano integrato di attività e organizzazione 2025–2027',
        ),
      ),
    ).toBe(true);
  });
});

describe('the performance objectives as DOCX and CSV', { timeout: 60_000 }, () => {
  it('gives each unit a heading and each action due in the year an objective with its targets', async () => {
    const { file, paragraphs } = await docxOf('objectives-docx', 2025);
    expect(file.name).toBe('objectives.docx');
    expect(file.downloadName).toBe('comune-di-valdimonte-obiettivi-performance-2025.docx');
    const rows = performanceObjectives(doc, 2025);
    expect(withStyle(paragraphs, 'Heading1')).toEqual(['Obiettivi di performance 2025']);
    expect(withStyle(paragraphs, 'Heading2')).toEqual([...new Set(rows.map((r) => r.unit))]);
    const objectives = withStyle(paragraphs, 'Heading3');
    const perUnit = new Set(rows.map((r) => `${r.unit}|${r.actionId}`));
    expect(objectives).toHaveLength(perUnit.size);
    const a11 = doc.actions.find((a) => a.id === 'a1.1')!;
    expect(objectives.filter((o) => o.endsWith(`${a11.code} ${a11.title}`))).toHaveLength(2);
    expect(
      objectives.some((o) => o.includes(doc.actions.find((a) => a.id === 'a1.3')!.title)),
    ).toBe(rows.some((r) => r.actionId === 'a1.3'));
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Sottosezione 2.2 – Performance');
    expect(texts).toContain('Scadenza: 31 dicembre 2025');
    const indicator = doc.indicators.find(
      (i) => i.actionId === 'a1.1' && i.targets.some((t) => t.year === 2025),
    )!;
    expect(texts).toContain(indicator.name);
    expect(texts).toContain('Target 2025');
  });

  it('takes the year from the date when none is given', async () => {
    const { paragraphs } = await docxOf('objectives-docx');
    expect(withStyle(paragraphs, 'Heading1')).toEqual(['Obiettivi di performance 2026']);
  });

  it('gives the CSV through the same export machinery, parsed back row by row', async () => {
    const [file] = await exportFiles(doc, 'objectives-csv', { year: 2025 });
    expect(file!.name).toBe('objectives.csv');
    expect(file!.contentType).toBe('text/csv; charset=utf-8; header=present');
    const records = parse(file!.body as string, { columns: true }) as Record<string, string>[];
    const rows = performanceObjectives(doc, 2025);
    expect(records).toHaveLength(rows.length);
    expect(records.map((r) => `${r.unitId}|${r.actionId}|${r.indicator}`)).toEqual(
      rows.map((r) => `${r.unitId}|${r.actionId}|${r.indicator ?? ''}`),
    );
    expect(records.filter((r) => r.actionId === 'a1.1').map((r) => r.due)).toContain('2025-12-31');
  });
});
