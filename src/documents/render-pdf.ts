/**
 * The outline as a tagged PDF 1.7 (pdfkit): real embedded fonts (Titillium Web, subset), text
 * that can be selected and searched, a structure tree (Document, H1–H4, P, L/LI, Table/TR/TH/TD,
 * Figure with alternative text, TOC/TOCI), document language it-IT or en-GB, the title shown by viewers,
 * bookmarks, a linked table of contents with page numbers, a running header with the
 * organization's name and "Pagina N di M" footers marked as pagination artifacts.
 *
 * Pages are buffered: the table of contents reserves its pages after the cover and is written
 * last, once every heading's page is known; headers and footers are written on every page at
 * the end, when the page count is known.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { chartScene, type Scene } from './charts.js';
import { FONT_FILES } from './fonts.js';
import { labelsFor, langOfTag, type DocumentLabels } from './labels.js';
import { PdfText, type SetText, type TextOptions, type TextRun } from './pdf-text.js';
import {
  cellBold,
  cellText,
  type Block,
  type ChartBlock,
  type DocumentOutline,
  type HeadingBlock,
  type Run,
  type TableBlock,
} from './outline.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 62, left: 62, right: 62 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLOR = {
  text: '#1A1A1A',
  heading: '#004D99',
  muted: '#5C6F82',
  link: '#0066CC',
  rule: '#C5CED8',
  headerFill: '#E6F0FA',
  totalFill: '#F2F5F8',
};
const BODY_SIZE = 10.5;
const HEADING: Record<HeadingBlock['level'], { size: number; before: number; after: number }> = {
  1: { size: 19, before: 0, after: 12 },
  2: { size: 14.5, before: 16, after: 8 },
  3: { size: 12.5, before: 12, after: 6 },
  4: { size: 11.5, before: 12, after: 4 },
};

type FontName = keyof typeof FONT_FILES;
let sharedFonts: Record<FontName, fontkit.Font> | undefined;

/** The fonts, read and parsed once per process. */
function fonts(): Record<FontName, fontkit.Font> {
  sharedFonts ??= {
    regular: parseFont(FONT_FILES.regular),
    italic: parseFont(FONT_FILES.italic),
    semibold: parseFont(FONT_FILES.semibold),
    bold: parseFont(FONT_FILES.bold),
  };
  return sharedFonts;
}

const parseFont = (path: string) => fontkit.create(readFileSync(path)) as fontkit.Font;

/** Pages' text area, for text that continues on the next page. */
const PAGINATION = { top: MARGIN.top, bottom: PAGE.height - MARGIN.bottom };

const runFont = (r: Run): FontName => (r.bold ? 'bold' : r.italic ? 'italic' : 'regular');

interface TocEntry {
  level: number;
  text: string;
  id: string;
  page: number;
}

