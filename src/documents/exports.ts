/**
 * Every file piano produces from a plan, by format (the CLI's --format) and by file name (the
 * API's /exports/:file), with its content type and a descriptive download name. The renderers
 * are loaded on first use, so a server that never exports does not pay for them.
 */
import type { RevisionChanges } from './plan-outline.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import type { DocumentLang } from './labels.js';
import { slug, type DocumentOutline } from './outline.js';
import type { LookupTitle } from './plan-facts.js';

export const EXPORT_FORMATS = [
  'json',
  'docx',
  'pdf',
  'html',
  'csv',
  'jsonld',
  'opendata',
  'report-pdf',
  'report-docx',
  'report-html',
  'piao-docx',
  'objectives-docx',
  'objectives-csv',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  lookupTitle?: LookupTitle | undefined;
  /** ISO date of the monitoring report; today when absent. */
  date?: string | undefined;
  /** ISO date the plan last changed (DCAT dct:modified); the report date or today when absent. */
  modified?: string | undefined;
  /** Absolute URL under which the files are published, for the DCAT metadata. */
  baseUrl?: string | undefined;
  /**
   * Language of the plan document and the monitoring report (their headings, labels and
   * formats; the plan's content stays as written): 'it' when absent. Open data is the same in
   * every language: CSV column names are identifiers, the DCAT metadata is Italian.
   */
  lang?: DocumentLang | undefined;
  /** What changed from the previous revision, for the plan document's section on it. */
  changes?: RevisionChanges | undefined;
  /** Year of the performance objectives (objectives-*); the year of `date` or today's when absent. */
  year?: number | undefined;
}

/** Formats whose output depends on `lang`. */
export const LANGUAGE_FORMATS: readonly ExportFormat[] = [
  'pdf',
  'docx',
  'html',
  'report-pdf',
  'report-docx',
  'report-html',
];

export interface ExportFile {
  /** The name under which the API serves it and a folder export writes it: plan.pdf, actions.csv. */
  name: string;
  /** A descriptive name for downloads: comune-di-valdimonte-piano-2025-2027.pdf. */
  downloadName: string;
  contentType: string;
  body: Buffer | string;
}

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
} as const;

/** Formats that produce several files, written into a folder. */
export const FOLDER_FORMATS: readonly ExportFormat[] = ['csv', 'opendata'];
/** Formats that are text and may go to standard output. */
export const TEXT_FORMATS: readonly ExportFormat[] = [
  'json',
  'jsonld',
  'html',
  'report-html',
  'objectives-csv',
];
/** Formats that depend on a year (the performance objectives'). */
export const YEAR_FORMATS: readonly ExportFormat[] = ['objectives-docx', 'objectives-csv'];

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function baseName(doc: PlanDocument): string {
  return `${slug(doc.organization.name)}-piano-${doc.plan.startYear}-${doc.plan.endYear}`;
}

