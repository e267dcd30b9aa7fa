import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, TextDocument } from '../text-model.js';
import { convertHtml } from './html.js';
import { plain, stripInlineHtml } from './text.js';

/**
 * Markdown → text model, with markdown-it: headings, paragraphs, list items and (pipe) table
 * rows, each with its source line. A paragraph whose lines start with "Label:" is split at those
 * lines, since people write "**Responsabilità:** …" and "**Tempi:** …" on consecutive lines.
 */
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
const LABEL_LINE = /^\W{0,4}\p{L}[\p{L}'’ ]{1,40}\W{0,4}:/u;

export function convertMarkdown(text: string): TextDocument {
  const tokens = md.parse(text, {});
  const sourceLines = text.split('\n');
  const blocks: Block[] = [];
  /** Tokens that start before this line were read as part of an HTML table. */
  let skipUntil = 0;
  let listDepth = 0;
  let row: { cells: string[]; line: number } | null = null;
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k] as Token;
    const line = (t.map?.[0] ?? 0) + 1;
    const source = { page: null, line };
    if (t.map && t.map[0] < skipUntil) continue;
    if (t.type === 'html_block' && /<table\b/i.test(t.content)) {
      // An HTML table inside Markdown (blank lines may cut it into several HTML blocks): read
      // the source from its first line to </table> as HTML, so its rows stay rows.
      const end = sourceLines.findIndex((l, n) => n >= line - 1 && /<\/table>/i.test(l));
      const last = end < 0 ? (t.map?.[1] ?? line) - 1 : end;
      const html = sourceLines.slice(line - 1, last + 1).join('\n');
      for (const b of convertHtml(html).blocks)
        blocks.push({ ...b, source: { page: null, line: b.source.line + line - 1 } });
      skipUntil = last + 1;
      continue;
    }
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') listDepth += 1;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') listDepth -= 1;
    else if (t.type === 'heading_open') {
      const inline = tokens[k + 1] as Token;
      blocks.push({
        kind: 'heading',
        level: Number(t.tag.slice(1)),
        text: plain(stripInlineHtml(inline.content)),
        emphasis: true,
        source,
      });
      k += 1;
    } else if (t.type === 'tr_open') row = { cells: [], line };
    else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
      row.cells.push(plain(stripInlineHtml((tokens[k + 1] as Token).content ?? '')));
    } else if (t.type === 'tr_close' && row) {
      blocks.push({
        kind: 'row',
        text: row.cells.filter(Boolean).join(' '),
        cells: row.cells,
        source: { page: null, line: row.line },
      });
      row = null;
    } else if (t.type === 'paragraph_open' && !row) {
      const inline = tokens[k + 1] as Token;
      splitLines(inline.content).forEach((part, p) => {
        const kind = listDepth > 0 && p === 0 ? 'item' : 'paragraph';
        blocks.push({
          kind,
          text: plain(stripInlineHtml(part)),
          emphasis: wholeEmphasis(part),
          source: { page: null, line: line + p },
        });
      });
      k += 1;
    } else if (t.type === 'html_block' || t.type === 'code_block' || t.type === 'fence') {
      const content = plain(stripInlineHtml(t.content));
      if (content) blocks.push({ kind: 'paragraph', text: content, source });
    }
  }
  return { format: 'markdown', blocks, pages: null, wrapped: false, warnings: [] };
}

/** Lines of a paragraph, kept apart where a line starts with a label. */
function splitLines(content: string): string[] {
  const out: string[] = [];
  for (const line of content.split('\n')) {
    const last = out.length - 1;
    if (last >= 0 && !LABEL_LINE.test(line.trim())) out[last] = `${out[last]} ${line}`;
    else out.push(line);
  }
  return out;
}

function wholeEmphasis(text: string): boolean {
  const t = text.trim();
  return /^(\*\*|__)(?:(?!\1).)+\1[.:;]?$/.test(t) || /^([*_])[^*_](?:(?!\1).)*\1[.:;]?$/.test(t);
}
