import { latestDate } from './dates.js';
import { readField } from './fields.js';
import { isAllCaps, type Line } from './lines.js';
import { priorityOf } from './priorities.js';
import { splitResponsibles } from './responsibles.js';
import { score } from './actions.js';
import { yearGridTiming } from './tables.js';
import type { DraftAction, DraftMicroAction } from './types.js';

/**
 * Objective sheets ("SCHEDA OBIETTIVO N° 3 CONNETTIVITÀ", "Scheda intervento 2 – …"): a header
 * with the sector concerned and who is responsible, then a table of state of the art,
 * objective, activities and "Tempi di attuazione". Each sheet is one action; its deadline is the
 * latest date its table names (tables out of PDFs come in pieces, but dates survive), or the
 * years marked in a "TEMPISTICA INTERVENTO" grid.
 */
const OPENER =
  /^scheda\s+(?:obiettivo|azione|intervento|progetto|attivit[àa])\b\s*(?:(?:n(?:[°º.]|um(?:ero)?\.?)?\s*)?(\d{1,3})\b)?\s*[-–:.]?\s*(.*)$/iu;

export function recognizeSheets(lines: Line[], wrapped: boolean): DraftAction[] {
  const openers: Array<{ at: number; number: string | null; title: string }> = [];
  let lastOpen = -100;
  for (const line of lines) {
    if (line.toc || line.block.kind === 'row') continue;
    const m = OPENER.exec(line.text);
    if (!m) continue;
    const number = m[1] ?? null;
    if (!number && (line.index - lastOpen < 15 || !(m[2] ?? '').trim())) continue;
    openers.push({ at: line.index, number, title: (m[2] ?? '').trim() });
    lastOpen = line.index;
  }
  return openers.map((opener, k) => {
    const limit = openers[k + 1]?.at ?? lines.length;
    const end = sheetEnd(lines, opener.at, limit, wrapped);
    return sheetAction(lines, opener, end, wrapped);
  });
}

/** A sheet ends at the next chapter: a heading, a priority, or an ALL CAPS line of 4+ words. */
function sheetEnd(lines: Line[], at: number, limit: number, wrapped: boolean): number {
  const opener = lines[at] as Line;
  let content = 0;
  for (let i = at + 1; i < limit; i += 1) {
    const l = lines[i] as Line;
    if (l.block.kind === 'blank') continue;
    content += 1;
    if (l.label && l.label.kind !== 'action') {
      i = readField(lines, i, wrapped).end;
      continue;
    }
    if (priorityOf(l)) return i - 1;
    if (
      l.block.kind === 'heading' &&
      (opener.heading === null || (l.heading ?? 9) <= opener.heading)
    )
      return i - 1;
    if (content > 3 && !l.label && l.allCaps && words(l.text) >= 4) return i - 1;
  }
  return limit - 1;
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
}

function sheetAction(
  lines: Line[],
  opener: { at: number; number: string | null; title: string },
  end: number,
  wrapped: boolean,
): DraftAction {
  let title = opener.title;
  let next = opener.at + 1;
  const first = lines[opener.at] as Line;
  // "SCHEDA OBIETTIVO N° 12 CONSERVAZIONE DEI" / "DOCUMENTI INFORMATICI": a title wrapped in two.
  const following = nextContent(lines, next, end);
  const l = following === null ? null : (lines[following] as Line);
  if (
    title &&
    l &&
    !l.label &&
    /\b(?:DI|DEI|DEGLI|DEL|DELLA|DELLE|E|PER|IN|A|AL|ALLA)$/.test(title)
  ) {
    if (isAllCaps(`${title} ${l.text}`) && words(l.text) <= 4) {
      title = `${title} ${l.text}`;
      next = (following as number) + 1;
    }
  }
  if (!title) {
    const following = nextContent(lines, next, end);
    if (following !== null) {
      title = (lines[following] as Line).text;
      next = following + 1;
    }
  }
  const fields = { responsibles: '', unit: '', timing: '' };
  const micro: DraftMicroAction[] = [];
  const body: string[] = [];
  for (let i = next; i <= end; i += 1) {
    const l = lines[i] as Line;
    if (l.block.kind === 'blank') continue;
    const kind = l.label?.kind;
    if (kind === 'responsibles' || kind === 'unit' || kind === 'timing') {
      const field = readField(lines, i, wrapped);
      if (!fields[kind] && field.value) fields[kind] = field.value;
      i = field.end;
      continue;
    }
    if (kind === 'action' && l.label?.value) {
      micro.push({
        at: i,
        source: l.block.source,
        confidence: 0.6,
        recognizer: 'scheda-azione',
        notes: [],
        title: l.label.value,
        description: null,
        responsibles: [],
        timing: null,
      });
    }
    body.push(l.block.cells ? l.block.cells.filter(Boolean).join(' | ') : l.text);
  }
  const text = body.join('\n');
  const responsibles = splitResponsibles(fields.responsibles || fields.unit);
  const grid = yearGridTiming(lines.slice(next, end + 1));
  const latest = fields.timing ? null : latestDate(body.join(' '));
  const timing = fields.timing || grid || latest?.text || null;
  const notes = [
    ...(latest ? ['tempi: la scadenza più lontana tra le date della scheda'] : []),
    ...(grid ? ['tempi: anni segnati nella griglia della scheda'] : []),
  ];
  return {
    at: opener.at,
    source: first.block.source,
    confidence: score(latest ? 0.65 : 0.75, responsibles, timing),
    recognizer: 'scheda-obiettivo',
    notes,
    title: title.replace(/[.:;\s]+$/, '') || `Scheda ${opener.number ?? ''}`.trim(),
    description: text.slice(0, 20_000) || null,
    responsibles,
    timing,
    expectedResults: [],
    microActions: micro,
    span: [opener.at, end],
  };
}

function nextContent(lines: Line[], from: number, end: number): number | null {
  for (let i = from; i <= end; i += 1) {
    if ((lines[i] as Line).block.kind !== 'blank') return i;
  }
  return null;
}
