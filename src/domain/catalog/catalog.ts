import type {
  CatalogEdition,
  CatalogLine,
  Obligation,
  PlatformEntry,
  PnrrMeasureEntry,
} from './model.js';

/** The files of the catalog, as read and validated by the loader. */
export interface CatalogParts {
  editions: CatalogEdition[];
  pnrrMeasures: PnrrMeasureEntry[];
  platforms: PlatformEntry[];
  obligations: Obligation[];
}

/** What a code names in one edition. */
export interface CodeRef {
  kind: 'line' | 'result' | 'objective';
  edition: string;
}

/** The catalog with the indexes every use needs; build it once with buildCatalog. */
export interface Catalog extends CatalogParts {
  /** Every code of every edition (lines, results, objectives), to check links. */
  codes: Map<string, CodeRef[]>;
  measures: Map<string, PnrrMeasureEntry>;
}

/** Natural order of codes: CAP2.PA.10 after CAP2.PA.9, RA1.10.1 after RA1.2.1. */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * Checks what a schema cannot (every reference inside and across the files resolves, codes are
 * unique within an edition, deadlines agree with their kind) and returns the problems found.
 */
export function catalogProblems(parts: CatalogParts): string[] {
  const problems: string[] = [];
  const platforms = new Set(parts.platforms.map((p) => p.name));
  const measures = new Set(parts.pnrrMeasures.map((m) => m.code));
  const lineCodes = new Set<string>();
  for (const edition of parts.editions) {
    problems.push(...editionProblems(edition, platforms, measures));
    for (const line of edition.lines) lineCodes.add(line.code);
  }
  const refs = [
    ...parts.platforms.map((p) => ({
      of: `piattaforma ${p.name}`,
      lines: [...p.lines, ...(p.deadlineLine ? [p.deadlineLine] : [])],
      measures: p.pnrrMeasures,
    })),
    ...parts.pnrrMeasures.map((m) => ({ of: `misura ${m.code}`, lines: m.lines, measures: [] })),
    ...parts.obligations.map((o) => ({ of: `obbligo ${o.id}`, lines: o.lines, measures: [] })),
  ];
  for (const ref of refs) {
    for (const code of ref.lines)
      if (!lineCodes.has(code)) problems.push(`${ref.of}: linea ${code} sconosciuta`);
    for (const code of ref.measures)
      if (!measures.has(code)) problems.push(`${ref.of}: misura ${code} sconosciuta`);
  }
  for (const m of parts.pnrrMeasures) {
    for (const p of m.platforms)
      if (!platforms.has(p)) problems.push(`misura ${m.code}: piattaforma ${p} sconosciuta`);
  }
  return problems;
}

function editionProblems(edition: CatalogEdition, platforms: Set<string>, measures: Set<string>) {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`edizione ${edition.edition}: ${message}`);
  const unique = (codes: string[], what: string) => {
    const seen = new Set<string>();
    for (const code of codes) {
      if (seen.has(code)) say(`${what} ${code} ripetuto`);
      seen.add(code);
    }
    return seen;
  };
  const chapters = new Set(edition.chapters.map((c) => c.number));
  const objectives = new Map(edition.objectives.map((o) => [o.code, o]));
  unique(
    edition.objectives.map((o) => o.code),
    'obiettivo',
  );
  const results = unique(
    edition.results.map((r) => r.code),
    'risultato',
  );
  unique(
    edition.lines.map((l) => l.code),
    'linea',
  );
  const series = unique(
    edition.series.map((s) => s.id),
    'serie',
  );
  for (const o of edition.objectives)
    if (!chapters.has(o.chapter)) say(`obiettivo ${o.code} senza capitolo`);
  for (const r of edition.results)
    if (!objectives.has(r.objective)) say(`risultato ${r.code} senza obiettivo`);
  for (const line of edition.lines) {
    const problem = lineProblem(line, { objectives, results, series, platforms, measures });
    if (problem) say(`linea ${line.code}: ${problem}`);
  }
  return problems;
}

