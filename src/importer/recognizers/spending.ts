import { cellUnder, tables } from './tables.js';
import type { Line } from './lines.js';
import type { DraftSpending } from './types.js';

/**
 * Spending tables ("La spesa per la transizione al digitale"): Titolo – Classe or Misura,
 * description, funding source (PNRR, bilancio comunale…), amount. Rows of a table whose header
 * names an amount, and lines that read as one ("Misura 1.4.4 SPID CIE PNRR € 14.000,00").
 */

const AMOUNT_HEADER = /importo|euro|€|spesa|costo|stanziament|valore|finanziamento concesso/i;
const CLASS_HEADER = /titolo|classe|misura|capitolo|missione|codice|investimento/i;
const DESCRIPTION_HEADER = /descrizione|oggetto|intervento|voce|progetto/i;
const FUNDING_HEADER = /provenienza|fonte|fondi|finanziament/i;
const FUNDING_WORDS =
  /\b(?:pnrr|bilancio|fondi|regione|regionale|fesr|fse|statal[ei]|comunal[ei]|propri|europe[io]|ue|mutuo|contribut)/i;
const AMOUNT =
  /^(?:€|euro|eur)?\s*(\d{1,3}(?:[.\s’']\d{3})+|\d+)(?:,(\d{1,2}))?\s*(?:€|euro|eur)?$/iu;
const INLINE_AMOUNT =
  /(?:€|euro)\s*(\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?|\d+(?:,\d{1,2})?)|(\d{1,3}(?:\.\d{3})*,\d{2})(?:\s*(?:€|euro))?/i;
const MEASURE =
  /(?:misura|investimento|m1c1|sub-?misura|avviso)\s*(?:m1c1\s*)?[-–]?\s*(\d\.\d{1,2}(?:\.\d{1,2})?)/i;
const CUP = /\b([A-Z]\d{2}[A-Z][0-9A-Z]{11})\b/;

/** "€ 121.992,00" → 121992; "0,00" → 0; null for anything that is not an amount. */
export function parseAmount(text: string): number | null {
  const m = AMOUNT.exec(text.trim());
  if (!m) return null;
  const units = Number((m[1] ?? '').replace(/[.\s’']/g, ''));
  const cents = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  const value = units + cents / 100;
  return Number.isFinite(value) && value <= 10_000_000_000 ? Math.round(value * 100) / 100 : null;
}

export function pnrrMeasureOf(text: string): string | null {
  const m = MEASURE.exec(text);
  const measure = m?.[1] ?? null;
  return measure && /^[1-9]\.\d{1,2}(\.\d{1,2})?$/.test(measure) ? measure : null;
}

export function recognizeSpending(lines: Line[]): { items: DraftSpending[]; claimed: number[] } {
  const items: DraftSpending[] = [];
  const claimed: number[] = [];
  for (const table of tables(lines)) {
    const h = table.rows.findIndex((r) => (r.block.cells ?? []).some((c) => AMOUNT_HEADER.test(c)));
    if (h < 0) continue;
    const header = table.rows[h] as Line;
    const cells = header.block.cells ?? [];
    const col = (re: RegExp, not: number[] = []) =>
      cells.findIndex((c, k) => re.test(c) && !not.includes(k));
    const amountCol = col(AMOUNT_HEADER);
    const classCol = col(CLASS_HEADER, [amountCol]);
    const descCol = col(DESCRIPTION_HEADER, [amountCol, classCol]);
    const fundCol = col(FUNDING_HEADER, [amountCol, classCol, descCol]);
    let found = 0;
    for (const row of table.rows.slice(h + 1)) {
      const get = (k: number) => (k >= 0 ? cellUnder(header, row, k).trim() : '');
      const amount = parseAmount(get(amountCol)) ?? lastAmount(row.block.cells ?? []);
      if (amount === null || /^totale\b/i.test(row.text)) continue;
      const classification = get(classCol) || null;
      const description = get(descCol);
      items.push(
        spendingItem(row, {
          classification,
          description,
          funding: get(fundCol),
          amount,
          confidence: 0.85,
        }),
      );
      found += 1;
    }
    if (found > 0) for (let i = table.start; i <= table.end; i += 1) claimed.push(i);
  }
  const taken = new Set(claimed);
  for (const line of lines) {
    if (taken.has(line.index) || line.block.kind === 'blank' || line.toc) continue;
    const item = spendingLine(line);
    if (item) {
      items.push(item);
      claimed.push(line.index);
    }
  }
  return { items, claimed };
}

function lastAmount(cells: string[]): number | null {
  for (let k = cells.length - 1; k >= 0; k -= 1) {
    const value = parseAmount(cells[k] ?? '');
    if (value !== null) return value;
  }
  return null;
}

/** A line outside a table that reads as a spending item: a measure or title, a source, an amount. */
function spendingLine(line: Line): DraftSpending | null {
  const text = line.text;
  if (
    text.length > 400 ||
    !/(?:€|euro)/i.test(text) ||
    !/^(?:misura|titolo|investimento)\b/i.test(text)
  )
    return null;
  const m = INLINE_AMOUNT.exec(text);
  const amount = m ? parseAmount(m[1] ?? m[2] ?? '') : null;
  if (amount === null || !m) return null;
  const head = text.slice(0, m.index).replace(/[-–:|\s]+$/, '');
  const funding = FUNDING_WORDS.exec(head)?.[0] ?? '';
  return spendingItem(line, {
    classification: /^(?:misura|investimento)\s*\S+/i.exec(head)?.[0] ?? null,
    description: head,
    funding,
    amount,
    confidence: 0.6,
  });
}

function spendingItem(
  line: Line,
  parts: {
    classification: string | null;
    description: string;
    funding: string;
    amount: number;
    confidence: number;
  },
): DraftSpending {
  const all = line.text;
  const pnrrMeasure = pnrrMeasureOf(parts.classification ?? '') ?? pnrrMeasureOf(parts.description);
  const funding =
    parts.funding || FUNDING_WORDS.exec(all)?.[0] || (pnrrMeasure ? 'PNRR' : 'non indicata');
  return {
    at: line.index,
    source: line.block.source,
    confidence: parts.confidence,
    recognizer: 'tabella-spesa',
    notes: [],
    classification: parts.classification?.slice(0, 300) ?? null,
    description: (parts.description || parts.classification || 'Voce di spesa').slice(0, 2000),
    fundingSource: funding.slice(0, 300),
    pnrrMeasure,
    cup: CUP.exec(all)?.[1] ?? null,
    amount: parts.amount,
  };
}
