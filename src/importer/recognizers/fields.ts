import type { LabelKind, Line } from './lines.js';

/**
 * Labelled fields ("Responsabilità: …", "Tempi: …", "Risultati attesi:" followed by a list) and
 * records, the runs of fields that describe one action.
 */

export interface Field {
  kind: LabelKind;
  /** The value as one text. */
  value: string;
  /** The value as a list: one entry per list item (or the whole value). */
  items: string[];
  start: number;
  end: number;
}

const LISTY = new Set<LabelKind>(['results', 'indicators']);
const TABLE_HEADER_WORDS = [
  "stato dell'arte",
  'obiettivo',
  'attività',
  'tempi',
  'criticità',
  'indicatori',
  'azioni',
  'settori',
];

/** A line made of table column names ("Stato dell'arte Obiettivo Attività Tempi di"). */
export function looksLikeTableHeader(text: string): boolean {
  const t = text.toLowerCase().replace(/[’']/g, "'");
  return TABLE_HEADER_WORDS.filter((w) => t.includes(w)).length >= 2 && t.length < 120;
}

const SENTENCE_START =
  /^(?:La|Il|Lo|Le|I|Gli|Un|Una|Uno|In|Per|Si|Nel|Nella|Con|Questa|Questo|Tale|Tali|Ogni|Tutti|Tutte|L['’]|Al|Alla|Dal|Dalla|Da|Sono|È|Ciò|Inoltre|Attualmente)\s/u;

/**
 * True when `next` carries on the sentence of `previous` (hard-wrapped text): it starts in lower
 * case, or the previous line was cut at full width in mid-sentence.
 */
export function continues(previous: string, next: Line, last?: Line): boolean {
  if (next.block.kind !== 'paragraph' || next.label) return false;
  if (/^\p{Ll}/u.test(next.text)) return true;
  if (/[.;!?]["”»)]?$/.test(previous.trim())) return false;
  // Capitals after capitals: a table cell in upper case wrapped in its column.
  if (isUpper(previous) && isUpper(next.text) && next.text.split(/\s+/).length <= 4) return true;
  if (last && !last.full) return false;
  return !SENTENCE_START.test(next.text);
}

function isUpper(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && text === text.toUpperCase();
}

export function readField(lines: Line[], at: number, wrapped: boolean): Field {
  const first = lines[at] as Line;
  const label = first.label ?? { kind: 'results' as LabelKind, value: '' };
  const items: string[] = label.value ? [label.value] : [];
  let end = at;
  if (!label.value) end = readFollowingValue(lines, at, label.kind, wrapped, items);
  else if (wrapped) end = readContinuation(lines, at, items);
  const value = items
    .join(LISTY.has(label.kind) || label.kind === 'description' ? '\n' : ' ')
    .trim();
  return { kind: label.kind, value, items: items.filter(Boolean), start: at, end };
}

/** Wrapped lines that carry on an inline value. */
function readContinuation(lines: Line[], at: number, items: string[]): number {
  let end = at;
  for (let j = at + 1; j < lines.length; j += 1) {
    const l = lines[j] as Line;
    const last = items.length - 1;
    if (!continues(items[last] ?? '', l, lines[end]) || looksLikeTableHeader(l.text)) break;
    items[last] = `${items[last]} ${l.text}`;
    end = j;
  }
  return end;
}

/** A label alone on its line: the value is in the next paragraph, or the list that follows. */
function readFollowingValue(
  lines: Line[],
  at: number,
  kind: LabelKind,
  wrapped: boolean,
  items: string[],
): number {
  const listy = LISTY.has(kind);
  let end = at;
  let blanks = 0;
  for (let j = at + 1; j < lines.length; j += 1) {
    const l = lines[j] as Line;
    if (l.block.kind === 'blank') {
      blanks += 1;
      if (items.length > 0 && kind !== 'description' && !(listy && nextIsItem(lines, j))) break;
      if (items.length === 0 && blanks > 4) break;
      continue;
    }
    if (l.label || l.block.kind === 'row' || l.toc || looksLikeTableHeader(l.text)) break;
    if (items.length === 0) {
      if (l.heading !== null && !wrapped) break;
      items.push(l.text);
      end = j;
      continue;
    }
    const last = items.length - 1;
    if (kind === 'description') {
      // A description runs over several paragraphs and lists, up to the next field or heading.
      if (l.heading !== null && !wrapped) break;
      items.push(l.text);
      end = j;
      continue;
    }
    if (l.block.kind === 'item') {
      if (!listy) break;
      items.push(l.text);
    } else if ((wrapped || listy) && continues(items[last] ?? '', l, lines[end])) {
      items[last] = `${items[last]} ${l.text}`;
    } else if (listy && !l.titleLike && !wrapped) {
      items[last] = `${items[last]} ${l.text}`;
    } else break;
    end = j;
  }
  return end;
}

function nextIsItem(lines: Line[], from: number): boolean {
  for (let j = from + 1; j < lines.length; j += 1) {
    const l = lines[j] as Line;
    if (l.block.kind === 'blank') continue;
    return l.block.kind === 'item' && !l.label;
  }
  return false;
}

export const RECORD_KINDS = new Set<LabelKind>([
  'responsibles',
  'unit',
  'timing',
  'results',
  'indicators',
  'funding',
  'description',
]);

/**
 * The fields from `at` on, until a line that is not a field. A second "Responsabilità" after
 * responsibles and timing were given starts the next record.
 */
export function readRecord(
  lines: Line[],
  at: number,
  wrapped: boolean,
): { fields: Field[]; end: number } {
  const fields: Field[] = [];
  let end = at;
  for (let j = at; j < lines.length;) {
    const l = lines[j] as Line;
    if (l.block.kind === 'blank') {
      j += 1;
      continue;
    }
    if (!l.label || !RECORD_KINDS.has(l.label.kind)) break;
    const owner = l.label.kind === 'responsibles' || l.label.kind === 'unit';
    const hasOwner = fields.some((f) => f.kind === 'responsibles' || f.kind === 'unit');
    if (owner && hasOwner && fields.some((f) => f.kind === 'timing')) break;
    const field = readField(lines, j, wrapped);
    fields.push(field);
    end = field.end;
    j = field.end + 1;
  }
  return { fields, end };
}

export function fieldValue(fields: Field[], kind: LabelKind): string | null {
  return fields.find((f) => f.kind === kind && f.value)?.value ?? null;
}
