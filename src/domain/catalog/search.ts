import { compareCodes, type Catalog } from './catalog.js';
import type { Audience, CatalogEdition, CatalogLine } from './model.js';

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
