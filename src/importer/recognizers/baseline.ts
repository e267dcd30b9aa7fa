import { parseTiming } from '../../domain/timing/parse-timing.js';
import { cellUnder, tables } from './tables.js';
import type { Line } from './lines.js';
import type { DraftBaseline } from './types.js';

/**
 * Baseline tables ("VOCI | STATO ATTUALE", "Indicatore | Valore"): the state of the art the plan
 * measures progress against, with its reference date ("Baseline al 31 dicembre 2022").
 */
const LABEL_HEADER = /^(?:voc[ei]|indicator[ei]|elemento|descrizione|parametro|servizio)$/i;
const VALUE_HEADER =
  /stato attuale|valore|baseline|situazione(?: attuale)?|dato|stato|consistenza/i;
const REFERENCE =
  /(?:baseline|stato dell ?['’]?arte|situazione|dati|rilevazion[ei])\s+(?:rilevat[ai]\s+)?al\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+\p{L}+\s+\d{4})/iu;

export function recognizeBaseline(lines: Line[]): { items: DraftBaseline[]; claimed: number[] } {
  const items: DraftBaseline[] = [];
  const claimed: number[] = [];
  for (const table of tables(lines)) {
    const header = table.rows[0] as Line;
    const cells = (header.block.cells ?? []).map((c) => c.trim());
    const labelCol = cells.findIndex((c) => LABEL_HEADER.test(c));
    const valueCol = cells.findIndex((c, k) => k !== labelCol && VALUE_HEADER.test(c));
    if (labelCol < 0 || valueCol < 0) continue;
    const referenceDate = referenceBefore(lines, table.start);
    for (const row of table.rows.slice(1)) {
      const label = cellUnder(header, row, labelCol).trim();
      const valueText = cellUnder(header, row, valueCol).trim();
      if (!label) continue;
      items.push({
        at: row.index,
        source: row.block.source,
        confidence: 0.8,
        recognizer: 'tabella-stato-attuale',
        notes: [],
        label: label.slice(0, 500),
        value: numberIn(valueText),
        valueText: valueText.slice(0, 1000) || null,
        referenceDate,
      });
    }
    for (let i = table.start; i <= table.end; i += 1) claimed.push(i);
  }
  return { items, claimed };
}

function referenceBefore(lines: Line[], at: number): string | null {
  for (let i = at - 1; i >= Math.max(0, at - 10); i -= 1) {
    const m = REFERENCE.exec((lines[i] as Line).text);
    if (m) return parseTiming(m[1] ?? '').due;
  }
  return null;
}

/** The one quantity a value states ("sono avvenute 17479 transazioni"), never a year or a date. */
export function numberIn(text: string): number | null {
  const cleaned = text.replace(/\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g, ' ');
  const numbers = [...cleaned.matchAll(/(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d])/g)]
    .map((m) => Number(`${(m[1] ?? '').replace(/\./g, '')}.${m[2] ?? '0'}`))
    .filter((n) => !(Number.isInteger(n) && n >= 1990 && n <= 2100));
  return numbers.length === 1 ? (numbers[0] ?? null) : null;
}