interface Known {
  objectives: Map<string, { chapter: number }>;
  results: Set<string>;
  series: Set<string>;
  platforms: Set<string>;
  measures: Set<string>;
}

function lineProblem(line: CatalogLine, known: Known): string | null {
  if (known.objectives.get(line.objective)?.chapter !== line.chapter)
    return 'obiettivo o capitolo errato';
  const results = [...line.results, ...(line.result ? [line.result] : [])];
  if (results.some((r) => !known.results.has(r))) return 'risultato sconosciuto';
  if (line.series && !known.series.has(line.series)) return `serie ${line.series} sconosciuta`;
  if ((line.deadline === null) !== (line.deadlineKind === 'standing')) {
    return 'solo le linee vigenti sono senza scadenza';
  }
  const platform = line.platforms.find((p) => !known.platforms.has(p));
  if (platform) return `piattaforma ${platform} sconosciuta`;
  const measure = line.pnrrMeasures.find((m) => !known.measures.has(m));
  return measure ? `misura PNRR ${measure} sconosciuta` : null;
}

/** Indexes validated parts; editions are kept oldest first. */
export function buildCatalog(parts: CatalogParts): Catalog {
  const editions = [...parts.editions].sort((a, b) => a.period.startYear - b.period.startYear);
  const codes = new Map<string, CodeRef[]>();
  const add = (code: string, ref: CodeRef) => codes.set(code, [...(codes.get(code) ?? []), ref]);
  for (const e of editions) {
    for (const o of e.objectives) add(o.code, { kind: 'objective', edition: e.edition });
    for (const r of e.results) add(r.code, { kind: 'result', edition: e.edition });
    for (const l of e.lines) add(l.code, { kind: 'line', edition: e.edition });
  }
  return {
    ...parts,
    editions,
    codes,
    measures: new Map(parts.pnrrMeasures.map((m) => [m.code, m])),
  };
}

export function findEdition(catalog: Catalog, id: string): CatalogEdition | null {
  return catalog.editions.find((e) => e.edition === id) ?? null;
}

/** The newest edition: what a plan follows unless it says otherwise. */
export function latestEdition(catalog: Catalog): CatalogEdition {
  const latest = catalog.editions.at(-1);
  if (!latest) throw new Error('The catalog has no edition');
  return latest;
}

/**
 * The edition a plan is checked against: the one its `nationalEdition` names ("2024-2026
 * (aggiornamento 2025)"), else the newest one already published when the plan's period ends.
 */
export function editionForPlan(
  catalog: Catalog,
  plan: { startYear: number; endYear: number; nationalEdition?: string | null },
): CatalogEdition {
  const named = catalog.editions.find((e) => plan.nationalEdition?.includes(e.edition));
  if (named) return named;
  const published = catalog.editions.filter((e) => e.period.startYear <= plan.endYear);
  return published.at(-1) ?? latestEdition(catalog);
}

/** Each edition's lines by code, built on first use: documents look up every linked code. */
const lineIndexes = new WeakMap<CatalogEdition, Map<string, CatalogLine>>();

export function findLine(edition: CatalogEdition, code: string): CatalogLine | null {
  let index = lineIndexes.get(edition);
  if (!index) {
    index = new Map();
    for (const line of edition.lines) if (!index.has(line.code)) index.set(line.code, line);
    lineIndexes.set(edition, index);
  }
  return index.get(code) ?? null;
}

/**
 * The titles of the lines of action of the edition a plan follows (by its period and
 * `nationalEdition`), for documents to print "CAP4.PA.01 – title". Codes that are not a line of
 * that edition (another edition's lines, results, objectives) have no title and stay bare.
 */
export function lineTitleLookup(
  catalog: Catalog,
  doc: { plan: Parameters<typeof editionForPlan>[1] },
): (code: string) => string | undefined {
  const edition = editionForPlan(catalog, doc.plan);
  return (code) => findLine(edition, code)?.title;
}

export function chapterTitle(edition: CatalogEdition, chapter: number): string {
  return edition.chapters.find((c) => c.number === chapter)?.title ?? `Capitolo ${chapter}`;
}
