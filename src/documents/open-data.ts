/**
 * The plan as open data: one CSV per table and DCAT-AP_IT metadata (JSON-LD) describing the
 * dataset and its distributions.
 *
 * CSV choices: RFC 4180 (comma separator, CRLF line ends, double-quote quoting), UTF-8 without
 * a byte-order mark, a header row, decimal point, ISO 8601 dates, empty fields for missing
 * values, lists joined with "; ". These are the conventions of open-data portals and of every
 * CSV library; a BOM would break header names in many parsers and would not make Italian Excel
 * split on commas anyway (its list separator is the semicolon), and people who want a
 * spreadsheet-free read have the DOCX, PDF and HTML documents. Column names are the
 * interchange format's field names (nested fields joined with "."), so the published JSON
 * Schema documents them.
 */
import { stringify } from 'csv-stringify/sync';
import { isWebUrl } from '../domain/model/common.js';
import type { PlanDocument } from '../domain/model/interchange.js';
import { formatPeriod } from './format.js';
import { slug } from './outline.js';
import { targetValue, unitNames, type LookupTitle } from './plan-facts.js';

type Value = string | number | boolean | null | undefined;

export interface CsvTable {
  /** File name without extension: actions → actions.csv. */
  name: string;
  title: string;
  description: string;
  columns: string[];
  rows: Value[][];
}

const list = (values: readonly (string | number)[]) => values.join('; ');
const money = (euros: number) => euros.toFixed(2);

export interface CsvOptions {
  /** Title of a national catalog code, for the actions' catalogTitles column. */
  lookupTitle?: LookupTitle | undefined;
}

/**
 * The plan's tables, as rows of plain values in column order. Beside ids and codes, a few
 * columns repeat what they name for readers (ownerUnits, catalogTitles); the ids stay the data.
 */
