import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPlanFile, type ImportResult } from '../../src/importer/import-plan.js';
import { parsePlanDocument } from '../../src/operations/load-plan-document.js';
import { makeDocx, makePdf, SAMPLE } from './support/files.js';

/** The converters on real files: a DOCX and a PDF made from the same synthetic plan. */
const titles = SAMPLE.priorities.flatMap((p) => p.actions.map((a) => a.title));

function expectSamplePlan(result: ImportResult) {
  const doc = parsePlanDocument(result.document);
  expect(doc.organization.name).toBe(SAMPLE.organization);
  expect([doc.plan.startYear, doc.plan.endYear]).toEqual([2025, 2027]);
  expect(doc.priorities.map((p) => p.title)).toEqual(['Servizi online', 'Infrastrutture']);
  expect(doc.actions.map((a) => a.title)).toEqual(titles);
  expect(doc.actions.map((a) => a.timing?.due)).toEqual(['2025-06-30', '2026-12-31', '2026-12-31']);
  expect(doc.actions[0]?.responsibles).toEqual(['Responsabile dei Servizi demografici', 'RTD']);
  expect(doc.actions.map((a) => a.priorityId)).toEqual(['p1', 'p1', 'p2']);
  expect(doc.spending.map((s) => [s.amount, s.pnrrMeasure, s.fundingSource])).toEqual([
    [79922, '1.4.1', 'PNRR'],
    [47427, '1.2', 'PNRR'],
  ]);
  return doc;
}

describe('DOCX converter', () => {
  it('reads headings, emphasized titles, labels and tables of a Word file', async () => {
    const result = await importPlanFile(new Uint8Array(await makeDocx()), {
      fileName: 'piano.docx',
    });
    expect(result.source.format).toBe('docx');
    expectSamplePlan(result);
    const pointer = result.provenance.find((p) => p.pointer === '/actions/0')?.source;
    expect(pointer).toEqual({ page: null, line: expect.any(Number) });
  });
});

describe('PDF converter', () => {
  it('reads a PDF, drops its running header and page numbers, joins hyphenated words', async () => {
    const result = await importPlanFile(new Uint8Array(await makePdf()), { fileName: 'piano.pdf' });
    expect(result.source).toMatchObject({ format: 'pdf', pages: 4 });
    const doc = expectSamplePlan(result);
    expect(JSON.stringify(doc)).not.toContain('Piano triennale per l’informatica"');
    const second = result.provenance.find((p) => p.pointer === '/actions/1')?.source;
    expect(second?.page).toBe(2);
    const third = result.provenance.find((p) => p.pointer === '/actions/2')?.source;
    expect(third?.page).toBe(3);
  });
});

describe('HTML and Markdown converters', () => {
  it('reads an HTML plan with a table of actions', async () => {
    const file = new URL('./fixtures/piano-tabella.html', import.meta.url);
    const result = await importPlanFile(new Uint8Array(readFileSync(file)), {
      fileName: 'piano.html',
    });
    const doc = parsePlanDocument(result.document);
    expect(result.source.format).toBe('html');
    expect(doc.organization).toMatchObject({
      name: 'Unione dei Comuni della Valle del Fiume',
      type: 'unione_di_comuni',
    });
    expect(doc.actions.map((a) => [a.title, a.responsibles, a.timing?.due])).toEqual([
      ['Nuovo portale dei servizi sul modello nazionale', ['Ufficio comunicazione'], '2024-09-30'],
      [
        'Prenotazione online degli appuntamenti per la CIE',
        ['Servizi demografici', 'RTD'],
        '2024-06-30',
      ],
      ['Piano di continuità operativa', ['Amministratore di sistema'], '2025-12-31'],
    ]);
    const line = result.provenance.find((p) => p.pointer === '/actions/0')?.source.line;
    expect(readFileSync(file, 'utf8').split('\n')[(line ?? 0) - 1]).toContain('Nuovo portale');
  });

  it('reads a Markdown plan with labels on consecutive lines', async () => {
    const file = new URL('./fixtures/piano-schede.md', import.meta.url);
    const result = await importPlanFile(new Uint8Array(readFileSync(file)), {
      fileName: 'piano.md',
    });
    expect(result.source.format).toBe('markdown');
    const doc = parsePlanDocument(result.document);
    expect(doc.actions.map((a) => a.title)).toEqual([
      'Adesione alla PDND',
      'Dati aperti del bilancio',
      'Notifiche digitali con SEND',
    ]);
  });
});
