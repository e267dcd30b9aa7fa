import { compareCodes, type Catalog } from './catalog.js';
import type { Audience, CatalogEdition, CatalogLine, PnrrMeasureEntry } from './model.js';

/** What the link picker asks: every criterion given must hold. */
export interface LineQuery {
  /** Words that must all appear in the code, title, note, platforms or result and objective titles. */
  q?: string | undefined;
  /** A code or its beginning, in any case: "CAP4", "cap4.pa.0", "CAP4.PA.03". */
  code?: string | undefined;
  chapter?: number | undefined;
  platform?: string | undefined;
  edition?: string | undefined;
  appliesTo?: Audience | undefined;
  pnrrMeasure?: string | undefined;
  kind?: 'pa' | 'institutional' | undefined;
}

export interface LineHit {
  edition: string;
  line: CatalogLine;
}

/** Lower case, accents removed, so "attivita" finds "attività". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Lines matching a query, newest edition first, then in code order. */
export function searchLines(catalog: Catalog, query: LineQuery): LineHit[] {
  const words = fold(query.q ?? '')
    .split(/[^a-z0-9.+/-]+/)
    .filter(Boolean);
  const code = query.code ? fold(query.code) : null;
  const platform = query.platform ? fold(query.platform) : null;
  const hits: LineHit[] = [];
  for (const edition of [...catalog.editions].reverse()) {
    if (query.edition && edition.edition !== query.edition) continue;
    const haystacks = searchTexts(edition);
    const lines = [...edition.lines].sort((a, b) => compareCodes(a.code, b.code));
    for (const line of lines) {
      if (code && !fold(line.code).startsWith(code)) continue;
      if (query.chapter !== undefined && line.chapter !== query.chapter) continue;
      if (platform && !line.platforms.some((p) => fold(p) === platform)) continue;
      if (query.appliesTo && !line.appliesTo.includes(query.appliesTo)) continue;
      if (query.pnrrMeasure && !line.pnrrMeasures.includes(query.pnrrMeasure)) continue;
      if (query.kind && line.kind !== query.kind) continue;
      const text = haystacks.get(line.code) ?? '';
      if (words.every((w) => text.includes(w))) hits.push({ edition: edition.edition, line });
    }
  }
  return hits;
}

const texts = new WeakMap<CatalogEdition, Map<string, string>>();

/** The folded text each line is searched in, computed once per edition. */
function searchTexts(edition: CatalogEdition): Map<string, string> {
  let cached = texts.get(edition);
  if (cached) return cached;
  const results = new Map(edition.results.map((r) => [r.code, r.title]));
  const objectives = new Map(edition.objectives.map((o) => [o.code, o.title]));
  cached = new Map(
    edition.lines.map((l) => [
      l.code,
      fold(
        [
          l.code,
          l.title,
          l.note ?? '',
          ...l.platforms,
          ...l.results.map((r) => `${r} ${results.get(r) ?? ''}`),
          objectives.get(l.objective) ?? '',
        ].join(' '),
      ),
    ]),
  );
  texts.set(edition, cached);
  return cached;
}

/** What the back office's link picker found: the first `limit` of each kind, and how many. */
export interface PickerHits {
  lines: CatalogLine[];
  lineCount: number;
  measures: PnrrMeasureEntry[];
  measureCount: number;
}

/** Words of a text as the picker compares them: folded, split on anything not a letter or digit. */
const wordsOf = (text: string) =>
  fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The picker's search: a line of `edition` or a PNRR measure matches when its code begins with
 * the text ("cap4.pa", "1.4"; "M1C1 1.4.3" for a measure) or its title holds every word of the
 * text, as a word or the beginning of one, ignoring case and accents ("anagrafe", "stato civile
 * anpr"). Lines come in code order, measures in catalog order.
 */
export function pickLinks(
  catalog: Catalog,
  edition: CatalogEdition,
  text: string,
  limit = 20,
): PickerHits {
  const folded = fold(text).trim();
  const code = folded.replace(/\s+/g, '');
  const measureCode = code.replace(/^m1c1[-.]?/, '');
  const words = wordsOf(text);
  const titleHolds = (title: string) => {
    const titleWords = wordsOf(title);
    return words.length > 0 && words.every((w) => titleWords.some((t) => t.startsWith(w)));
  };
  const lines = [...edition.lines]
    .sort((a, b) => compareCodes(a.code, b.code))
    .filter((l) => (code && fold(l.code).startsWith(code)) || titleHolds(l.title));
  const measures = catalog.pnrrMeasures.filter(
    (m) =>
      (measureCode && /^[0-9.]+$/.test(measureCode) && m.code.startsWith(measureCode)) ||
      titleHolds(m.title),
  );
  return {
    lines: lines.slice(0, limit),
    lineCount: lines.length,
    measures: measures.slice(0, limit),
    measureCount: measures.length,
  };
}

/**
 * The title of a code an action links to: a line of the plan's edition first, else a line,
 * result or objective of any edition (newest first); null for a code the catalog lacks.
 */
export function titleOfCode(
  catalog: Catalog,
  edition: CatalogEdition,
  code: string,
): string | null {
  const own = edition.lines.find((l) => l.code === code);
  if (own) return own.title;
  for (const e of [...catalog.editions].reverse()) {
    const found = [...e.lines, ...e.results, ...e.objectives].find((x) => x.code === code);
    if (found) return found.title;
  }
  return null;
}
