import { beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/documents/exports.js';
import {
  formatAct,
  formatDate,
  formatEuro,
  formatFor,
  formatNumber,
  formatShortDate,
} from '../../src/documents/format.js';
import { isDocumentLang, labelsFor } from '../../src/documents/labels.js';
import { buildReportOutline } from '../../src/documents/monitoring-report.js';
import { buildPlanOutline } from '../../src/documents/plan-outline.js';
import { timingText } from '../../src/documents/plan-facts.js';
import type { TimingJson } from '../../src/domain/model/timing.js';
import {
  actionTitles,
  demoPlan,
  docxParagraphs,
  docxParts,
  flat,
  pdfInfo,
  pdfPages,
} from './support.js';

/**
 * Words of the Italian frame (headings, labels, captions, statuses, page furniture) that the
 * demo plan's own content never uses: an English document must contain none of them, while the
 * plan's Italian content stays as written. The first test checks that they are frame words.
 */
const ITALIAN_FRAME = [
  'Pagina',
  'Tabella',
  'Figura',
  'Sommario',
  'Vai al contenuto',
  'Triennio',
  'Codice IPA',
  'Approvato con',
  'Redatto secondo',
  'Introduzione e quadro normativo',
  'Voci di spesa',
  'Provenienza fondi',
  'Importo',
  'Totale',
  'Priorità',
  'Benefici attesi',
  'Azioni pianificate',
  'Responsabilità',
  'Tempi:',
  'scadenza:',
  'senza termine',
  'Risultati attesi',
  'Indicatori',
  'Micro azioni',
  'Da avviare',
  'In corso',
  'Riepilogo',
  'Cronoprogramma',
  'tempi non databili',
  'Ultima rilevazione',
  'nessuna rilevazione',
  'Scadenza',
  'Glossario',
];
/** The monitoring report's own frame words, on top of the plan's. */
const ITALIAN_REPORT_FRAME = [
  'Sintesi',
  'Situazione al',
  'Azioni in ritardo',
  'Stato di attuazione',
  'Giorni',
  'Esito',
  'Liquidata',
  'Impegnata',
  'Prevista',
];

const doc = demoPlan();
const content = JSON.stringify(doc);

/** The text a reader meets in the HTML page: tags and styles removed, chart text and titles kept. */
function htmlText(html: string): string {
  return flat(
    html
      .replace(/<style>[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  );
}

const leftovers = (text: string, words: string[]) => words.filter((w) => text.includes(w));

async function render(format: 'html' | 'docx' | 'pdf' | 'report-html' | 'report-pdf', lang?: 'en') {
  const [file] = await exportFiles(doc, format, { date: '2026-07-01', lang });
  return file!;
}

describe('document labels and formats by language', () => {
  it('knows only Italian and English', () => {
    expect(['it', 'en'].every(isDocumentLang)).toBe(true);
    expect(isDocumentLang('fr')).toBe(false);
    expect(isDocumentLang('IT')).toBe(false);
  });

  it('has an English label for every Italian one', () => {
    const keys = (o: object) => Object.keys(o).sort();
    const it = labelsFor('it');
    const en = labelsFor('en');
    expect(keys(en)).toEqual(keys(it));
    for (const key of keys(it) as (keyof typeof it)[]) {
      const value = it[key];
      if (typeof value === 'object' && !Array.isArray(value))
        expect(keys(en[key] as object)).toEqual(keys(value));
    }
  });

  it('formats Italian exactly as before and English the British way', () => {
    const itf = formatFor('it');
    expect(itf.number(1234.5)).toBe(formatNumber(1234.5));
    expect(itf.euro(1234)).toBe(formatEuro(1234));
    expect(itf.date('2025-12-31')).toBe(formatDate('2025-12-31'));
    expect(itf.shortDate('2025-12-31')).toBe(formatShortDate('2025-12-31'));
    const act = { organ: 'Giunta comunale', number: '46', date: '2025-04-17' };
    expect(itf.act(act)).toBe(formatAct(act));
    expect(itf.euro(155234)).toBe('€ 155.234,00');

    const en = formatFor('en');
    expect(en.number(1234.5)).toBe('1,234.5');
    expect(en.number(8568)).toBe('8,568');
    expect(en.euro(155234)).toBe('€155,234.00');
    expect(en.euro(0.5)).toBe('€0.50');
    expect(en.percent(60.9)).toBe('60.9%');
    expect(en.date('2025-12-31')).toBe('31 December 2025');
    expect(en.date('2026-07-01')).toBe('1 July 2026');
    expect(en.shortDate('2026-03-05')).toBe('05/03/2026');
    expect(en.dayMonth(29, 2)).toBe('29 February');
    expect(en.act(act)).toBe('resolution of the Giunta comunale no. 46 of 17 April 2025');
    expect(en.act({ organ: 'Sindaco', number: '7', date: null })).toBe(
      'decree of the Sindaco no. 7',
    );
  });

  it('explains the plan’s timing words in English, leaving the words as written', () => {
    const timing = (t: Partial<TimingJson>): TimingJson => ({
      text: 'entro il 31 dicembre 2025',
      kind: 'by',
      start: null,
      due: '2025-12-31',
      years: [2025],
      recurrence: null,
      resolved: true,
      ...t,
    });
    expect(timingText(timing({}), 'en')).toBe(
      'entro il 31 dicembre 2025 (deadline: 31 December 2025)',
    );
    expect(timingText(timing({}))).toBe('entro il 31 dicembre 2025 (scadenza: 31 dicembre 2025)');
    expect(
      timingText(
        timing({
          text: 'ogni anno entro il 31 marzo',
          kind: 'recurring',
          due: null,
          recurrence: { frequency: 'yearly', month: 3, day: 31 },
        }),
        'en',
      ),
    ).toBe('ogni anno entro il 31 marzo (every year by 31 March)');
    expect(timingText(timing({ kind: 'unresolved', due: null, years: [] }), 'en')).toMatch(
      /\(cannot be dated: depends on events outside the plan\)$/,
    );
    expect(timingText(null, 'en')).toBe('not stated');
  });
});

describe('the plan document in English', { timeout: 60_000 }, () => {
  let italianHtml: string;
  let html: string;

  beforeAll(async () => {
    italianHtml = htmlText((await render('html')).body as string);
    html = (await render('html', 'en')).body as string;
  });

  it('picks frame words the plan’s own content never uses, all present in the Italian page', () => {
    expect(leftovers(content, ITALIAN_FRAME)).toEqual([]);
    // The HTML page has no page numbers; the PDF and DOCX tests check "Pagina" elsewhere.
    const onPage = ITALIAN_FRAME.filter((w) => w !== 'Pagina');
    expect(leftovers(italianHtml, onPage)).toEqual(onPage);
  });

  it('has an English outline: chapters, contents, cover and language', () => {
    const outline = buildPlanOutline(doc, { lang: 'en' });
    expect(outline.lang).toBe('en-GB');
    expect(outline.tocTitle).toBe('Contents');
    expect(
      outline.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : [])),
    ).toEqual([
      '1. Introduction and legal framework',
      '2. Relations with the other planning instruments',
      '3. Spending on the digital transition',
      '4. The priorities to address',
      '5. Summary of the actions',
      '6. Indicators and targets',
      '7. Adoption of the national platforms',
      // A section of the plan: its title is the plan's own.
      '8. Sicurezza informatica',
      '9. Terms, definitions and acronyms',
    ]);
    expect(outline.cover.period).toBe('Years 2025–2027');
    expect(outline.cover.details).toContain(
      'Approved by resolution of the Giunta comunale no. 46 of 17 April 2025',
    );
    expect(outline.title).toBe(doc.plan.title);
  });

  it('writes the HTML page in English around the plan’s Italian content', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    const text = htmlText(html);
    expect(leftovers(text, ITALIAN_FRAME)).toEqual([]);
    for (const title of actionTitles(doc)) expect(text).toContain(flat(title));
    expect(text).toContain(`Priority 1 – ${doc.priorities[0]!.title}`);
    for (const label of [
      'Skip to content',
      'Contents',
      'Table 1 – Roles and appointment acts',
      'Figure 1 – Spending by source of funds',
      'Responsibility:',
      'Timing: entro il 31 dicembre 2025 (deadline: 31 December 2025)',
      'Expected results:',
      'Micro-actions:',
      'Source of funds',
      'Latest measurement',
      'Not started',
      'timing cannot be dated',
      'from the start, with no end',
    ]) {
      expect(text).toContain(label);
    }
  });

  it('prints amounts, numbers and dates the English way', () => {
    const text = htmlText(html);
    expect(text).toContain('The plan allocates €650,037.50 to the digital transition');
    expect(text).toContain('€155,234.00');
    expect(text).toContain('6,120 accessi as of 31/12/2024');
    expect(text).not.toContain('€ ');
    expect(text).not.toMatch(/\d\.\d{3},\d\d/);
  });

  it('writes the DOCX in English: language, headings, captions, footer, chart alt text', async () => {
    const parts = await docxParts((await render('docx', 'en')).body as Buffer);
    expect(parts['word/styles.xml']).toContain('w:val="en-GB"');
    expect(parts['word/styles.xml']).not.toContain('w:val="it-IT"');
    const paragraphs = docxParagraphs(parts['word/document.xml']!);
    const texts = paragraphs.map((p) => p.text);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)[0]).toBe(
      '1. Introduction and legal framework',
    );
    expect(texts).toContain('Table 1 – Roles and appointment acts');
    expect(texts).toContain('Figure 1 – Spending by source of funds');
    expect(texts).toContain('Timing: entro il 31 dicembre 2025 (deadline: 31 December 2025)');
    const footers = Object.entries(parts)
      .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
      .map(([, xml]) => xml)
      .join('');
    expect(footers).toContain('>Page </w:t>');
    expect(footers).toContain('> of </w:t>');
    const alts = [...parts['word/document.xml']!.matchAll(/descr="([^"]*)"/g)].map((m) => m[1]);
    expect(alts.some((a) => a?.startsWith('Spending by source of funds: PNRR €395,767.00'))).toBe(
      true,
    );
    expect(leftovers([...texts, ...alts, footers].join(' '), ITALIAN_FRAME)).toEqual([]);
  });

  it('writes the PDF in English: /Lang en-GB, "Page N of M", no Italian frame words', async () => {
    const pdf = (await render('pdf', 'en')).body as Buffer;
    const info = await pdfInfo(pdf);
    expect(info.language).toBe('en-GB');
    expect(info.title).toBe(doc.plan.title);
    const pages = await pdfPages(pdf);
    expect(pages[1]).toContain(`Page 2 of ${pages.length}`);
    const text = flat(pages.join(' '));
    expect(text).toContain('Contents');
    expect(text).toContain('€650,037.50');
    expect(text).toContain('Table 1 – Roles and appointment acts');
    for (const title of actionTitles(doc)) expect(text).toContain(flat(title));
    expect(leftovers(text, ITALIAN_FRAME)).toEqual([]);
  });
});