export function csvTables(doc: PlanDocument, options: CsvOptions = {}): CsvTable[] {
  const units = unitNames(doc);
  const priorityCode = new Map(doc.priorities.map((p) => [p.id, p.code]));
  return [
    {
      name: 'priorities',
      title: 'Priorità',
      description: 'Le priorità (ambiti) del piano, con lo stato dell’arte.',
      columns: [
        'id',
        'code',
        'title',
        'description',
        'stateOfTheArt',
        'expectedBenefits',
        'nationalChapters',
      ],
      rows: doc.priorities.map((p) => [
        p.id,
        p.code,
        p.title,
        p.description,
        p.stateOfTheArt,
        p.expectedBenefits,
        list(p.nationalChapters),
      ]),
    },
    {
      name: 'baseline',
      title: 'Baseline dello stato dell’arte',
      description:
        'Le voci quantitative e qualitative dello stato dell’arte, con data di riferimento e fonte.',
      columns: [
        'id',
        'priorityId',
        'label',
        'value',
        'valueText',
        'unit',
        'referenceDate',
        'source',
      ],
      rows: doc.baseline.map((b) => [
        b.id,
        b.priorityId,
        b.label,
        b.value,
        b.valueText,
        b.unit,
        b.referenceDate,
        b.source,
      ]),
    },
    {
      name: 'actions',
      title: 'Azioni',
      description:
        'Le azioni del piano con responsabilità, tempi (le parole del piano e le date che ne risultano), stato, avanzamento e collegamenti al Piano triennale nazionale (codici e titoli delle linee d’azione) e al PNRR.',
      columns: [
        'id',
        'priorityId',
        'priorityCode',
        'code',
        'title',
        'description',
        'responsibles',
        'ownerUnitIds',
        'ownerUnits',
        'status',
        'progress',
        'timing.text',
        'timing.kind',
        'timing.start',
        'timing.due',
        'timing.years',
        'timing.resolved',
        'expectedResults',
        'catalogRefs',
        'catalogTitles',
        'pnrrMeasures',
      ],
      rows: doc.actions.map((a) => [
        a.id,
        a.priorityId,
        priorityCode.get(a.priorityId),
        a.code,
        a.title,
        a.description,
        list(a.responsibles),
        list(a.ownerUnitIds),
        list(a.ownerUnitIds.map((id) => units.get(id) ?? id)),
        a.status,
        a.progress,
        a.timing?.text,
        a.timing?.kind,
        a.timing?.start,
        a.timing?.due,
        a.timing ? list(a.timing.years) : null,
        a.timing?.resolved,
        list(a.expectedResults),
        list(a.catalogRefs),
        catalogTitles(a.catalogRefs, options.lookupTitle),
        list(a.pnrrMeasures),
      ]),
    },
    {
      name: 'micro-actions',
      title: 'Micro azioni',
      description: 'Le micro azioni in cui si articolano le azioni.',
      columns: [
        'id',
        'actionId',
        'title',
        'responsibles',
        'ownerUnitIds',
        'status',
        'timing.text',
        'timing.kind',
        'timing.start',
        'timing.due',
      ],
      rows: doc.actions.flatMap((a) =>
        a.microActions.map((m) => [
          m.id,
          a.id,
          m.title,
          list(m.responsibles),
          list(m.ownerUnitIds),
          m.status,
          m.timing?.text,
          m.timing?.kind,
          m.timing?.start,
          m.timing?.due,
        ]),
      ),
    },
    {
      name: 'indicators',
      title: 'Indicatori',
      description: 'Gli indicatori di risultato con la baseline.',
      columns: [
        'id',
        'actionId',
        'priorityId',
        'code',
        'name',
        'unit',
        'direction',
        'baseline.value',
        'baseline.date',
        'baseline.text',
      ],
      rows: doc.indicators.map((i) => [
        i.id,
        i.actionId,
        i.priorityId,
        i.code,
        i.name,
        i.unit,
        i.direction,
        i.baseline?.value,
        i.baseline?.date,
        i.baseline?.text,
      ]),
    },
    {
      name: 'targets',
      title: 'Target degli indicatori',
      description:
        'I target annuali degli indicatori; per i target relativi alla baseline, targetValue è il valore che ne risulta.',
      columns: ['indicatorId', 'year', 'kind', 'value', 'text', 'targetValue'],
      rows: doc.indicators.flatMap((i) =>
        i.targets.map((t) => [i.id, t.year, t.kind, t.value, t.text, targetValue(i, t)]),
      ),
    },
    {
      name: 'measurements',
      title: 'Rilevazioni',
      description: 'Le rilevazioni dei valori degli indicatori.',
      columns: ['id', 'indicatorId', 'date', 'value', 'note'],
      rows: doc.indicators.flatMap((i) =>
        i.measurements.map((m) => [m.id, i.id, m.date, m.value, m.note]),
      ),
    },
    {
      name: 'spending',
      title: 'Spesa per la transizione al digitale',
      description:
        'Le voci di spesa con classificazione di bilancio, provenienza dei fondi, misura PNRR, CUP, importo in euro, anno e stato.',
      columns: [
        'id',
        'actionId',
        'classification',
        'description',
        'fundingSource',
        'pnrrMeasure',
        'cup',
        'amount',
        'year',
        'status',
      ],
      rows: doc.spending.map((s) => [
        s.id,
        s.actionId,
        s.classification,
        s.description,
        s.fundingSource,
        s.pnrrMeasure,
        s.cup,
        money(s.amount),
        s.year,
        s.status,
      ]),
    },
    {
      name: 'platforms',
      title: 'Adesione alle piattaforme nazionali',
      description:
        'Lo stato di adesione alle piattaforme nazionali, con date e settore responsabile.',
      columns: ['id', 'platform', 'status', 'since', 'due', 'unitId', 'unit', 'notes'],
      rows: doc.platforms.map((p) => [
        p.id,
        p.platform,
        p.status,
        p.since,
        p.due,
        p.unitId,
        p.unitText ?? (p.unitId ? (units.get(p.unitId) ?? p.unitId) : null),
        p.notes,
      ]),
    },
  ];
}

/**
 * The titles of linked codes, one entry per code in the same order, empty for a code the catalog
 * has no title for ("Titolo A; ; Titolo C"); an empty field when none has a title.
 */
