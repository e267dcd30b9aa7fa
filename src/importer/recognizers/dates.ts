import { parseTiming } from '../../domain/timing/parse-timing.js';

/**
 * Date expressions scattered in a table or a sheet ("Entro 30 settembre 2021", "Dicembre
 * 2022", "Da novembre 2020 al Dicembre 2023"), found so a sheet's deadline can be read even
 * when its table came out of a PDF in pieces.
 */

const MONTHS =
  'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
const YEAR = '(?:19|20)\\d\\d(?!\\d)';
const POINT = [
  `\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*${YEAR}`,
  `\\d{1,2}\\s*[°º]?\\s+(?:${MONTHS})\\s*(?:del\\s+)?${YEAR}`,
  `(?:(?:il\\s+)?mese\\s+di\\s+)?(?:${MONTHS})\\s*(?:del\\s+|di\\s+)?${YEAR}`,
  `fine\\s+(?:del\\s+|dell'anno\\s+)?${YEAR}`,
].join('|');
const LEAD = `(?:entro(?:\\s+e\\s+non\\s+oltre)?|per|da|dal|dalla|a\\s+partire\\s+da[l]?)\\s+(?:il\\s+|la\\s+|l'|al\\s+)?`;
const DATE_EXPR = new RegExp(
  `((?:da|dal)\\s+(?:${POINT})\\s+(?:a|al|all'|fino\\s+al)\\s+(?:${POINT}))` +
    `|(?:${LEAD})?(${POINT})|(entro\\s+(?:il\\s+)?${YEAR})`,
  'giu',
);

export interface DateExpression {
  text: string;
  due: string;
  index: number;
}

/** Every date expression in the text, with the deadline each one means. */
export function findDateExpressions(text: string): DateExpression[] {
  const found: DateExpression[] = [];
  for (const m of text.matchAll(DATE_EXPR)) {
    const words = m[0].replace(/\s+/g, ' ').trim();
    // The lead word ("per il", "dal") is kept in the words but not needed to date the point.
    const point = (m[1] ?? m[3] ?? m[2] ?? words).replace(/\s+/g, ' ').trim();
    const timing = parseTiming(point);
    // Keep the lead ("entro il") when the Timing parser reads it; otherwise the point alone.
    const text = parseTiming(words).due === timing.due ? words : point;
    if (timing.due) found.push({ text, due: timing.due, index: m.index });
  }
  return found;
}

/** The expression with the latest deadline: when a sheet's work is done. */
export function latestDate(text: string): DateExpression | null {
  let best: DateExpression | null = null;
  for (const d of findDateExpressions(text)) if (!best || d.due > best.due) best = d;
  return best;
}
