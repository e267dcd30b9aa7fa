/**
 * The outline as one standalone, accessible HTML page: no external resources (inline CSS,
 * embedded font, inline SVG charts), lang="it" or "en", one h1 (the document's title) and the outline's headings one
 * level below it, a linked table of contents in a nav landmark, tables with captions, column
 * and row headers (th scope), and figures whose SVG carries a title read by screen readers.
 */
import { readFileSync } from 'node:fs';
import { chartSvg } from './charts.js';
import { CSS_FONT_STACK, FONT_FAMILY, FONT_FILES } from './fonts.js';
import { labelsFor, langOfTag, type DocumentLabels } from './labels.js';
import {
  cellBold,
  cellText,
  type Block,
  type DocumentOutline,
  type Run,
  type TableBlock,
} from './outline.js';

export function renderHtml(outline: DocumentOutline): string {
  const out: string[] = [];
  const c = outline.cover;
  const words = labelsFor(langOfTag(outline.lang));
  out.push(
    '<!DOCTYPE html>',
    `<html lang="${outline.lang.slice(0, 2)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(outline.title)} – ${esc(outline.author)}</title>`,
    `<meta name="author" content="${esc(outline.author)}">`,
    `<meta name="description" content="${esc(outline.subject)}">`,
    `<meta name="keywords" content="${esc(outline.keywords.join(', '))}">`,
    '<meta name="generator" content="piano">',
    `<style>${fontFaces()}${CSS}</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#contenuto">${esc(words.skipToContent)}</a>`,
    '<header class="cover">',
    `<p class="org">${esc(c.organization)}</p>`,
    ...c.organizationDetails.map((d) => `<p class="org-details">${esc(d)}</p>`),
    `<h1>${esc(c.title)}</h1>`,
    `<p class="period">${esc(c.period)}</p>`,
    c.details.length > 0
      ? `<ul class="details">${c.details.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`
      : '',
    '</header>',
  );
  out.push(toc(outline));
  out.push('<main id="contenuto">');
  let tables = 0;
  let figures = 0;
  for (const block of outline.blocks) {
    if (block.kind === 'table') tables += 1;
    if (block.kind === 'chart') figures += 1;
    out.push(blockHtml(block, tables, figures, words));
  }
  out.push(
    '</main>',
    `<footer><p>${esc(outline.header)} – ${esc(outline.title)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  );
  return out.join('\n');
}

let faces: string | undefined;

/**
 * Titillium Web regular and bold embedded as data URLs (about 150 KB): the page looks the same
 * everywhere, and the SVG charts' labels, laid out for this font's widths, fit where they should.
 */
function fontFaces(): string {
  faces ??= (
    [
      [FONT_FILES.regular, 400],
      [FONT_FILES.bold, 700],
    ] as const
  )
    .map(
      ([file, weight]) =>
        `@font-face{font-family:'${FONT_FAMILY}';font-style:normal;font-weight:${weight};font-display:swap;src:url(data:font/ttf;base64,${readFileSync(file).toString('base64')}) format('truetype')}`,
    )
    .join('');
  return faces;
}

function toc(outline: DocumentOutline): string {
  const items: string[] = [];
  let open = false;
  for (const b of outline.blocks) {
    if (b.kind !== 'heading' || b.level > 2) continue;
    const link = `<a href="#${b.id}">${esc(b.text)}</a>`;
    if (b.level === 1) {
      if (open) items.push('</ol></li>');
      items.push(`<li>${link}<ol>`);
      open = true;
    } else {
      items.push(`<li>${link}</li>`);
    }
  }
  if (open) items.push('</ol></li>');
  const html = items.join('').replace(/<ol><\/ol>/g, '');
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${esc(outline.tocTitle)}</h2><ol>${html}</ol></nav>`;
}

function blockHtml(
  block: Block,
  tableNumber: number,
  figureNumber: number,
  words: DocumentLabels,
): string {
  switch (block.kind) {
    case 'heading': {
      const level = block.level + 1;
      return `<h${level} id="${block.id}">${esc(block.text)}</h${level}>`;
    }
    case 'paragraph':
      return `<p${block.style === 'note' ? ' class="note"' : ''}>${runsHtml(block.runs)}</p>`;
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${runsHtml(i)}</li>`).join('')}</ul>`;
    case 'fields':
      return block.items
        .map((i) => `<p class="field"><strong>${esc(i.label)}:</strong> ${runsHtml(i.value)}</p>`)
        .join('\n');
    case 'table':
      return tableHtml(block, tableNumber, words);
    case 'chart':
      return `<figure id="${block.id}" class="chart">${chartSvg(block.chart, { id: block.id, inline: true })}<figcaption>${esc(words.figure)} ${figureNumber} – ${esc(block.caption)}</figcaption></figure>`;
    case 'pageBreak':
      return '<hr class="page-break">';
  }
}

function tableHtml(t: TableBlock, n: number, words: DocumentLabels): string {
  const align = (i: number) => {
    const a = t.columns[i]?.align;
    return a && a !== 'left' ? ` class="${a}"` : '';
  };
  const cells = (row: TableBlock['rows'][number], total: boolean) =>
    row
      .map((c, i) => {
        const text = cellText(c)
          .split('\n')
          .map((l) => esc(l))
          .join('<br>');
        const content = total || cellBold(c) ? `<strong>${text}</strong>` : text;
        return i === 0 && (t.rowHeaders || total)
          ? `<th scope="row"${align(i)}>${content}</th>`
          : `<td${align(i)}>${content}</td>`;
      })
      .join('');
  const head = t.columns.map((c, i) => `<th scope="col"${align(i)}>${esc(c.header)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${cells(r, false)}</tr>`).join('\n');
  const foot = t.totals?.length
    ? `<tfoot>${t.totals.map((r) => `<tr>${cells(r, true)}</tr>`).join('')}</tfoot>`
    : '';
  return `<div class="table-wrap" role="region" aria-labelledby="${t.id}-caption" tabindex="0"><table id="${t.id}"${t.compact ? ' class="compact"' : ''}><caption id="${t.id}-caption">${esc(words.table)} ${n} – ${esc(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot}</table></div>`;
}

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      let html = esc(r.text);
      if (r.bold) html = `<strong>${html}</strong>`;
      if (r.italic) html = `<em>${html}</em>`;
      if (r.link) html = `<a href="${esc(r.link)}">${html}</a>`;
      return html;
    })
    .join('');
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const CSS = `
:root{--blue:#0066CC;--dark:#004D99;--text:#1A1A1A;--muted:#5C6F82;--rule:#C5CED8;--head:#E6F0FA;--total:#F2F5F8}
*{box-sizing:border-box}
body{margin:0 auto;max-width:62rem;padding:0 1.25rem 3rem;font-family:${CSS_FONT_STACK};font-size:1.0625rem;line-height:1.55;color:var(--text);background:#fff}
a{color:var(--blue)}
a:focus,.table-wrap:focus{outline:3px solid #FFB000;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.cover{border-top:.6rem solid var(--blue);padding:3rem 0 2rem;margin-bottom:2rem;border-bottom:1px solid var(--rule)}
.cover .org{font-size:1.6rem;font-weight:700;color:var(--dark);margin:0}
.cover .org-details{margin:.1rem 0;color:var(--muted)}
.cover h1{font-size:2.4rem;line-height:1.15;margin:2rem 0 .5rem}
.cover .period{font-size:1.3rem;font-weight:600;color:var(--dark);margin:0 0 1rem}
.cover .details{list-style:none;padding:0;margin:0}
.toc{background:#F7F9FB;border:1px solid var(--rule);padding:1rem 1.5rem;margin-bottom:2rem}
.toc h2{margin-top:0;padding-top:0;border-top:0;font-size:1.3rem;color:var(--dark)}
.toc ol{margin:0;padding-left:0;list-style:none}.toc ol ol{padding-left:1.2rem;font-size:.95rem}
.toc li{margin:.15rem 0}
h2{font-size:1.75rem;color:var(--dark);margin:3rem 0 1rem;padding-top:.5rem;border-top:2px solid var(--blue)}
h3{font-size:1.35rem;color:var(--dark);margin:2rem 0 .6rem}
h4{font-size:1.15rem;margin:1.5rem 0 .4rem}
h5{font-size:1.05rem;margin:1.4rem 0 .3rem}
p{margin:.3rem 0 .7rem}
p.field{margin:.15rem 0}
p.note{font-size:.9rem;color:var(--muted)}
.table-wrap{overflow-x:auto;margin:1rem 0 1.5rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
table.compact{font-size:.85rem}
caption{text-align:left;font-weight:700;color:var(--muted);padding:.3rem 0}
th,td{padding:.35rem .5rem;vertical-align:top;text-align:left;border-bottom:1px solid var(--rule)}
thead th{background:var(--head);color:var(--dark);border-bottom:2px solid var(--dark)}
tbody th{font-weight:400}
tfoot th,tfoot td{background:var(--total);border-top:2px solid var(--dark)}
.right{text-align:right;white-space:nowrap}.center{text-align:center}
figure.chart{margin:1.5rem 0}
figcaption{font-size:.9rem;font-style:italic;color:var(--muted)}
footer{margin-top:3rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.9rem}
hr.page-break{border:0}
@media print{body{max-width:none;padding:0}.skip{display:none}h2{break-before:page;border-top:0}.table-wrap{overflow:visible}tr{break-inside:avoid}}
`
  .replace(/\n/g, '')
  .trim();
