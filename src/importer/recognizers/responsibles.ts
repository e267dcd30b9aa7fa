/**
 * Splits "RTD, Responsabile Servizi Finanziari e Responsabili delle Aree" into the roles it
 * names. Commas and " e " separate roles only where a new role starts (a capitalized word, or a
 * word roles begin with), so "Responsabile della gestione documentale e della conservazione"
 * stays one role and parentheses are never split.
 */

const ROLE_HEAD =
  /^(?:(?:il|la|lo|i|gli|le|l')\s*)?(?:rtd|responsabil|resp\.|referent|uffic|uff\.|serviz|settor|area|aree|segretari|dirigent|amministrator|giunta|sindac|ced|dpo|rpct|polizia|personale|tutt[ieoa]|direttor|direzion|u\.?o\b|unit[àa]|comitat|consigli|staff|grupp|team|assessor|dipendent|funzionari|incaricat|fornitor|ditt[ae]|societ[àa]|dott|ing\.|avv\.|arch\.|geom\.|regia|coordinament|progettazion|altr[ieoa]|nucleo|operator|capo|titolar)/i;

const MAX_ROLES = 50;
const MAX_LENGTH = 300;

export function splitResponsibles(value: string): string[] {
  const text = value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-–•:\s]+/, '')
    .replace(/[.;,\s]+$/, '');
  if (text === '') return [];
  const parts: string[] = [];
  for (const piece of splitTopLevel(text).flatMap(unitsOfEnte)) {
    const part = piece.trim().replace(/^[-–•]\s*/, '');
    if (part === '') continue;
    const previous = parts.length - 1;
    if (previous >= 0 && !startsRole(part)) parts[previous] = `${parts[previous]}, ${part}`;
    else parts.push(part);
  }
  return parts
    .flatMap(splitAnd)
    .map((p) => p.replace(/[.;,:\s]+$/, '').trim())
    .filter((p) => p.length > 0)
    .map((p) => (p.length > MAX_LENGTH ? `${p.slice(0, MAX_LENGTH - 1)}…` : p))
    .slice(0, MAX_ROLES);
}

const ENTE_WITH_UNITS =
  /^\s*(?:il\s+)?(?:comune|ente|amministrazione(?: comunale)?)\s*\(([^()]+)\)\s*$/i;

/** "Comune (Servizio Innovazione, Servizio Personale)": the units named are the responsibles. */
function unitsOfEnte(piece: string): string[] {
  const m = ENTE_WITH_UNITS.exec(piece);
  return m ? (m[1] ?? '').split(/[,;]/) : [piece];
}

function startsRole(part: string): boolean {
  return ROLE_HEAD.test(part) || /^\p{Lu}/u.test(part);
}

/** Splits at commas, semicolons and slashes between roles, outside parentheses. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth += 1;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** "RTD e Responsabile della Gestione Documentale" → two roles; "e della conservazione" → one. */
function splitAnd(part: string): string[] {
  const out: string[] = [];
  const pattern = /\s+(?:e|ed|E|ED)\s+(?![^(]*\))/g;
  let start = 0;
  for (const m of part.matchAll(pattern)) {
    const after = part.slice(m.index + m[0].length);
    if (!ROLE_HEAD.test(after)) continue;
    out.push(part.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(part.slice(start));
  return out;
}