describe('the monitoring report in English', { timeout: 60_000 }, () => {
  it('has English chapters, cover and sentences, dated the English way', () => {
    const outline = buildReportOutline(doc, { date: '2026-07-01', lang: 'en' });
    expect(outline.lang).toBe('en-GB');
    expect(outline.cover.period).toBe('Status as of 1 July 2026');
    expect(outline.title).toBe('Implementation status of the Three-Year ICT Plan 2025–2027');
    expect(
      outline.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : [])),
    ).toEqual([
      '1. Summary',
      '2. Overdue actions',
      '3. Deadlines in the next 90 days',
      '4. Implementation status of the actions',
      '5. Indicators against targets',
      '6. Spending by status',
      '7. Adoption of the national platforms',
    ]);
  });

  it('writes HTML and PDF without the Italian frame', async () => {
    const words = [...ITALIAN_FRAME, ...ITALIAN_REPORT_FRAME];
    expect(leftovers(content, ITALIAN_REPORT_FRAME)).toEqual([]);
    const italian = htmlText((await render('report-html')).body as string);
    expect(leftovers(italian, ITALIAN_REPORT_FRAME)).toEqual(ITALIAN_REPORT_FRAME);

    const html = htmlText((await render('report-html', 'en')).body as string);
    expect(html).toMatch(/As of 1 July 2026 the plan’s 49 actions stand as follows: \d+ completed/);
    expect(leftovers(html, words)).toEqual([]);

    const file = await render('report-pdf', 'en');
    expect(file.downloadName).toBe('comune-di-valdimonte-stato-attuazione-2026-07-01-en.pdf');
    const pdf = file.body as Buffer;
    expect((await pdfInfo(pdf)).language).toBe('en-GB');
    const text = flat((await pdfPages(pdf)).join(' '));
    expect(text).toContain('Status as of 1 July 2026');
    expect(leftovers(text, words)).toEqual([]);
  });
});