export async function renderPdf(outline: DocumentOutline): Promise<Buffer> {
  const doc = new PDFDocument({
    // No default font: pdfkit would load Helvetica's metrics for nothing.
    font: null as never,
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: outline.lang,
    displayTitle: true,
    info: {
      Title: outline.title,
      Author: outline.author,
      Subject: outline.subject,
      Keywords: outline.keywords.join(', '),
      Creator: 'piano',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = fonts();
  for (const name of Object.keys(f) as FontName[]) doc.registerFont(name, f[name] as never, name);

  const w = new PdfWriter(doc, new PdfText(doc, f), outline);
  w.cover();
  const tocPages = w.reserveToc();
  doc.addPage();
  for (const block of outline.blocks) w.block(block);
  w.writeToc(tocPages);
  w.pageFurniture();
  w.root.end();
  doc.end();
  return done;
}

class PdfWriter {
  readonly root: Struct;
  private readonly toc: TocEntry[] = [];
  private tocStruct: Struct | undefined;
  private tableNumber = 0;
  private figureNumber = 0;
  private outlineParents: (PDFKit.PDFOutline | undefined)[] = [];
  /** The fixed words of captions and page numbers, in the outline's language. */
  private readonly words: DocumentLabels;

  constructor(
    private readonly doc: Doc,
    private readonly text: PdfText,
    private readonly outline: DocumentOutline,
  ) {
    this.words = labelsFor(langOfTag(outline.lang));
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  private get maxY(): number {
    return PAGE.height - MARGIN.bottom;
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.maxY && this.doc.y > MARGIN.top + 1) this.doc.addPage();
  }

  private add(type: string, draw: () => void, options: Record<string, string> = {}) {
    this.root.add(this.doc.struct(type, options, [draw]));
  }

  /** A structure element holding one block of text set from `y`; the cursor moves below it. */
  private addText(
    type: string,
    runs: TextRun[],
    x: number,
    y: number,
    options: TextOptions,
  ): SetText {
    const set = this.text.set(runs, x, y, options, PAGINATION);
    this.add(type, () => set.draw());
    this.doc.y = set.bottom;
    return set;
  }

  cover() {
    const { doc, outline, text } = this;
    const c = outline.cover;
    const width = CONTENT_WIDTH;
    doc.markContent('Artifact', { type: 'Layout' } as never);
    doc.rect(0, 0, PAGE.width, 14).fill('#0066CC');
    doc.rect(MARGIN.left, 300, 60, 4).fill('#0066CC');
    doc.endMarkedContent();
    const run = (value: string, font: FontName, color: string): TextRun[] => [
      { text: value, font, color },
    ];
    this.addText('P', run(c.organization, 'bold', COLOR.heading), MARGIN.left, 150, {
      size: 24,
      width,
    });
    for (const line of c.organizationDetails) {
      this.addText('P', run(line, 'regular', COLOR.muted), MARGIN.left, doc.y, {
        size: 12,
        width,
      });
    }
    this.addText('P', run(c.title, 'bold', COLOR.text), MARGIN.left, 320, {
      size: 28,
      width,
      lineGap: -6,
    });
    doc.y += text.lineHeight('bold', 28) * 0.3;
    this.addText('P', run(c.period, 'semibold', COLOR.heading), MARGIN.left, doc.y, {
      size: 16,
      width,
    });
    doc.y += text.lineHeight('semibold', 16) * 1.2;
    for (const line of c.details) {
      this.addText('P', run(line, 'regular', COLOR.text), MARGIN.left, doc.y, {
        size: 11.5,
        width,
      });
      doc.y += text.lineHeight('regular', 11.5) * 0.35;
    }
  }

  /** Adds the pages the table of contents will need, and returns their indexes. */
  reserveToc(): number[] {
    const { doc } = this;
    const entries = this.outline.blocks.filter(
      (b): b is HeadingBlock => b.kind === 'heading' && b.level <= 2,
    );
    let height = 44;
    for (const e of entries) height += this.tocEntryHeight(e.text, e.level) + 3;
    const available = this.maxY - MARGIN.top;
    const count = Math.max(1, Math.ceil(height / available));
    const pages: number[] = [];
    for (let i = 0; i < count; i += 1) {
      doc.addPage();
      pages.push(this.pageIndex);
    }
    this.tocStruct = doc.struct('TOC');
    this.root.add(this.tocStruct);
    return pages;
  }

  private tocEntryHeight(text: string, level: number) {
    return this.text.height([tocRun(text, level)], {
      size: tocSize(level),
      width: CONTENT_WIDTH - 50 - (level - 1) * 16,
    });
  }

  writeToc(pages: number[]) {
    const { doc, text } = this;
    const toc = this.tocStruct;
    if (!toc || pages[0] === undefined) return;
    let pageCursor = 0;
    doc.switchToPage(pages[0]);
    doc.y = MARGIN.top;
    const title = text.set(
      [{ text: this.outline.tocTitle, font: 'bold', color: COLOR.heading }],
      MARGIN.left,
      MARGIN.top,
      { size: HEADING[1].size, width: CONTENT_WIDTH },
    );
    toc.add(doc.struct('H1', {}, [() => title.draw()]));
    doc.y = title.bottom + 14;
    for (const e of this.toc) {
      const indent = (e.level - 1) * 16;
      const height = this.tocEntryHeight(e.text, e.level);
      if (doc.y + height > this.maxY) {
        pageCursor += 1;
        const next = pages[pageCursor];
        if (next === undefined) break;
        doc.switchToPage(next);
        doc.y = MARGIN.top;
      }
      const y = doc.y;
      const size = tocSize(e.level);
      const run = { ...tocRun(e.text, e.level), link: e.page };
      const titleWidth = CONTENT_WIDTH - 50 - indent;
      const entry = text.set([run], MARGIN.left + indent, y, { size, width: titleWidth });
      const number = String(e.page + 1);
      const numberWidth = text.width(number, run.font, size);
      // TOCI > Link, so that the entry's link annotations are tagged with their Link element.
      const link = doc.struct('Link', {}, [
        () => {
          entry.draw();
          const textWidth = text.width(e.text, run.font, size);
          if (textWidth <= titleWidth) {
            const from = MARGIN.left + indent + textWidth + 4;
            const to = MARGIN.left + CONTENT_WIDTH - numberWidth - 4;
            const baseline = y + size * 0.95;
            if (to > from) {
              doc
                .save()
                .lineWidth(0.8)
                .lineCap('round')
                .dash(0.01, { space: 3 })
                .strokeColor(COLOR.muted)
                .moveTo(from, baseline)
                .lineTo(to, baseline)
                .stroke()
                .undash()
                .restore();
            }
          }
          text
            .set([{ ...run, text: number }], MARGIN.left + CONTENT_WIDTH - numberWidth, y, {
              size,
              width: numberWidth + 1,
            })
            .draw();
        },
      ]);
      toc.add(doc.struct('TOCI', {}, [link]));
      doc.y = entry.bottom + (e.level === 1 ? 5 : 2.5);
    }
    toc.end();
  }

  block(block: Block) {
    switch (block.kind) {
      case 'heading':
        return this.heading(block);
      case 'paragraph':
        return this.paragraph(block.runs, block.style === 'note');
      case 'list':
        return this.list(block.items);
      case 'fields':
        for (const item of block.items) {
          this.paragraph([{ text: `${item.label}: `, bold: true }, ...item.value], false, 3);
        }
        return;
      case 'table':
        return this.table(block);
      case 'chart':
        return this.chart(block);
      case 'pageBreak':
        this.doc.addPage();
        return;
    }
  }

  private heading(h: HeadingBlock) {
    const { doc } = this;
    const style = HEADING[h.level];
    if (h.level === 1) {
      if (doc.y > MARGIN.top + 1) doc.addPage();
    } else {
      doc.y += style.before;
      const height = this.text.height([{ text: h.text, font: 'bold', color: COLOR.text }], {
        size: style.size,
        width: CONTENT_WIDTH,
      });
      this.ensureSpace(height + 60);
    }
    doc.addNamedDestination(h.id, 'XYZ', MARGIN.left, doc.y, null as never);
    this.addBookmark(h);
    if (h.level <= 2)
      this.toc.push({ level: h.level, text: h.text, id: h.id, page: this.pageIndex });
    const color = h.level <= 2 ? COLOR.heading : COLOR.text;
    this.addText(`H${h.level}`, [{ text: h.text, font: 'bold', color }], MARGIN.left, doc.y, {
      size: style.size,
      width: CONTENT_WIDTH,
    });
    doc.y += style.after;
  }

  private addBookmark(h: HeadingBlock) {
    if (h.level > 3) return;
    const parent = h.level === 1 ? this.doc.outline : this.outlineParents[h.level - 1];
    if (!parent) return;
    const item = parent.addItem(h.text);
    this.outlineParents[h.level] = item;
    this.outlineParents.length = h.level + 1;
  }

  private paragraph(runs: Run[], note = false, after = 6) {
    const size = note ? 9 : BODY_SIZE;
    this.ensureSpace(size * 2.6);
    const color = note ? COLOR.muted : COLOR.text;
    const [element, set] = this.runsStruct('P', runs, size, color, MARGIN.left, CONTENT_WIDTH);
    this.root.add(element);
    this.doc.y = set.bottom + after;
  }

  /**
   * A structure element holding runs of text set from the cursor. Text with links gets one Span
   * or Link element per run, so that each link annotation belongs to its Link element as tagged
   * PDF requires.
   */
  private runsStruct(
    type: string,
    runs: Run[],
    size: number,
    color: string,
    x: number,
    width: number,
  ): [Struct, SetText] {
    const { doc } = this;
    const textRuns: TextRun[] = runs.map((r) => ({
      text: r.text,
      font: runFont(r),
      color: r.link ? COLOR.link : color,
      link: r.link ?? null,
      underline: !!r.link,
    }));
    const set = this.text.set(textRuns, x, doc.y, { size, width, lineGap: 1.5 }, PAGINATION);
    if (!runs.some((r) => r.link)) return [doc.struct(type, {}, [() => set.draw()]), set];
    const element = doc.struct(type);
    runs.forEach((r, i) =>
      element.add(doc.struct(r.link ? 'Link' : 'Span', {}, [() => set.drawRun(i)])),
    );
    element.end();
    return [element, set];
  }

  private list(items: Run[][]) {
    const { doc } = this;
    const list = doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      this.ensureSpace(BODY_SIZE * 1.6);
      const y = doc.y;
      const li = doc.struct('LI');
      list.add(li);
      li.add(
        doc.struct('Lbl', {}, [
          () => this.text.drawAt('•', 'regular', BODY_SIZE, COLOR.heading, MARGIN.left + 6, y),
        ]),
      );
      const [body, set] = this.runsStruct(
        'LBody',
        item,
        BODY_SIZE,
        COLOR.text,
        MARGIN.left + 18,
        CONTENT_WIDTH - 18,
      );
      li.add(body);
      li.end();
      doc.y = set.bottom + 2.5;
    }
    list.end();
    doc.y += 4;
  }

  private table(t: TableBlock) {
    const { doc } = this;
    const size = t.compact ? 8.5 : 9.5;
    const pad = 4;
    const totalWeight = t.columns.reduce((s, c) => s + c.weight, 0);
    const widths = t.columns.map((c) => (c.weight / totalWeight) * CONTENT_WIDTH);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, v) => s + v, 0));
    const textWidth = (i: number) => (widths[i] ?? 0) - pad * 2;
    const fontOf = (bold: boolean): FontName => (bold ? 'bold' : 'regular');
    const cellOptions = (i: number): TextOptions => ({
      size,
      width: textWidth(i),
      lineGap: 1,
      align: t.columns[i]?.align ?? 'left',
    });
    const textHeight = (text: string, i: number, bold: boolean) => {
      if (!text) return 0;
      const font = fontOf(bold);
      // Most cells hold one short line: measuring its width is cheaper than wrapping it.
      if (!text.includes('\n') && this.text.width(text, font, size) <= textWidth(i)) {
        return this.text.lineHeight(font, size, 1);
      }
      return this.text.height([{ text, font, color: COLOR.text }], cellOptions(i));
    };
    const rowHeight = (texts: string[], bold: boolean[]) =>
      Math.max(...texts.map((text, i) => textHeight(text, i, bold[i] ?? false)), size) + pad * 2;
    const headerTexts = t.columns.map((c) => c.header);
    const headerBold = headerTexts.map(() => true);
    const headerHeight = rowHeight(headerTexts, headerBold);
    this.tableNumber += 1;
    const caption = `${this.words.table} ${this.tableNumber} – ${t.caption}`;

    const firstRow = t.rows[0] ?? t.totals?.[0] ?? [];
    const firstHeight = rowHeight(firstRow.map(cellText), firstRow.map(cellBold));
    this.ensureSpace(22 + headerHeight + Math.min(firstHeight, 200));
    const table = doc.struct('Table');
    this.root.add(table);
    const captionText = this.text.set(
      [{ text: caption, font: 'bold', color: COLOR.muted }],
      MARGIN.left,
      doc.y,
      { size: 9.5, width: CONTENT_WIDTH },
    );
    table.add(doc.struct('Caption', {}, [() => captionText.draw()]));
    doc.y = captionText.bottom + 3;

    /** Background and rules of one row (or part of a row): layout, not content. */
    const decorate = (y: number, height: number, kind: 'header' | 'body' | 'total') => {
      doc.markContent('Artifact', { type: 'Layout' } as never);
      if (kind !== 'body') {
        doc
          .rect(MARGIN.left, y, CONTENT_WIDTH, height)
          .fill(kind === 'header' ? COLOR.headerFill : COLOR.totalFill);
      }
      doc
        .lineWidth(kind === 'total' ? 1 : 0.5)
        .strokeColor(kind === 'body' ? COLOR.rule : COLOR.heading)
        .moveTo(MARGIN.left, y + height)
        .lineTo(MARGIN.left + CONTENT_WIDTH, y + height)
        .stroke();
      if (kind === 'total') {
        doc
          .moveTo(MARGIN.left, y)
          .lineTo(MARGIN.left + CONTENT_WIDTH, y)
          .stroke();
      }
      doc.endMarkedContent();
    };
    const drawText = (text: string, i: number, y: number, bold: boolean, header: boolean) => {
      if (!text) return;
      const color = header ? COLOR.heading : COLOR.text;
      this.text
        .set([{ text, font: fontOf(bold), color }], (xs[i] ?? 0) + pad, y + pad, cellOptions(i))
        .draw();
    };
    const cellStruct = (i: number, kind: 'header' | 'body' | 'total') => {
      const isHeader = kind === 'header' || (i === 0 && t.rowHeaders === true && kind === 'body');
      const options = isHeader ? { scope: kind === 'header' ? 'Column' : 'Row' } : {};
      return doc.struct(isHeader ? 'TH' : 'TD', options as never);
    };
    /** The header row again on a new page: a repetition, so an artifact. */
    const repeatHeader = () => {
      const y = doc.y;
      decorate(y, headerHeight, 'header');
      doc.markContent('Artifact', { type: 'Pagination' } as never);
      headerTexts.forEach((text, i) => drawText(text, i, y, true, true));
      doc.endMarkedContent();
      doc.y = y + headerHeight;
    };
    const newPage = () => {
      doc.addPage();
      repeatHeader();
    };

    /**
     * One row: moved to the next page when it does not fit, and split across pages (each cell
     * continuing in the same TD) only when it is taller than a whole page.
     */
    const row = (
      cells: string[],
      bold: boolean[],
      kind: 'header' | 'body' | 'total',
      parent: Struct,
    ) => {
      const tr = doc.struct('TR');
      parent.add(tr);
      const tds = cells.map((_, i) => {
        const td = cellStruct(i, kind);
        tr.add(td);
        return td;
      });
      let remaining = cells;
      let moved = false;
      while (remaining.some((text) => text !== '')) {
        const room = this.maxY - doc.y;
        const height = rowHeight(remaining, bold);
        let part = remaining;
        let partHeight = height;
        if (height > room) {
          const pageRoom = this.maxY - MARGIN.top - headerHeight;
          if (!moved && height <= pageRoom) {
            moved = true;
            newPage();
            continue;
          }
          const split = remaining.map((text, i) =>
            this.splitToFit(text, fontOf(bold[i] ?? false), cellOptions(i), room - pad * 2),
          );
          if (split.every(([fit]) => fit === '')) {
            newPage();
            continue;
          }
          part = split.map(([fit]) => fit);
          partHeight = room;
          remaining = split.map(([, rest]) => rest);
        } else {
          remaining = remaining.map(() => '');
        }
        const y = doc.y;
        decorate(y, partHeight, kind);
        part.forEach((text, i) => {
          if (text) tds[i]!.add(() => drawText(text, i, y, bold[i] ?? false, kind === 'header'));
        });
        doc.y = y + partHeight;
        if (remaining.some((text) => text !== '')) newPage();
      }
      tds.forEach((td) => td.end());
      tr.end();
    };

    const thead = doc.struct('THead');
    table.add(thead);
    row(headerTexts, headerBold, 'header', thead);
    thead.end();
    const tbody = doc.struct('TBody');
    table.add(tbody);
    for (const r of t.rows) row(r.map(cellText), r.map(cellBold), 'body', tbody);
    for (const r of t.totals ?? [])
      row(
        r.map(cellText),
        r.map(() => true),
        'total',
        tbody,
      );
    tbody.end();
    table.end();
    doc.y += 12;
  }

  /**
   * Splits a cell's text at a word boundary so that the first part fits `height` at `width`:
   * [what fits, the rest]. A single word too long for the room goes whole into the rest.
   */
  private splitToFit(
    text: string,
    font: FontName,
    options: TextOptions,
    height: number,
  ): [string, string] {
    if (!text) return ['', ''];
    const heightOf = (value: string) =>
      this.text.height([{ text: value, font, color: COLOR.text }], options);
    if (heightOf(text) <= height) return [text, ''];
    const tokens = text.split(/(\s+)/);
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const candidate = tokens.slice(0, mid).join('').trimEnd();
      if (heightOf(candidate) <= height) lo = mid;
      else hi = mid - 1;
    }
    return [tokens.slice(0, lo).join('').trimEnd(), tokens.slice(lo).join('').trimStart()];
  }

  private chart(c: ChartBlock) {
    const { doc } = this;
    const scene = chartScene(c.chart);
    const scale = Math.min(1, CONTENT_WIDTH / scene.width);
    const height = scene.height * scale;
    this.figureNumber += 1;
    this.ensureSpace(height + 30);
    const top = doc.y + 4;
    this.add('Figure', () => drawScene(doc, this.text, scene, MARGIN.left, top, scale), {
      alt: c.chart.description,
    });
    this.addText(
      'Caption',
      [
        {
          text: `${this.words.figure} ${this.figureNumber} – ${c.caption}`,
          font: 'italic',
          color: COLOR.muted,
        },
      ],
      MARGIN.left,
      top + height + 6,
      { size: 9, width: CONTENT_WIDTH },
    );
    doc.y += 12;
  }

  /** Running header and "Pagina N di M" footer on every page but the cover. */
  pageFurniture() {
    const { doc, outline, text } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = range.start + 1; i < range.start + total; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' } as never);
      const size = 8.5;
      const left = text.fit(outline.header, 'regular', size, CONTENT_WIDTH * 0.45);
      const leftWidth = text.width(left, 'regular', size);
      const right = text.fit(outline.title, 'regular', size, CONTENT_WIDTH - leftWidth - 24);
      const rightX = MARGIN.left + CONTENT_WIDTH - text.width(right, 'regular', size);
      text.drawAt(left, 'regular', size, COLOR.muted, MARGIN.left, 38);
      text.drawAt(right, 'regular', size, COLOR.muted, rightX, 38);
      doc
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .moveTo(MARGIN.left, 52)
        .lineTo(MARGIN.left + CONTENT_WIDTH, 52)
        .stroke();
      const footer = `${this.words.page} ${i + 1} ${this.words.pageOf} ${total}`;
      const footerX = MARGIN.left + CONTENT_WIDTH - text.width(footer, 'regular', size);
      text.drawAt(footer, 'regular', size, COLOR.muted, footerX, PAGE.height - 40);
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
    doc.switchToPage(range.start + total - 1);
  }
}

