import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_OPTIONS, DEMO_FILE, cliSandbox, type CliSandbox } from '../cli/helpers.js';
import { CSV_TABLE_NAMES } from '../../src/documents/open-data.js';

let sandbox: CliSandbox;
let planId: string;

beforeAll(async () => {
  sandbox = await cliSandbox();
  const loaded = await sandbox.run(['load', DEMO_FILE]);
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
    expect((await readFile(pdfPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

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

  it('writes the CSV tables into a folder', async () => {
    const dir = join(sandbox.dir, 'csv');
    const result = await sandbox.run(['export', planId, '--format', 'csv', '--out', dir]);
    expect(result.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(CSV_TABLE_NAMES.map((n) => `${n}.csv`).sort());
    const actions = await readFile(join(dir, 'actions.csv'), 'utf8');
    expect(actions.split('\r\n').filter(Boolean)).toHaveLength(1 + 49);
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
