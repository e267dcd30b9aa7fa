import { looksWrapped, squash, type Block, type TextDocument } from '../text-model.js';

const HEADING = /^(#{1,6})\s+(.*)$/;
// Any list marker of the genre, including the private-use glyphs (U+F0xx) of symbol fonts
// that PDF and Word extraction give, and a lone 'o' before a capital.
const BULLET =
  /^\s*(?:[-–•●▪◦○■□➢➤►✓✔❖◆♦▸→·\uF000-\uF0FF*]|o(?=\s+\p{Lu})|\d{1,2}[.)]|[a-z][.)])\s+/u;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  egrave: 'è',
  agrave: 'à',
  ograve: 'ò',
  ugrave: 'ù',
  igrave: 'ì',
  eacute: 'é',
};

/**
 * Plain text and the "markdown-ish" text people paste from Word: one block per line, with the
 * light markup such text carries read rather than kept (# headings, **bold**, *italic*,
 * bullets, tab-separated table rows, stray inline HTML).
 */
export function convertText(text: string, format: 'text' | 'markdown' = 'text'): TextDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = lines.map((line, i) => lineBlock(line, i + 1));
  return { format, blocks, pages: null, wrapped: looksWrapped(lines), warnings: [] };
}

function lineBlock(raw: string, line: number): Block {
  const source = { page: null, line };
  const withoutHtml = stripInlineHtml(raw);
  if (withoutHtml.trim() === '' || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(withoutHtml)) {
    return { kind: 'blank', text: '', source };
  }
  if (/\t/.test(withoutHtml.trim())) {
    const cells = withoutHtml.split('\t').map((c) => plain(c));
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    if (cells.filter((c) => c !== '').length >= 2 || cells[0] === '') {
      return { kind: 'row', text: cells.filter(Boolean).join(' '), cells, source };
    }
  }
  // Text copied out of a PDF table keeps its columns as runs of spaces.
  const columns = withoutHtml.trim().split(/ {3,}/);
  if (columns.length >= 3) {
    const cells = columns.map((c) => plain(c));
    return { kind: 'row', text: cells.join(' '), cells, source };
  }
  const heading = HEADING.exec(withoutHtml.trim());
  if (heading) {
    const text = plain(heading[2] ?? '');
    return { kind: 'heading', level: heading[1]?.length ?? 1, text, emphasis: true, source };
  }
  const trimmed = withoutHtml.trim();
  const bullet = BULLET.exec(trimmed);
  const body = bullet ? trimmed.slice(bullet[0].length) : trimmed;
  const emphasis = wholeEmphasis(body) || /^\s*<(?:b|i|strong|em)>/i.test(raw);
  return { kind: bullet ? 'item' : 'paragraph', text: plain(body), emphasis, source };
}

/** `**text**`, `*text*`, `_text_`: the whole line is emphasized (a label or a title). */
function wholeEmphasis(text: string): boolean {
  const t = text.trim();
  if (/^(\*\*|__)[^*_].*\1[.:;]?$/.test(t) && !/^(\*\*|__).*\1.+\1/.test(t)) return true;
  return /^[*_][^*_].*[^*_\s][*_][.:;]?$/.test(t) && !/^\*[^*]*\*\s+\S/.test(t.slice(0, -1));
}

/** Inline HTML left by converters: list items become "; "-separated, tags vanish. */
export function stripInlineHtml(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<\/li>\s*<li[^>]*>/gi, '; ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, name: string) => decodeEntity(m, name));
}

function decodeEntity(match: string, name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return ENTITIES[name.toLowerCase()] ?? match;
}

/** Markdown emphasis and link syntax removed, bullets inside cells removed, spaces collapsed. */
export function plain(text: string): string {
  return squash(
    text
      .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1')
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(/(\*\*|__)(.*?)\1/g, '$2')
      .replace(/(^|[\s(«"“])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=$|[\s.,;:)»"”])/g, '$1$2')
      .replace(/[*]{2,}/g, '')
      .replace(/(^|;\s*)[•●▪◦]\s*/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'),
  );
}