const tocSize = (level: number) => (level === 1 ? 11 : 10.5);
const tocRun = (text: string, level: number): TextRun => ({
  text,
  font: level === 1 ? 'semibold' : 'regular',
  color: COLOR.text,
});

/** Draws a chart scene (see charts.ts) as vector graphics and real text. */
function drawScene(doc: Doc, text: PdfText, scene: Scene, x0: number, y0: number, scale: number) {
  doc.save();
  for (const s of scene.shapes) {
    if (s.type === 'rect') {
      doc
        .rect(x0 + s.x * scale, y0 + s.y * scale, s.w * scale, s.h * scale)
        .fillOpacity(s.opacity ?? 1)
        .fill(s.fill)
        .fillOpacity(1);
    } else if (s.type === 'line') {
      doc.lineWidth(s.width * scale).strokeColor(s.stroke);
      if (s.dash) doc.dash(4 * scale, { space: 3 * scale });
      doc
        .moveTo(x0 + s.x1 * scale, y0 + s.y1 * scale)
        .lineTo(x0 + s.x2 * scale, y0 + s.y2 * scale)
        .stroke();
      if (s.dash) doc.undash();
    } else if (s.type === 'diamond') {
      const cx = x0 + s.cx * scale;
      const cy = y0 + s.cy * scale;
      const r = s.r * scale;
      doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]).fill(s.fill);
    } else {
      const size = s.size * scale;
      const font: FontName = s.bold ? 'bold' : s.italic ? 'italic' : 'regular';
      const width = text.width(s.text, font, size);
      const left = s.anchor === 'start' ? 0 : s.anchor === 'middle' ? width / 2 : width;
      text.drawLine(s.text, font, size, s.fill, x0 + s.x * scale - left, y0 + s.y * scale);
    }
  }
  doc.restore();
}
