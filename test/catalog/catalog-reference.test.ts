import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { findEdition, type Catalog } from '../../src/domain/catalog/catalog.js';
import type { CatalogEdition } from '../../src/domain/catalog/model.js';
import { PLATFORMS } from '../../src/domain/model/platform.js';

/**
 * The catalog states the national plan in piano's own words; codes, deadlines and targets are
 * facts, compared here with the reference extraction in ../shared/reference (read, not copied).
 */
const REFERENCE = new URL('../../../shared/reference/', import.meta.url);
const SEEDS = new URL('../../../shared/seeds/', import.meta.url);

interface RefLine {
  code: string;
  result: string | null;
  objective: string;
  deadline: string | null;
  deadlineText: string;
  text: string;
}
interface Reference {
  objectives: { code: string; title: string }[];
  results: { code: string; title: string; targets: { year: number; text: string }[] }[];
  paLines: RefLine[];
  institutionalLines: RefLine[];
}
const reference = (file: string) =>
  JSON.parse(readFileSync(new URL(file, REFERENCE), 'utf8')) as Reference;

let catalog: Catalog;
let current: CatalogEdition;
let previous: CatalogEdition;
let ref2024: Reference;
let ref2020: Reference;
beforeAll(() => {
  catalog = loadCatalog();
  current = findEdition(catalog, '2024-2026') as CatalogEdition;
  previous = findEdition(catalog, '2020-2022') as CatalogEdition;
  ref2024 = reference('agid-pt-2024-2026.json');
  ref2020 = reference('agid-pt-2020-2022.json');
});

const lineOf = (edition: CatalogEdition, code: string) =>
  edition.lines.find((l) => l.code === code);

/** The reference marks start dates "Da <mese>", standing lines "vigente", due dates otherwise. */
const expectedKind = (text: string) =>
  text === 'vigente' ? 'standing' : /^da /i.test(text) ? 'from' : 'by';

describe('edition 2024–2026 against the reference', () => {
  it('holds every CAPn.PA.nn line of the reference with the same deadline and result', () => {
    expect(ref2024.paLines.length).toBe(122);
    for (const ref of ref2024.paLines) {
      const line = lineOf(current, ref.code);
      expect(line, ref.code).toBeDefined();
      expect([ref.code, line?.deadline, line?.result]).toEqual([
        ref.code,
        ref.deadline,
        ref.result,
      ]);
    }
    expect(current.lines.filter((l) => /^CAP\d+\.PA\.\d+$/.test(l.code))).toHaveLength(122);
  });

  it('gives each line the deadline kind its printed date implies', () => {
    for (const ref of [...ref2024.paLines, ...ref2020.paLines]) {
      const line = lineOf(current, ref.code) ?? lineOf(previous, ref.code);
      expect([ref.code, line?.deadlineKind]).toEqual([ref.code, expectedKind(ref.deadlineText)]);
    }
  });

  it('holds every objective and expected result, with targets for the same years', () => {
    expect(current.objectives.map((o) => o.code)).toEqual(ref2024.objectives.map((o) => o.code));
    expect(current.results.map((r) => r.code)).toEqual(ref2024.results.map((r) => r.code));
    for (const ref of ref2024.results) {
      const result = current.results.find((r) => r.code === ref.code);
      expect([ref.code, result?.targets.map((t) => t.year)]).toEqual([
        ref.code,
        ref.targets.map((t) => t.year),
      ]);
    }
  });

  it('says who each line concerns, comuni included or not', () => {
    for (const line of current.lines) expect(line.appliesTo.length, line.code).toBeGreaterThan(0);
    expect(lineOf(current, 'CAP4.PA.18')?.appliesTo).toEqual(['comune']);
    expect(lineOf(current, 'CAP3.PA.05')?.appliesTo).not.toContain('comune');
    expect(lineOf(current, 'CAP4.PA.09')?.appliesTo).toEqual(['regione']);
    expect(lineOf(current, 'CAP3.PA.13')?.appliesTo).toContain('comune');
    expect(lineOf(current, 'CAP5.PA.10')?.comunePopulation).toEqual({ min: 5000, max: 10000 });
  });
});

