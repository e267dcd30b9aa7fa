import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG_DIR, readCatalog } from '../../src/catalog/load-catalog.js';
import { editionForPlan, latestEdition } from '../../src/domain/catalog/catalog.js';
import { pickLinks, searchLines, titleOfCode } from '../../src/domain/catalog/search.js';

/** A copy of data/catalog to change freely; removed after each test. */
let dir: string | null = null;
function catalogCopy(): string {
  dir = mkdtempSync(join(tmpdir(), 'piano-catalog-'));
  cpSync(CATALOG_DIR, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const editionFile = (root: string, name: string) => join(root, 'editions', name);
const readEdition = (root: string, name: string) =>
  JSON.parse(readFileSync(editionFile(root, name), 'utf8')) as Record<string, unknown> & {
    lines: Record<string, unknown>[];
    period: { startYear: number; endYear: number };
  };

describe('readCatalog', () => {
  it('takes a new edition from a data file alone', () => {
    const root = catalogCopy();
    const next = readEdition(root, 'agid-2024-2026.json');
    next.edition = '2027-2029';
    next.title = 'Edizione di prova 2027–2029';
    next.period = { startYear: 2027, endYear: 2029 };
    writeFileSync(editionFile(root, 'agid-2027-2029.json'), JSON.stringify(next));

    const catalog = readCatalog(root);
    expect(catalog.editions.map((e) => e.edition)).toEqual(['2020-2022', '2024-2026', '2027-2029']);
    expect(latestEdition(catalog).edition).toBe('2027-2029');
    expect(editionForPlan(catalog, { startYear: 2028, endYear: 2030 }).edition).toBe('2027-2029');
    expect(searchLines(catalog, { edition: '2027-2029', code: 'CAP4.PA.18' })).toHaveLength(1);
  });

  it('refuses a file that breaks the schema, naming the file and the field', () => {
    const root = catalogCopy();
    const edition = readEdition(root, 'agid-2024-2026.json');
    (edition.lines[0] as Record<string, unknown>).deadlineKind = 'soon';
    writeFileSync(editionFile(root, 'agid-2024-2026.json'), JSON.stringify(edition));
    expect(() => readCatalog(root)).toThrow(/agid-2024-2026\.json[\s\S]*\/lines\/0\/deadlineKind/);
  });

  it('refuses references that do not resolve', () => {
    const root = catalogCopy();
    const edition = readEdition(root, 'agid-2024-2026.json');
    (edition.lines[0] as Record<string, unknown>).platforms = ['Piattaforma inesistente'];
    writeFileSync(editionFile(root, 'agid-2024-2026.json'), JSON.stringify(edition));
    expect(() => readCatalog(root)).toThrow(/CAP1\.PA\.01: piattaforma Piattaforma inesistente/);
  });
});

describe('searchLines', () => {
  const catalog = readCatalog();

  it('finds lines by code prefix, words without accents, chapter and platform', () => {
    const codes = (q: Parameters<typeof searchLines>[1]) =>
      searchLines(catalog, q).map((h) => h.line.code);
    expect(codes({ code: 'cap4.pa.0' })).toContain('CAP4.PA.09');
    expect(codes({ q: 'obiettivi accessibilita', edition: '2024-2026' })).toEqual([
      'CAP3.PA.09',
      'CAP3.PA.13',
      'CAP3.PA.15',
    ]);
    expect(codes({ chapter: 7, edition: '2024-2026' })).toHaveLength(22);
    expect(codes({ platform: 'pagopa', edition: '2024-2026' })).toEqual(['CAP4.PA.01']);
  });

  it('lists the newest edition first', () => {
    const hits = searchLines(catalog, { q: 'ANPR' });
    expect(hits[0]?.edition).toBe('2024-2026');
    expect(hits.at(-1)?.edition).toBe('2020-2022');
  });
});

describe('pickLinks, the back office picker’s search', () => {
  const catalog = readCatalog();
  const edition = editionForPlan(catalog, { startYear: 2025, endYear: 2027 });
  const pick = (text: string, limit?: number) => {
    const hits = pickLinks(catalog, edition, text, limit);
    return {
      lines: hits.lines.map((l) => l.code),
      lineCount: hits.lineCount,
      measures: hits.measures.map((m) => m.code),
    };
  };

  it('matches the beginning of a code in any case, and words of a title as words or their beginnings', () => {
    expect(pick('cap4.pa.1').lines.every((c) => c.startsWith('CAP4.PA.1'))).toBe(true);
    expect(pick('Stato Civile ANPR').lines).toEqual(['CAP4.PA.18']);
    expect(pick('OBIETTIVI accessibilita 2026').lines).toEqual(['CAP3.PA.15']);
    // A word must begin a word of the title: "vile" is not "civile".
    expect(pick('vile anpr').lines).toEqual([]);
  });

  it('finds PNRR measures by code, with or without the M1C1 prefix, and by title words', () => {
    expect(pick('1.4').measures).toEqual(['1.4.1', '1.4.2', '1.4.3', '1.4.4', '1.4.5']);
    expect(pick('M1C1 1.4.3').measures).toEqual(['1.4.3']);
    expect(pick('cloud').measures).toEqual(['1.2']);
  });

  it('returns at most the limit but counts every match', () => {
    const all = pick('cap');
    expect(all.lineCount).toBe(edition.lines.length);
    expect(all.lines).toHaveLength(20);
    expect(pick('cap', 5).lines).toHaveLength(5);
  });

  it('names any code an action may hold, from the plan’s edition first', () => {
    expect(titleOfCode(catalog, edition, 'CAP4.PA.18')).toBe(
      'Aderire ai servizi di stato civile di ANPR',
    );
    expect(titleOfCode(catalog, edition, 'CAP9.PA.99')).toBeNull();
  });
});