/** The files of one format. */
export async function exportFiles(
  doc: PlanDocument,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportFile[]> {
  const base = baseName(doc);
  const date = options.date ?? today();
  const titles = { lookupTitle: options.lookupTitle };
  switch (format) {
    case 'json':
      return [
        {
          name: 'plan.json',
          downloadName: `${base}.json`,
          contentType: CONTENT_TYPES.json,
          body: `${JSON.stringify(doc, null, 2)}\n`,
        },
      ];
    case 'pdf':
    case 'docx':
    case 'html': {
      const { buildPlanOutline } = await import('./plan-outline.js');
      const outline = buildPlanOutline(doc, {
        ...titles,
        lang: options.lang,
        changes: options.changes,
      });
      return [await rendered(outline, format, 'plan', `${base}${langSuffix(options.lang)}`)];
    }
    case 'report-pdf':
    case 'report-docx':
    case 'report-html': {
      const { buildReportOutline } = await import('./monitoring-report.js');
      const outline = buildReportOutline(doc, { ...titles, date, lang: options.lang });
      const kind = format.slice('report-'.length) as 'pdf' | 'docx' | 'html';
      return [
        await rendered(
          outline,
          kind,
          'report',
          `${slug(doc.organization.name)}-stato-attuazione-${date}${langSuffix(options.lang)}`,
        ),
      ];
    }
    case 'piao-docx': {
      const { buildPiaoOutline } = await import('./piao.js');
      const outline = buildPiaoOutline(doc, { ...titles, changes: options.changes });
      return [await rendered(outline, 'docx', 'piao-allegato', `${base}-piao-allegato`)];
    }
    case 'objectives-docx':
    case 'objectives-csv': {
      const year = options.year ?? Number(date.slice(0, 4));
      const objectivesBase = `${slug(doc.organization.name)}-obiettivi-performance-${year}`;
      if (format === 'objectives-docx') {
        const { buildObjectivesOutline } = await import('./piao.js');
        return [
          await rendered(buildObjectivesOutline(doc, year), 'docx', 'objectives', objectivesBase),
        ];
      }
      const { performanceObjectivesCsv } = await import('./performance-objectives.js');
      return [
        {
          name: 'objectives.csv',
          downloadName: `${objectivesBase}.csv`,
          contentType: CONTENT_TYPES.csv,
          body: performanceObjectivesCsv(doc, year),
        },
      ];
    }
    case 'csv': {
      const { csvTables, toCsv } = await import('./open-data.js');
      return csvTables(doc, titles).map((t) => ({
        name: `${t.name}.csv`,
        downloadName: `${base}-${t.name}.csv`,
        contentType: CONTENT_TYPES.csv,
        body: toCsv(t),
      }));
    }
    case 'jsonld': {
      const { dcatMetadata } = await import('./open-data.js');
      const metadata = dcatMetadata(doc, {
        baseUrl: options.baseUrl,
        modified: options.modified ?? options.date ?? today(),
      });
      return [
        {
          name: 'dataset.jsonld',
          downloadName: `${base}-dcat-ap-it.jsonld`,
          contentType: CONTENT_TYPES.jsonld,
          body: `${JSON.stringify(metadata, null, 2)}\n`,
        },
      ];
    }
    case 'opendata':
      return [
        ...(await exportFiles(doc, 'json', options)),
        ...(await exportFiles(doc, 'csv', options)),
        ...(await exportFiles(doc, 'jsonld', options)),
      ];
  }
}

/** Download names of documents in a language other than Italian end in it: "...-2027-en.pdf". */
const langSuffix = (lang: DocumentLang | undefined) => (lang && lang !== 'it' ? `-${lang}` : '');

async function rendered(
  outline: DocumentOutline,
  kind: 'pdf' | 'docx' | 'html',
  name: string,
  downloadBase: string,
): Promise<ExportFile> {
  let body: Buffer | string;
  if (kind === 'pdf') body = await (await import('./render-pdf.js')).renderPdf(outline);
  else if (kind === 'docx') body = await (await import('./render-docx.js')).renderDocx(outline);
  else body = (await import('./render-html.js')).renderHtml(outline);
  return {
    name: `${name}.${kind}`,
    downloadName: `${downloadBase}.${kind}`,
    contentType: CONTENT_TYPES[kind],
    body,
  };
}

/** The file names the API serves, mapped to the format that produces each. */
export function formatOfFile(file: string): ExportFormat | undefined {
  const fixed: Record<string, ExportFormat> = {
    'plan.json': 'json',
    'plan.pdf': 'pdf',
    'plan.docx': 'docx',
    'plan.html': 'html',
    'report.pdf': 'report-pdf',
    'report.docx': 'report-docx',
    'report.html': 'report-html',
    'dataset.jsonld': 'jsonld',
    'piao-allegato.docx': 'piao-docx',
    'objectives.docx': 'objectives-docx',
    'objectives.csv': 'objectives-csv',
  };
  if (fixed[file]) return fixed[file];
  return /^[a-z-]+\.csv$/.test(file) ? 'csv' : undefined;
}

/** One file by its API name (plan.pdf, actions.csv...), or undefined when piano makes no such file. */
export async function exportFile(
  doc: PlanDocument,
  file: string,
  options: ExportOptions = {},
): Promise<ExportFile | undefined> {
  const format = formatOfFile(file);
  if (!format) return undefined;
  if (format === 'csv') {
    const { csvTables, toCsv } = await import('./open-data.js');
    const table = csvTables(doc, { lookupTitle: options.lookupTitle }).find(
      (t) => `${t.name}.csv` === file,
    );
    if (!table) return undefined;
    return {
      name: file,
      downloadName: `${baseName(doc)}-${file}`,
      contentType: CONTENT_TYPES.csv,
      body: toCsv(table),
    };
  }
  return (await exportFiles(doc, format, options))[0];
}
