/**
 * General repairs for text that came out of a PDF, none tied to one document:
 * - words printed letter by letter ("V i a d a n a") or cut by stray spaces ("pro t ocollo");
 * - words hyphenated at the end of a line ("documen-" / "ti");
 * - headers, footers and page numbers repeated on every page (see removeRunningLines).
 */

/** Italian words of one letter: never glued to their neighbours. */
const ONE_LETTER_WORDS = new Set(['a', 'e', 'è', 'i', 'o', 'é', 'ù', 'à', 'ò']);

/** "V i a d a n a" → "Viadana"; "pro t ocollo" → "protocollo". */
export function joinSpacedLetters(text: string): string {
  const tokens = text.split(' ');
  if (tokens.length < 3) return text;
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    // A run of three or more single letters is one word spelled out.
    let run = k;
    while (run < tokens.length && /^\p{L}$/u.test(tokens[run] ?? '')) run += 1;
    // The last letter may carry the punctuation that follows the word ("n a,").
    if (run > k && /^\p{L}[.,;:)]$/u.test(tokens[run] ?? '')) run += 1;
    const letters = tokens.slice(k, run);
    const spelled =
      run - k >= 3 &&
      !letters.every((t) => t === 'X' || t === 'x') &&
      (run - k >= 5 || letters.some((t) => !ONE_LETTER_WORDS.has(t.charAt(0).toLowerCase())));
    if (spelled) {
      out.push(tokens.slice(k, run).join(''));
      k = run - 1;
      continue;
    }
    const token = tokens[k] ?? '';
    const previous = out.at(-1);
    const next = tokens[k + 1];
    // A lone lower-case consonant between two lower-case word pieces is a broken word.
    if (
      /^\p{Ll}$/u.test(token) &&
      !ONE_LETTER_WORDS.has(token) &&
      previous !== undefined &&
      next !== undefined &&
      /^\p{Ll}{2,}$/u.test(previous) &&
      /^\p{Ll}{2,}[.,;:]?$/u.test(next)
    ) {
      out[out.length - 1] = `${previous}${token}${next}`;
      k += 1;
      continue;
    }
    out.push(token);
  }
  return out.join(' ');
}

/**
 * Joins a word hyphenated across two lines: the first line gets the whole word, the second
 * loses its first piece. Only lower-case letters on both sides, so "e-" + "service" and
 * "2021-" + "2023" stay as they are... unless the second piece is clearly a continuation.
 */
export function dehyphenate(lines: string[]): string[] {
  const out = [...lines];
  for (let k = 0; k < out.length - 1; k += 1) {
    const line = out[k] ?? '';
    const next = out[k + 1] ?? '';
    const end = /(\p{Ll}{2,})-$/u.exec(line.trimEnd());
    const start = /^\s*(\p{Ll}+)([.,;:)]?)(\s+|$)/u.exec(next);
    if (!end || !start) continue;
    out[k] = `${line.trimEnd().slice(0, -1)}${start[1]}${start[2]}`;
    out[k + 1] = next.slice(start[0].length).trimStart();
  }
  return out;
}

/** A line that is only a page number: "14", "- 3 -", "Pag. 3", "Pagina 3 di 20", "3/20". */
export function isPageNumber(text: string): boolean {
  return /^(?:[-–]\s*)?(?:pag(?:ina|\.)?\s*)?\d{1,4}(?:\s*(?:di|\/)\s*\d{1,4})?(?:\s*[-–])?$/i.test(
    text.trim(),
  );
}

const PAGE_MARK = /\bpag(?:ina|\.)?\s*\d{1,4}(?:\s*(?:di|\/)\s*\d{1,4})?/gi;

/**
 * Lower case, spaces squashed, page marks ("pag. 3 di 20") and cells that are only a number
 * dropped: a running header reads the same on every page, while lines that merely look alike
 * ("Tempi: entro il 2025" on each page) stay apart.
 */
function shape(line: { text: string; cells?: string[] }): string {
  const parts =
    line.cells && line.cells.length > 1
      ? line.cells.filter((c) => !/^\d{1,4}$/.test(c.trim()))
      : [line.text];
  return parts.join(' ').toLowerCase().replace(PAGE_MARK, '').replace(/\s+/g, ' ').trim();
}

/**
 * Removes lines repeated at the top or bottom of most pages (running headers and footers) and
 * page numbers there. `edgeLines` lines at each end of a page are candidates (one on short pages).
 */
export function removeRunningLines<T extends { text: string; cells?: string[] }>(
  pages: T[][],
  edgeLines = 3,
): T[][] {
  // On short pages only the first and last line can be a header or a footer.
  const zoneOf = (lines: T[]) => (lines.length >= 4 * edgeLines ? edgeLines : 1);
  if (pages.length < 3) {
    return pages.map((lines) => lines.filter((l, k) => !edgeNumber(lines, l, k, zoneOf(lines))));
  }
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set(edges(lines, zoneOf(lines)).map((l) => shape(l)));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.5));
  return pages.map((lines) =>
    lines.filter((l, k) => {
      const zone = zoneOf(lines);
      const atEdge = k < zone || k >= lines.length - zone;
      if (!atEdge) return true;
      if (isPageNumber(l.text)) return false;
      return (counts.get(shape(l)) ?? 0) < threshold || shape(l) === '';
    }),
  );
}

function edges<T>(lines: T[], zone: number): T[] {
  return lines.length <= zone * 2 ? lines : [...lines.slice(0, zone), ...lines.slice(-zone)];
}

function edgeNumber<T extends { text: string }>(lines: T[], line: T, k: number, zone: number) {
  return (k < zone || k >= lines.length - zone) && isPageNumber(line.text);
}