function catalogTitles(codes: string[], lookupTitle: LookupTitle | undefined): string {
  const titles = codes.map((code) => lookupTitle?.(code) ?? '');
  return titles.some(Boolean) ? list(titles) : '';
}

export const CSV_TABLE_NAMES = [
  'priorities',
  'baseline',
  'actions',
  'micro-actions',
  'indicators',
  'targets',
  'measurements',
  'spending',
  'platforms',
] as const;

/** A table as RFC 4180 CSV text. */
export function toCsv(table: CsvTable): string {
  return stringify([table.columns, ...table.rows.map((r) => r.map(csvValue))], {
    record_delimiter: 'windows',
    quoted_match: /^\s|\s$/,
  });
}

function csvValue(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  return neutralizeFormula(v);
}

/**
 * A spreadsheet opening the CSV runs a cell that begins with `=`, `+`, `-` or `@` (or a tab or
 * carriage return before one) as a formula. Text cells that begin so get a leading apostrophe,
 * which spreadsheets show as text (OWASP's CSV injection rule); numbers are written as they are.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface License {
  uri: string;
  name: string;
  /** ADMS licence type. */
  type: string;
}

export const CC_BY_4_0: License = {
  uri: 'https://creativecommons.org/licenses/by/4.0/',
  name: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  type: 'http://purl.org/adms/licencetype/Attribution',
};

export interface Distribution {
  /** File name relative to the base URL (actions.csv). */
  file: string;
  title: string;
  description: string;
  /** EU file type authority code: CSV, JSON, PDF, HTML, DOCX. */
  format: 'CSV' | 'JSON' | 'PDF' | 'HTML' | 'DOCX';
  mediaType: string;
}

export interface DcatOptions {
  /** Absolute URL the files are published under, ending with "/"; relative IRIs when absent. */
  baseUrl?: string | undefined;
  /** ISO date of the last change of the plan. */
  modified: string;
  license?: License;
  /** The distributions to describe; every file piano publishes when absent. */
  distributions?: Distribution[];
}

