import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { editionForPlan, findLine, lineTitleLookup } from '../../src/domain/catalog/catalog.js';

const catalog = loadCatalog();
const edition = (id: string) => catalog.editions.find((e) => e.edition === id)!;

describe('titles of linked codes for documents', () => {
  it('finds every line of every edition by its code, and nothing else', () => {
    for (const e of catalog.editions) {
      for (const line of e.lines) expect(findLine(e, line.code)).toBe(line);
      expect(findLine(e, e.results[0]!.code)).toBeNull();
      expect(findLine(e, 'CAP9.PA.99')).toBeNull();
    }
  });

  it('titles the lines of the edition the plan names, and leaves other codes without one', () => {
    const plan = {
      startYear: 2025,
      endYear: 2027,
      nationalEdition: '2024-2026 (aggiornamento 2025)',
    };
    const current = edition('2024-2026');
    const older = edition('2020-2022');
    const title = lineTitleLookup(catalog, { plan });
    const line = current.lines[0]!;
    expect(title(line.code)).toBe(line.title);
    expect(title(older.lines[0]!.code)).toBeUndefined();
    expect(title(current.results[0]!.code)).toBeUndefined();
    expect(title('CAP9.PA.99')).toBeUndefined();
  });

  it('follows the edition published by the end of an older plan that names none', () => {
    const plan = { startYear: 2021, endYear: 2023, nationalEdition: null };
    const older = edition('2020-2022');
    expect(editionForPlan(catalog, plan)).toBe(older);
    const title = lineTitleLookup(catalog, { plan });
    expect(title(older.lines[0]!.code)).toBe(older.lines[0]!.title);
    expect(title(edition('2024-2026').lines[0]!.code)).toBeUndefined();
  });
});
