import { fold, type Line } from './lines.js';
import { splitResponsibles } from './responsibles.js';
import type { DraftAction } from './types.js';

/**
 * Tables: groups of consecutive rows, their header, and the two shapes that describe actions —
 * a summary of actions by responsibles and years with X marks ("Riepilogo delle azioni"), and a
 * list of actions with a deadline column. Both usually repeat actions described earlier: the
 * draft merges them by title instead of adding them twice.
 */

export interface Table {
  start: number;
  end: number;
  rows: Line[];
}

/** Consecutive table rows (a blank line or two between rows does not end a table). */
export function tables(lines: Line[]): Table[] {
  const out: Table[] = [];
  let current: Table | null = null;
  let blanks = 0;
  for (const line of lines) {
    // A two-cell "Responsabilità | RTD" row is a labelled field, not part of a table.
    if (line.block.kind === 'row' && !line.toc && !line.label) {
      if (!current) {
        current = { start: line.index, end: line.index, rows: [] };
        out.push(current);
      }
      current.rows.push(line);
      current.end = line.index;
      blanks = 0;
    } else if (line.block.kind === 'blank' && current && blanks < 2) blanks += 1;
    else current = null;
  }
  return out;
}

const YEAR_CELL = /^(?:anno\s+)?((?:19|20)\d\d)$/i;
const MARK = /^(?:x|✓|✔|✗|●|•|■|si|sì|\*)$/iu;

/** The cell a body row has under a header column, aligned by position when the source gives it. */
export function cellUnder(header: Line, row: Line, column: number): string {
  const hx = header.block.cellX;
  const rx = row.block.cellX;
  const cells = row.block.cells ?? [];
  if (!hx || !rx) return cells[column] ?? '';
  let found = '';
  rx.forEach((x, k) => {
    if (nearestColumn(hx, x) === column) found = found ? `${found} ${cells[k]}` : (cells[k] ?? '');
  });
  return found;
}

function nearestColumn(columns: number[], x: number): number {
  let best = 0;
  columns.forEach((c, k) => {
    if (Math.abs(c - x) < Math.abs((columns[best] ?? 0) - x)) best = k;
  });
  return best;
}

/** Columns of a header whose cell is a year ("2024", "Anno 2025"). */
export function yearColumns(header: Line): Map<number, number> {
  const years = new Map<number, number>();
  (header.block.cells ?? []).forEach((cell, k) => {
    const m = YEAR_CELL.exec(cell.trim());
    if (m) years.set(k, Number(m[1]));
  });
  return years;
}

/** Years marked with an X in a row, under a header of years. */
export function markedYears(header: Line, row: Line, years: Map<number, number>): number[] {
  const marked: number[] = [];
  for (const [column, year] of years) {
    if (MARK.test(cellUnder(header, row, column).trim())) marked.push(year);
  }
  return marked.sort((a, b) => a - b);
}

/** "2024 – 2025" for the years marked: a timing in words the Timing parser reads. */
export function yearsAsWords(years: number[]): string | null {
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return null;
  return first === last ? String(first) : `${first} – ${last}`;
}

/** A "TEMPISTICA INTERVENTO" grid: a row of years and, below, a row of X marks. */
export function yearGridTiming(lines: Line[]): string | null {
  for (let k = 0; k < lines.length; k += 1) {
    const header = lines[k] as Line;
    const years = header.block.kind === 'row' ? yearColumns(header) : new Map<number, number>();
    if (years.size < 2) continue;
    for (let j = k + 1; j < Math.min(lines.length, k + 4); j += 1) {
      const row = lines[j] as Line;
      if (row.block.kind !== 'row') continue;
      const marked = markedYears(header, row, years);
      if (marked.length > 0) return yearsAsWords(marked);
    }
  }
  return null;
}