const MEDIA = {
  CSV: 'text/csv',
  JSON: 'application/json',
  PDF: 'application/pdf',
  HTML: 'text/html',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Every file piano publishes for a plan, under the names the API serves them. */
export function defaultDistributions(doc: PlanDocument): Distribution[] {
  const period = formatPeriod(doc.plan.startYear, doc.plan.endYear);
  return [
    {
      file: 'plan.json',
      title: `Piano ${period} nel formato di interscambio (JSON)`,
      description: 'Il piano intero nel Plan Interchange Format v1 di piano.',
      format: 'JSON',
      mediaType: MEDIA.JSON,
    },
    ...csvTables(doc).map((t): Distribution => ({
      file: `${t.name}.csv`,
      title: `${t.title} (CSV)`,
      description: t.description,
      format: 'CSV',
      mediaType: MEDIA.CSV,
    })),
    {
      file: 'plan.pdf',
      title: `Piano ${period} (PDF)`,
      description: 'Il documento del piano, accessibile, per la pubblicazione.',
      format: 'PDF',
      mediaType: MEDIA.PDF,
    },
    {
      file: 'plan.html',
      title: `Piano ${period} (HTML)`,
      description: 'Il documento del piano come pagina web.',
      format: 'HTML',
      mediaType: MEDIA.HTML,
    },
    {
      file: 'plan.docx',
      title: `Piano ${period} (DOCX)`,
      description: 'Il documento del piano, modificabile.',
      format: 'DOCX',
      mediaType: MEDIA.DOCX,
    },
  ];
}

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const EU = 'http://publications.europa.eu/resource/authority';

/**
 * DCAT-AP_IT metadata of the plan as a dataset: dcatapit:Dataset with its identifier
 * (IPA code:local id), title, description, theme GOVE, annual update frequency, temporal
 * coverage, publisher and rights holder (dcatapit:Agent identified by the IPA code), contact
 * point, and one dcatapit:Distribution per file with format, media type, access and download
 * URL and licence (CC BY 4.0 unless told otherwise).
 */
export function dcatMetadata(doc: PlanDocument, options: DcatOptions): Record<string, unknown> {
  const { organization: org, plan } = doc;
  const base = options.baseUrl ? options.baseUrl.replace(/\/?$/, '/') : '';
  const license = options.license ?? CC_BY_4_0;
  const period = formatPeriod(plan.startYear, plan.endYear);
  const it = (text: string) => ({ '@value': text, '@language': 'it' });
  const date = (iso: string) => ({ '@value': iso, '@type': 'xsd:date' });
  const localId = `piano-triennale-informatica-${plan.startYear}-${plan.endYear}`;
  const agent = {
    '@type': ['dcatapit:Agent', 'foaf:Agent'],
    'dct:identifier': org.ipaCode ?? slug(org.name),
    'foaf:name': it(org.name),
  };
  const rtd = org.roles.find((r) => r.role === 'rtd' && r.email);
  const email = rtd?.email ?? org.pec;
  const contact: Record<string, unknown> = {
    '@type': ['dcatapit:Organization', 'vcard:Organization', 'vcard:Kind'],
    'vcard:fn': rtd ? `${org.name} – Responsabile per la transizione al digitale` : org.name,
    ...(email ? { 'vcard:hasEmail': { '@id': `mailto:${email}` } } : {}),
    ...(isWebUrl(org.website) ? { 'vcard:hasURL': { '@id': org.website } } : {}),
  };
  const licenseNode = {
    '@id': license.uri,
    '@type': ['dcatapit:LicenseDocument', 'dct:LicenseDocument'],
    'dct:type': { '@id': license.type },
    'foaf:name': it(license.name),
  };
  const distributions = (options.distributions ?? defaultDistributions(doc)).map((d) => ({
    '@id': `${base}${d.file}`,
    '@type': ['dcatapit:Distribution', 'dcat:Distribution'],
    'dct:title': it(d.title),
    'dct:description': it(d.description),
    'dct:format': { '@id': `${EU}/file-type/${d.format}` },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${d.mediaType}` },
    'dcat:accessURL': { '@id': `${base}${d.file}` },
    'dcat:downloadURL': { '@id': `${base}${d.file}` },
    'dct:license': licenseNode,
    'dct:modified': date(options.modified),
  }));
  return {
    '@context': CONTEXT,
    '@id': `${base}dataset.jsonld#dataset`,
    '@type': ['dcatapit:Dataset', 'dcat:Dataset'],
    'dct:identifier': `${org.ipaCode ?? slug(org.name)}:${localId}`,
    'dct:title': it(`${plan.title} – ${org.name}`),
    'dct:description': it(
      `Il Piano triennale per l’informatica ${period} di ${org.name} come dati aperti: priorità, azioni con responsabilità e tempi, indicatori con target e rilevazioni, spesa per la transizione al digitale e adesione alle piattaforme nazionali.`,
    ),
    ...(plan.approval?.date ? { 'dct:issued': date(plan.approval.date) } : {}),
    'dct:modified': date(options.modified),
    'dct:language': { '@id': `${EU}/language/ITA` },
    'dcat:theme': { '@id': `${EU}/data-theme/GOVE` },
    'dct:accrualPeriodicity': { '@id': `${EU}/frequency/ANNUAL` },
    'dcat:keyword': [
      it('piano triennale per l’informatica'),
      it('transizione al digitale'),
      it('PNRR'),
      it(org.name),
    ],
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': date(`${plan.startYear}-01-01`),
      'dcat:endDate': date(`${plan.endYear}-12-31`),
    },
    'dct:publisher': agent,
    'dct:rightsHolder': agent,
    'dcat:contactPoint': contact,
    ...(isWebUrl(org.website) ? { 'dcat:landingPage': { '@id': org.website } } : {}),
    'dct:conformsTo': {
      '@id': 'urn:piano:schema:piano-plan-v1',
      '@type': 'dct:Standard',
      'dct:identifier': 'piano-plan-v1',
      'dct:title': it('Plan Interchange Format v1'),
    },
    'dcat:distribution': distributions,
  };
}