describe('edition 2020–2022 against the reference', () => {
  it('holds every CAPn.PA.LAnn line with the same deadline and objective', () => {
    for (const ref of ref2020.paLines) {
      const line = lineOf(previous, ref.code);
      expect([ref.code, line?.deadline, line?.objective]).toEqual([
        ref.code,
        ref.deadline,
        `OB.${ref.objective}`,
      ]);
    }
  });

  it('holds every line and objective the seed plans cite', () => {
    const seeds = readdirSync(SEEDS).map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
    const cited = new Set(
      seeds.flatMap((text) => text.match(/\b(CAP\d+\.(?:PA\.)?LA\d+|OB\.\d+\.\d+)\b/g) ?? []),
    );
    expect(cited.size).toBeGreaterThanOrEqual(10);
    const institutional = new Map(ref2020.institutionalLines.map((l) => [l.code, l]));
    for (const code of cited) {
      expect(catalog.codes.get(code)?.[0]?.edition, code).toBe('2020-2022');
      const line = lineOf(previous, code);
      const ref = institutional.get(code);
      if (ref) expect([code, line?.deadline]).toEqual([code, ref.deadline]);
    }
  });
});

describe('the rest of the framework', () => {
  it('lists the PNRR M1C1 measures that fund comuni', () => {
    expect(catalog.pnrrMeasures.map((m) => m.code)).toEqual([
      '1.2',
      '1.3.1',
      '1.4.1',
      '1.4.2',
      '1.4.3',
      '1.4.4',
      '1.4.5',
      '1.7.2',
    ]);
  });

  it('describes exactly the platforms a plan records adoption of', () => {
    expect(catalog.platforms.map((p) => p.name).sort()).toEqual([...PLATFORMS].sort());
  });

  it('gives each recurring obligation a calendar rule and a legal reference', () => {
    const rules = Object.fromEntries(catalog.obligations.map((o) => [o.id, o.rule]));
    expect(rules['obiettivi-accessibilita']).toMatchObject({ month: 3, day: 31 });
    expect(rules['dichiarazione-accessibilita']).toMatchObject({ month: 9, day: 23 });
    expect(rules.piao).toMatchObject({ month: 1, day: 31 });
    for (const o of catalog.obligations) expect(o.legalReference.length).toBeGreaterThan(5);
  });
});

describe('piano’s own words', () => {
  const words = (text: string) => text.toLowerCase().match(/[a-zàèéìòù0-9]+/g) ?? [];
  const runs = (text: string, n = 8) => {
    const w = words(text);
    return new Set(
      w.slice(0, Math.max(w.length - n + 1, 0)).map((_, i) => w.slice(i, i + n).join(' ')),
    );
  };

  it('shares no run of eight words between a title and the reference text', () => {
    const source = new Set<string>();
    for (const ref of [ref2024, ref2020]) {
      const texts = [
        ...ref.paLines.map((l) => l.text),
        ...ref.institutionalLines.map((l) => l.text),
        ...ref.results.flatMap((r) => [r.title, ...r.targets.map((t) => t.text)]),
        ...ref.objectives.map((o) => o.title),
      ];
      for (const text of texts) for (const run of runs(text)) source.add(run);
    }
    const ours = catalog.editions.flatMap((e) => [
      ...e.lines.map((l) => l.title),
      ...e.results.flatMap((r) => [r.title, ...r.targets.map((t) => t.text ?? '')]),
      ...e.objectives.map((o) => o.title),
    ]);
    const copied = ours.filter((title) => [...runs(title)].some((run) => source.has(run)));
    expect(copied).toEqual([]);
  });
});