const ACTION_HEADER =
  /^(?:n\.?\s*)?(?:azion[ei]|attivit[àa]|intervent[io]|obiettiv[io](?: operativ[io])?|descrizione(?: dell'?azione| intervento)?|progett[io]|micro ?azion[ei])\b/i;
const RESPONSIBLE_HEADER = /\b(?:responsab|soggett|uffic|settor|struttur|referent|chi\b|aree?\b)/i;
const TIMING_HEADER = /\b(?:scadenz|tempi\b|tempistica|termine|entro\b|data\b|quando|periodo)/i;

export function recognizeActionTables(lines: Line[]): {
  actions: DraftAction[];
  claimed: number[];
} {
  const actions: DraftAction[] = [];
  const claimed: number[] = [];
  for (const table of tables(lines)) {
    const byYear = yearColumnActions(table);
    if (byYear) {
      actions.push(...byYear);
      for (let i = table.start; i <= table.end; i += 1) claimed.push(i);
      continue;
    }
    const h = table.rows.findIndex((r) => isActionHeader(r));
    if (h < 0) continue;
    const header = table.rows[h] as Line;
    const cells = header.block.cells ?? [];
    const actionCol = cells.findIndex((c) => ACTION_HEADER.test(fold(c)) || ACTION_HEADER.test(c));
    const respCol = cells.findIndex((c, k) => k !== actionCol && RESPONSIBLE_HEADER.test(c));
    const timeCol = cells.findIndex((c, k) => k !== actionCol && TIMING_HEADER.test(c));
    const years = yearColumns(header);
    for (const row of table.rows.slice(h + 1)) {
      const title = cellUnder(header, row, actionCol).trim();
      if (!title || /^totale\b/i.test(title) || title.length < 4) continue;
      const responsibles = respCol >= 0 ? splitResponsibles(cellUnder(header, row, respCol)) : [];
      const words = timeCol >= 0 ? cellUnder(header, row, timeCol).trim() : '';
      const timing = words || yearsAsWords(markedYears(header, row, years));
      actions.push({
        at: row.index,
        source: row.block.source,
        confidence: 0.6,
        recognizer: years.size >= 2 ? 'tabella-riepilogo-anni' : 'tabella-azioni',
        notes: [],
        title: title.replace(/[.:;\s]+$/, ''),
        description: null,
        responsibles,
        timing: timing || null,
        expectedResults: [],
        microActions: [],
        span: [row.index, row.index],
      });
    }
    for (let i = table.start; i <= table.end; i += 1) claimed.push(i);
  }
  return { actions, claimed };
}

/**
 * "Argomento | Anno 2020 | Anno 2021 | Anno 2022": each row an action, each year cell what is
 * done that year (text, not X marks). The action runs over the years whose cell says something.
 */
function yearColumnActions(table: Table): DraftAction[] | null {
  const h = table.rows.findIndex((r) => yearColumns(r).size >= 2);
  if (h < 0 || h > 1) return null;
  const header = table.rows[h] as Line;
  const years = yearColumns(header);
  const cells = header.block.cells ?? [];
  const topic = cells.findIndex((c, k) => !years.has(k) && c.trim() !== '');
  const body = table.rows.slice(h + 1);
  if (topic < 0 || body.length === 0) return null;
  const texts = body.flatMap((row) =>
    [...years.keys()].map((k) => cellUnder(header, row, k).trim()),
  );
  const written = texts.filter((t) => t.length > 12 && !MARK.test(t));
  if (written.length < texts.filter(Boolean).length * 0.6) return null;
  const out: DraftAction[] = [];
  for (const row of body) {
    const title = cellUnder(header, row, topic)
      .trim()
      .replace(/[.:;\s]+$/, '');
    if (title.length < 3 || /^totale\b/i.test(title)) continue;
    const done = [...years]
      .filter(([k]) => cellUnder(header, row, k).trim() !== '')
      .sort((a, b) => a[1] - b[1]);
    const description = done.map(([k, y]) => `${y}: ${cellUnder(header, row, k).trim()}`);
    out.push({
      at: row.index,
      source: row.block.source,
      confidence: 0.7,
      recognizer: 'tabella-colonne-anno',
      notes: [],
      title,
      description: description.join('\n') || null,
      responsibles: [],
      timing: yearsAsWords(done.map(([, y]) => y)),
      expectedResults: [],
      microActions: [],
      span: [row.index, row.index],
    });
  }
  return out.length > 0 ? out : null;
}

/** The document's own history ("Versione | Data | Descrizione"): never a list of actions. */
const REVISION_HEADER = /^(?:versione|revisione|rev\.?|edizione|release)$/i;

function isActionHeader(row: Line): boolean {
  const cells = (row.block.cells ?? []).map((c) => c.trim());
  if (cells.some((c) => REVISION_HEADER.test(c))) return false;
  // A header names its columns in a few words each.
  if (cells.some((c) => c.length > 40)) return false;
  if (!cells.some((c) => ACTION_HEADER.test(c))) return false;
  const years = cells.filter((c) => YEAR_CELL.test(c)).length;
  return (
    years >= 2 ||
    cells.some((c) => RESPONSIBLE_HEADER.test(c) && !ACTION_HEADER.test(c)) ||
    cells.some((c) => TIMING_HEADER.test(c) && !ACTION_HEADER.test(c))
  );
}

const YEAR_TOKEN = /\b(?:19|20)\d\d\b/g;
const X_TAIL = /((?:\s+[xX✓✔])+)\s*$/u;
const MAX_TITLE_LINES = 3;

/**
 * A summary table flattened into text by PDF extraction: a header line naming the years
 * ("AZIONE RESPONSABILI 2019 2020 2021"), then for each row the action's title wrapped over a
 * line or more and a line with its responsibles and the X marks. The marks' columns are lost:
 * the years are known only when every year is marked, and never guessed otherwise.
 */
export function recognizeFlattenedSummaries(
  lines: Line[],
  claimed: Set<number>,
): { actions: DraftAction[]; claimed: number[] } {
  const actions: DraftAction[] = [];
  const used: number[] = [];
  for (let h = 0; h < lines.length; h += 1) {
    const header = lines[h] as Line;
    if (header.block.kind !== 'paragraph' || claimed.has(h)) continue;
    const years = [...header.text.matchAll(YEAR_TOKEN)].map((m) => Number(m[0]));
    const words = header.text.replace(YEAR_TOKEN, '').trim();
    if (years.length < 2 || words.split(/\s+/).length > 6 || /[.;:,]$/.test(header.text)) continue;
    let pending: Line[] = [];
    let blanks = 0;
    let end = h;
    for (let i = h + 1; i < lines.length; i += 1) {
      const l = lines[i] as Line;
      if (l.block.kind === 'blank') {
        if ((blanks += 1) > 2) break;
        continue;
      }
      blanks = 0;
      if (l.block.kind !== 'paragraph' || l.label || claimed.has(i) || l.heading !== null) break;
      const marks = X_TAIL.exec(l.text);
      if (!marks) {
        pending.push(l);
        if (pending.length > MAX_TITLE_LINES) break;
        continue;
      }
      const count = (marks[1] ?? '').trim().split(/\s+/).length;
      const rest = l.text.slice(0, marks.index).trim();
      const title = (pending.length ? pending.map((p) => p.text).join(' ') : rest).trim();
      const responsibles = pending.length && rest ? splitResponsibles(rest) : [];
      const first = pending[0] ?? l;
      const all = count === years.length;
      actions.push({
        at: first.index,
        source: first.block.source,
        confidence: 0.5,
        recognizer: 'tabella-riepilogo-appiattita',
        notes: all
          ? []
          : [`${count} anni segnati con X su ${years.length}: quali, non si può dire`],
        title: title.replace(/[.:;\s]+$/, ''),
        description: null,
        responsibles,
        timing: all ? yearsAsWords(years) : null,
        expectedResults: [],
        microActions: [],
        span: [first.index, i],
        signals: ['segni-x-sotto-anni'],
      });
      pending = [];
      end = i;
    }
    if (end > h) {
      for (let i = h; i <= end; i += 1) used.push(i);
      h = end;
    }
  }
  return { actions, claimed: used };
}
