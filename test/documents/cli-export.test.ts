import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CLI_TEST_OPTIONS, cliSandbox, type CliSandbox } from '../cli/helpers.js';
import { CSV_TABLE_NAMES } from '../../src/documents/open-data.js';
import {
  catalogSample,
  demoInputLinking,
  docxParagraphs,
  docxParts,
  flat,
  pdfInfo,
  pdfPages,
} from './support.js';

let sandbox: CliSandbox;
let planId: string;
/** The demo plan is loaded with a code of another catalog edition linked to its first action. */
const sample = catalogSample();

beforeAll(async () => {
  sandbox = await cliSandbox();
  const demo = await sandbox.writeFile('demo.json', demoInputLinking(sample.foreign));
  const loaded = await sandbox.run(['load', demo]);
  expect(loaded.code).toBe(0);
  planId = /Piano caricato: ([0-9a-f-]{36})/.exec(loaded.stdout)![1]!;
}, 600_000);

afterAll(async () => {
  await sandbox?.cleanup();
});

describe('piano export to documents and open data', CLI_TEST_OPTIONS, () => {
  it('writes the plan as PDF, and the report as DOCX at a date', async () => {
    const pdfPath = join(sandbox.dir, 'piano.pdf');
    const pdf = await sandbox.run(['export', planId, '--format', 'pdf', '--out', pdfPath]);
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    const pdfBody = await readFile(pdfPath);
    expect(pdfBody.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = flat((await pdfPages(pdfBody)).join(' '));
    expect(text).toContain(flat(sample.text));
    expect(text).toContain(sample.foreign);
    expect(text).not.toContain(`${sample.foreign} –`);

    const docxPath = join(sandbox.dir, 'report.docx');
    const docx = await sandbox.run([
      'export',
      planId,
      '--format',
      'report-docx',
      '--date',
      '2026-07-01',
      '--out',
      docxPath,
    ]);
    expect(docx.code).toBe(0);
    expect((await readFile(docxPath)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('prints linked codes with their catalog titles in the DOCX plan', async () => {
    const path = join(sandbox.dir, 'piano.docx');
    const result = await sandbox.run(['export', planId, '--format', 'docx', '--out', path]);
    expect(result.code).toBe(0);
    const parts = await docxParts(await readFile(path));
    const texts = docxParagraphs(parts['word/document.xml']!).map((p) => p.text);
    expect(texts).toContain(sample.text);
    expect(texts).toContain(sample.foreign);
  });

  it('writes the plan as the PIAO annex, and the year’s objectives as CSV on standard output', async () => {
    const path = join(sandbox.dir, 'piao-allegato.docx');
    const piao = await sandbox.run(['export', planId, '--format', 'piao-docx', '--out', path]);
    expect(piao.stderr).toBe('');
    expect(piao.code).toBe(0);
    const paragraphs = docxParagraphs(
      (await docxParts(await readFile(path)))['word/document.xml']!,
    );
    const headings = paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text);
    expect(headings.slice(0, 3)).toEqual([
      'Sezione 2 – Valore pubblico, performance e anticorruzione',
      'Sottosezione 2.1 – Valore pubblico',
      '1. Introduzione e quadro normativo',
    ]);
    expect(paragraphs.map((p) => p.text)).toContain('Sottosezione 2.1 – Valore pubblico');

    const csv = await sandbox.run([
      'export',
      planId,
      '--format',
      'objectives-csv',
      '--year',
      '2025',
    ]);
    expect(csv.code).toBe(0);
    const records = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(new Set(records.filter((r) => r.actionId === 'a1.1').map((r) => r.unitId))).toEqual(
      new Set(['sist-inf', 'tecnico']),
    );
    expect(records.find((r) => r.actionId === 'a1.1')?.due).toBe('2025-12-31');
  });

  it('writes the CSV tables into a folder', async () => {
    const dir = join(sandbox.dir, 'csv');
    const result = await sandbox.run(['export', planId, '--format', 'csv', '--out', dir]);
    expect(result.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(CSV_TABLE_NAMES.map((n) => `${n}.csv`).sort());
    const actions = await readFile(join(dir, 'actions.csv'), 'utf8');
    expect(actions.split('\r\n').filter(Boolean)).toHaveLength(1 + 49);
    const [first] = parse(actions, { columns: true }) as Record<string, string>[];
    expect(first!.catalogRefs!.split('; ')).toEqual(
      demoInputLinking(sample.foreign).actions[0]!.catalogRefs,
    );
    const titles = first!.catalogTitles!.split('; ');
    expect(titles[0]).toBe(sample.title);
    expect(titles.at(-1)).toBe('');
  });

  it('exports every plan with --all, counting progress on standard error', async () => {
    const dir = join(sandbox.dir, 'all');
    const result = await sandbox.run(['export', '--all', '--format', 'html', '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\[1\/1\] Comune di Valdimonte\n/);
    expect(result.stderr).toMatch(/Esportati 1 piani in \d+(\.\d)? s\n$/);
    expect(result.stdout).toBe(`1 piani esportati in ${dir}\n`);
    const [file] = await readdir(dir);
    expect(file).toMatch(/^comune-di-valdimonte-2025-2027-[0-9a-f]{8}\.html$/);
    const html = await readFile(join(dir, file!), 'utf8');
    expect(html).toContain(`<li>${sample.text}</li>`);
    expect(html).toContain(`<li>${sample.foreign}</li>`);
  });

  it('asks for --out for binary formats and refuses a date that does not exist', async () => {
    const noOut = await sandbox.run(['export', planId, '--format', 'docx']);
    expect(noOut.code).toBe(1);
    expect(noOut.stdout).toBe('');
    expect(noOut.stderr).toContain('Il formato docx richiede --out');
    const badDate = await sandbox.run([
      'export',
      planId,
      '--format',
      'report-html',
      '--date',
      '2026-02-30',
    ]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('--date deve essere una data AAAA-MM-GG');
  });
});

describe('piano export --lang', CLI_TEST_OPTIONS, () => {
  it('writes the plan as an English PDF and the report as English HTML', async () => {
    const pdfPath = join(sandbox.dir, 'plan-en.pdf');
    const pdf = await sandbox.run([
      'export',
      planId,
      '--format',
      'pdf',
      '--lang',
      'en',
      '--out',
      pdfPath,
    ]);
    expect(pdf.stderr).toBe('');
    expect(pdf.code).toBe(0);
    const body = await readFile(pdfPath);
    expect((await pdfInfo(body)).language).toBe('en-GB');
    const text = flat((await pdfPages(body)).join(' '));
    expect(text).toContain('1. Introduction and legal framework');
    expect(text).toContain('Page 2 of');
    expect(text).not.toContain('Pagina');
    // Catalog titles are the catalog's own words, printed as they are.
    expect(text).toContain(flat(sample.text));

    const html = await sandbox.run([
      'export',
      planId,
      '--format',
      'report-html',
      '--date',
      '2026-07-01',
      '--lang',
      'en',
    ]);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html.stdout).toContain('Status as of 1 July 2026');
    expect(html.stdout).not.toContain('Situazione al');
  });

  it('refuses a language it does not know, in Italian', async () => {
    const result = await sandbox.run(['export', planId, '--format', 'html', '--lang', 'fr']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--lang deve essere it (italiano) o en (inglese): fr');
  });
});
