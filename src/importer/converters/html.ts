import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { squash, type Block, type SourceFormat, type TextDocument } from '../text-model.js';

/**
 * HTML (and the HTML mammoth makes of a DOCX) → text model, with htmlparser2: headings, paragraphs,
 * list items and table rows become blocks; a block whose text is all bold or italic is marked
 * emphasized, as Word plans set their action titles. Source lines are the HTML's lines, or the
 * paragraph's number for a DOCX.
 */
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'li',
  'dl',
  'dt',
  'dd',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'body',
  'html',
  'nav',
  'form',
  'fieldset',
  'hr',
]);
const EMPHASIS = new Set(['b', 'strong', 'i', 'em']);

export function convertHtml(html: string, format: SourceFormat = 'html'): TextDocument {
  const root = parseDocument(html, { withStartIndices: true, decodeEntities: true });
  const lineOf = lineIndex(html);
  const blocks: Block[] = [];
  const source = (node: Element) => ({
    page: null,
    line: format === 'docx' ? blocks.length + 1 : lineOf(node.startIndex ?? 0),
  });
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') {
        if (
          node.type === 'text' &&
          squash(node.data) !== '' &&
          node.parent &&
          !isInline(node.parent as Element)
        ) {
          blocks.push({
            kind: 'paragraph',
            text: squash(node.data),
            source: { page: null, line: blocks.length + 1 },
          });
        }
        continue;
      }
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (SKIP.has(name)) continue;
      if (/^h[1-6]$/.test(name)) {
        const text = textOf(el);
        if (text)
          blocks.push({
            kind: 'heading',
            level: Number(name[1]),
            text,
            emphasis: true,
            source: source(el),
          });
      } else if (name === 'tr') {
        const cellElements = el.children.filter(
          (c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'),
        );
        const cells = cellElements.map(cellText);
        // The row's line is its first cell's: where its text starts.
        if (cells.some((c) => c !== ''))
          blocks.push({
            kind: 'row',
            text: cells.filter(Boolean).join(' '),
            cells,
            source: source(cellElements[0] ?? el),
          });
      } else if (name === 'li') {
        const text = textOf(el, true);
        if (text) blocks.push({ kind: 'item', text, emphasis: emphasized(el), source: source(el) });
        walk(el.children.filter((c) => c.type === 'tag' && /^(ul|ol)$/.test((c as Element).name)));
      } else if (
        name === 'p' ||
        name === 'dt' ||
        name === 'dd' ||
        (BLOCKS.has(name) && !hasBlockChild(el))
      ) {
        const text = textOf(el);
        if (text)
          blocks.push({ kind: 'paragraph', text, emphasis: emphasized(el), source: source(el) });
      } else walk(el.children);
    }
  };
  walk(root.children);
  return { format, blocks, pages: null, wrapped: false, warnings: [] };
}

function isInline(el: Element): boolean {
  return el.type === 'tag' && !BLOCKS.has(el.name.toLowerCase());
}

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => c.type === 'tag' && BLOCKS.has((c as Element).name.toLowerCase()));
}

/** The text of an element; nested lists are left out when `ownOnly` (they are items of their own). */
function textOf(el: Element, ownOnly = false): string {
  const parts: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push(n.data);
      else if (n.type === 'tag') {
        const name = n.name.toLowerCase();
        if (SKIP.has(name) || (ownOnly && (name === 'ul' || name === 'ol'))) continue;
        if (name === 'br' || BLOCKS.has(name)) parts.push(' ');
        visit(n.children);
      }
    }
  };
  visit(el.children);
  return squash(parts.join(''));
}

/** A table cell: its paragraphs and list items joined with "; ". */
function cellText(cell: Element): string {
  const parts = cell.children
    .map((c) =>
      c.type === 'tag' && /^(ul|ol)$/.test(c.name)
        ? c.children
            .filter((li) => li.type === 'tag')
            .map((li) => textOf(li as Element))
            .join('; ')
        : c.type === 'tag'
          ? textOf(c)
          : c.type === 'text'
            ? squash(c.data)
            : '',
    )
    .filter(Boolean);
  return parts.join('; ');
}

/** True when (nearly) all the text of an element is inside <b>/<strong>/<i>/<em>. */
function emphasized(el: Element): boolean {
  let all = 0;
  let marked = 0;
  const visit = (nodes: ChildNode[], inside: boolean) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        const len = n.data.trim().length;
        all += len;
        if (inside) marked += len;
      } else if (n.type === 'tag') visit(n.children, inside || EMPHASIS.has(n.name.toLowerCase()));
    }
  };
  visit(el.children, false);
  return all > 0 && marked / all >= 0.9;
}

/** Line number (from 1) of a character offset. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
