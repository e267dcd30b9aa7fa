import { findDateExpressions } from './dates.js';
import type { Line } from './lines.js';
import { cellUnder } from './tables.js';
import type { DraftPlatform } from './types.js';

/**
 * Platform status tables: a national platform, whether the ente has adopted it (SI/NO), the
 * unit in charge and a deadline. A platform name counts only when a status follows it, so lists
 * of platforms in prose are not read as adoptions.
 */
const NAMES: Array<readonly [string, RegExp]> = [
  ['SPID', /^spid\b/i],
  ['CIE', /^(?:cie|carta d['’]identit[àa] elettronica)\b/i],
  ['CNS', /^cns\b/i],
  ['eIDAS', /^eidas\b/i],
  ['pagoPA', /^pago\s?pa\b/i],
  ['App IO', /^(?:app\s*io|io italia|piattaforma io)\b/i],
  ['ANPR', /^anpr\b/i],
  ['PDND', /^(?:pdnd|piattaforma digitale nazionale dati)\b/i],
  ['SEND', /^(?:send|piattaforma notifiche digitali|pnd)\b/i],
  ['INAD', /^inad\b/i],
  ['INI-PEC', /^ini[\s-]?pec\b/i],
  ['SIOPE+', /^siope\b/i],
  ['NoiPA', /^noi\s?p\.?a\.?\b/i],
  ['SUAP/SUE', /^suap\b/i],
  ['Web Analytics Italia', /^(?:web analytics italia|wai)\b/i],
];
const STATUS = /^(si|sì|no|in corso|parziale|attiv[ao]|non attiv[ao]|aderito|da attivare)$/i;
const UNIT = /^settor[ei] interessat[io]\s*:\s*(.*)$/i;

export function recognizePlatforms(lines: Line[]): { items: DraftPlatform[]; claimed: number[] } {
  const starts: Array<{
    at: number;
    name: string;
    status: DraftPlatform['status'];
    cells: string[];
  }> = [];
  for (const line of lines) {
    const cells = line.block.cells ?? [line.text];
    const head = (cells.find((c) => c.trim() !== '') ?? '').trim();
    if (head.length > 40 || head.split(/\s+/).length > 3) continue;
    const name = NAMES.find(([, re]) => re.test(head))?.[0];
    if (!name) continue;
    const status = statusAfter(lines, line, cells);
    if (status) starts.push({ at: line.index, name, status, cells });
  }
  const items: DraftPlatform[] = [];
  const claimed: number[] = [];
  starts.forEach((start, k) => {
    const end = Math.min(starts[k + 1]?.at ?? lines.length, spanEnd(lines, start.at, 5));
    const span = lines.slice(start.at, end);
    const text = span.map((l) => l.text).join(' ');
    const unit = span
      .map((l) => UNIT.exec(l.text) ?? UNIT.exec(l.block.cells?.find((c) => UNIT.test(c)) ?? ''))
      .find(Boolean);
    const unitText = unit?.[1]?.trim() || unitFromHeader(lines, lines[start.at] as Line);
    const due = findDateExpressions(text)[0]?.due ?? null;
    const status = start.status === 'not_adopted' && due ? 'planned' : start.status;
    const first = lines[start.at] as Line;
    items.push({
      at: start.at,
      source: first.block.source,
      confidence: 0.7,
      recognizer: 'tabella-piattaforme',
      notes: [],
      platform: start.name,
      status,
      due,
      unitText: unitText?.slice(0, 300) || null,
    });
    for (let i = start.at; i < end; i += 1) claimed.push(i);
  });
  return { items, claimed };
}

const UNIT_HEADER = /settor|uffic|struttur|responsab|area/i;

/** In a table of platforms, the cell under a "Settore"/"Ufficio" header. */
function unitFromHeader(lines: Line[], row: Line): string | null {
  if (row.block.kind !== 'row') return null;
  for (let i = row.index - 1; i >= Math.max(0, row.index - 30); i -= 1) {
    const l = lines[i] as Line;
    if (l.block.kind === 'blank') continue;
    if (l.block.kind !== 'row') return null;
    const column = (l.block.cells ?? []).findIndex((c) => UNIT_HEADER.test(c));
    if (column >= 0) return cellUnder(l, row, column).trim() || null;
  }
  return null;
}

/** The index after the `count`-th non-blank line from `at`. */
function spanEnd(lines: Line[], at: number, count: number): number {
  let seen = 0;
  for (let i = at; i < lines.length; i += 1) {
    if ((lines[i] as Line).block.kind !== 'blank' && (seen += 1) > count) return i;
  }
  return lines.length;
}

function statusAfter(lines: Line[], line: Line, cells: string[]): DraftPlatform['status'] | null {
  const candidates = [...cells.slice(1)];
  for (let i = line.index + 1, seen = 0; i < lines.length && seen < 3; i += 1) {
    const l = lines[i] as Line;
    if (l.block.kind === 'blank') continue;
    seen += 1;
    candidates.push(...(l.block.cells ?? [l.text]));
  }
  const found = candidates.map((c) => c.trim()).find((c) => STATUS.test(c));
  if (!found) return null;
  const s = found.toLowerCase();
  if (s === 'si' || s === 'sì' || s.startsWith('attiv') || s === 'aderito') return 'adopted';
  if (s === 'in corso' || s === 'parziale') return 'in_progress';
  return 'not_adopted';
}
